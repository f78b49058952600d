using OnlineAlgos.Core;
using OnlineAlgos.Matching.Online;
using Xunit;

namespace OnlineAlgos.Matching.Tests.Online;

/// <summary>Spec §6 E7: per-run invariants, and the exact distribution's marginals, pairwise negative correlation and
/// prefix property.</summary>
public class PivotalSamplingTests
{
    private static double[] RandomValues(Rng rng, int k)
    {
        var y = new double[k];
        for (int i = 0; i < k; i++)
            y[i] = rng.NextInt(4) switch { 0 => 0, 1 => 1, 2 => Math.Round(rng.NextDouble(), 1), _ => rng.NextDouble() };
        return y;
    }

    [Fact]
    public void EveryRunKeepsTotalsAndPrefixesAtFloorOrCeiling()
    {
        var rng = new Rng(1);
        var sel = new bool[20];
        for (int trial = 0; trial < 3000; trial++)
        {
            int k = rng.NextInt(21);
            var y = RandomValues(rng, k);
            PivotalSampling.Sample(y, sel, rng);
            double prefix = 0;
            int count = 0;
            for (int m = 0; m < k; m++)
            {
                prefix += y[m];
                if (sel[m]) count++;
                Assert.InRange(count, Math.Floor(prefix + 1e-9), Math.Ceiling(prefix - 1e-9));
                if (y[m] == 0) Assert.False(sel[m]);
                if (y[m] == 1) Assert.True(sel[m]);
            }
        }
    }

    [Fact]
    public void ExactDistributionHasTheMarginalsNegativeCorrelationAndPrefixProperty()
    {
        var rng = new Rng(2);
        for (int trial = 0; trial < 300; trial++)
        {
            int k = 1 + rng.NextInt(10);
            var y = RandomValues(rng, k);
            var dist = PivotalSampling.Distribution(y);
            double total = 0;
            var marg = new double[k];
            var both = new double[k, k];
            var neither = new double[k, k];
            var someInPrefix = new double[k];
            foreach (var (s, p) in dist)
            {
                total += p;
                for (int a = 0; a < k; a++)
                {
                    bool ya = (s >> a & 1) != 0;
                    if (ya) marg[a] += p;
                    for (int b = a + 1; b < k; b++)
                    {
                        bool yb = (s >> b & 1) != 0;
                        if (ya && yb) both[a, b] += p;
                        if (!ya && !yb) neither[a, b] += p;
                    }
                }
                for (int m = 0; m < k; m++)
                    if ((s & ((2UL << m) - 1)) != 0) someInPrefix[m] += p;
            }
            Assert.Equal(1, total, 12);
            double prefix = 0;
            for (int a = 0; a < k; a++)
            {
                Assert.Equal(y[a], marg[a], 12);
                prefix += y[a];
                Assert.Equal(Math.Min(1, prefix), someInPrefix[a], 12);
                for (int b = a + 1; b < k; b++)
                {
                    Assert.True(both[a, b] <= y[a] * y[b] + 1e-12);
                    Assert.True(neither[a, b] <= (1 - y[a]) * (1 - y[b]) + 1e-12);
                }
            }
        }
    }

    [Fact]
    public void SamplerFrequenciesMatchTheExactDistribution()
    {
        // N = 40,000 samples per vector; each selection probability within 4 standard errors (<= 0.01).
        var y = new[] { 0.3, 0.5, 0.45, 0.9, 0.2, 0.65 };
        var dist = PivotalSampling.Distribution(y).ToDictionary(d => d.Selected, d => d.Probability);
        var counts = new Dictionary<ulong, int>();
        var rng = new Rng(4);
        var sel = new bool[y.Length];
        const int N = 40000;
        for (int s = 0; s < N; s++)
        {
            PivotalSampling.Sample(y, sel, rng);
            ulong mask = 0;
            for (int i = 0; i < y.Length; i++) if (sel[i]) mask |= 1UL << i;
            counts[mask] = counts.GetValueOrDefault(mask) + 1;
        }
        foreach (var kv in counts) Assert.True(dist.ContainsKey(kv.Key), $"sampled an impossible selection {kv.Key}");
        foreach (var (mask, p) in dist)
        {
            double f = counts.GetValueOrDefault(mask) / (double)N;
            Assert.InRange(f, p - 4 * Math.Sqrt(p * (1 - p) / N) - 1e-9, p + 4 * Math.Sqrt(p * (1 - p) / N) + 1e-9);
        }
    }

    [Fact]
    public void AtMostOneSelectedWhenTheSumIsAtMostOne()
    {
        var y = new[] { 0.25, 0.25, 0.5 };
        foreach (var (s, p) in PivotalSampling.Distribution(y))
            Assert.True(System.Numerics.BitOperations.PopCount(s) == 1 || p == 0);
        Assert.Single(PivotalSampling.Distribution(Array.Empty<double>()));
    }
}
