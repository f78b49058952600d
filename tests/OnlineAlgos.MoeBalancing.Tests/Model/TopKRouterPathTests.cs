using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Model;

/// <summary>
/// The router has three selection paths (AVX-512 compress-and-rank, 256-bit filter, scalar insertion); each must give
/// the stable-sort answer, including its rerank on ties and its fallback when more than 64 entries pass the filter.
/// </summary>
public class TopKRouterPathTests
{
    private static int[] StableTopK(double[] row, int k) =>
        Enumerable.Range(0, row.Length).OrderByDescending(i => row[i]).ThenBy(i => i).Take(k).ToArray();

    public static TheoryData<string> RowKinds => new() { "gaussian", "ties", "zipf-like", "constant", "neg-inf-groups" };

    private static double[] Row(string kind, int e, Rng rng)
    {
        var row = new double[e];
        for (int i = 0; i < e; i++)
            row[i] = kind switch
            {
                "gaussian" => rng.NextGaussian(),
                "ties" => rng.NextInt(4),
                "zipf-like" => -Math.Log(i + 1) + 0.3 * rng.NextGaussian(),
                "constant" => 2.5,
                _ => (i / 8) % 2 == 0 ? double.NegativeInfinity : rng.NextInt(3), // group-limited masking
            };
        return row;
    }

    [Theory]
    [MemberData(nameof(RowKinds))]
    public void EveryPath_EqualsTheStableSort(string kind)
    {
        var rng = new Rng(31);
        foreach (int e in new[] { 8, 16, 24, 64, 72, 128, 256, 520 })
            for (int k = 1; k <= Math.Min(10, e); k++)
                for (int rep = 0; rep < 12; rep++)
                {
                    var row = Row(kind, e, rng);
                    var expect = StableTopK(row, k);
                    var idx = new int[k];
                    var vals = new double[k];
                    TopKRouter.SelectSorted(row, k, idx, vals);
                    Assert.Equal(expect, idx);
                    for (int j = 0; j < k; j++) Assert.Equal(row[expect[j]], vals[j]);
                    Array.Clear(idx);
                    TopKRouter.SelectSortedPortable(row, k, idx, vals);
                    Assert.Equal(expect, idx);
                }
    }

    [Fact]
    public void Route_FusedBiasPath_EqualsTheStableSort_BothRules()
    {
        // 64 experts and K = 8 take the fused bias-and-filter path on AVX-512 machines.
        var rng = new Rng(32);
        var s = new ScoreMatrix(300, 64);
        for (int j = 0; j < s.Data.Length; j++) s.Data[j] = j % 3 == 0 ? rng.NextInt(5) : rng.NextDouble();
        var p = new double[64];
        for (int i = 0; i < 64; i++) p[i] = i % 5 == 0 ? 0.5 : 0.01 * rng.NextGaussian();
        foreach (var rule in new[] { SelectionRule.Additive, SelectionRule.Multiplicative })
            foreach (int k in new[] { 1, 2, 6, 8 })
            {
                var (a, l) = TopKRouter.Route(s, p, k, rule);
                var expectLoads = new int[64];
                for (int t = 0; t < s.Tokens; t++)
                {
                    var row = new double[64];
                    for (int i = 0; i < 64; i++) row[i] = rule == SelectionRule.Additive ? s[t, i] + p[i] : s[t, i] * p[i];
                    var expect = StableTopK(row, k);
                    Assert.Equal(expect, a.AsSpan(t * k, k).ToArray());
                    foreach (int i in expect) expectLoads[i]++;
                }
                Assert.Equal(expectLoads, l);
            }
    }

    [Fact]
    public void NaNRoutingValues_AreRejected_NotSilentlySkipped()
    {
        var s = new ScoreMatrix(2, 64);
        var p = new double[64];
        p[17] = double.NaN;
        var ex = Assert.Throws<InvalidOperationException>(() => TopKRouter.Route(s, p, 8));
        Assert.Contains("NaN", ex.Message);
        var row = new double[64];
        row[3] = double.NaN;
        Assert.Throws<InvalidOperationException>(() => TopKRouter.SelectSorted(row, 8, new int[8], new double[8]));
    }
}
