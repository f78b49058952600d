using OnlineAlgos.Core;
using Xunit;

namespace OnlineAlgos.Core.Tests;

public class RngTests
{
    [Theory]
    [InlineData(0UL, 0x99ec5f36cb75f2b4UL, 0xbf6e1f784956452aUL, 0x1a5f849d4933e6e0UL, 0x6aa594f1262d2d2cUL)]
    [InlineData(42UL, 0x15780b2e0c2ec716UL, 0x6104d9866d113a7eUL, 0xae17533239e499a1UL, 0xecb8ad4703b360a1UL)]
    public void StreamIsXoshiro256StarStarSeededBySplitMix64(ulong seed, ulong v0, ulong v1, ulong v2, ulong v3)
    {
        // Expected values from an independent implementation of the published reference algorithms (Blackman & Vigna:
        // SplitMix64 fills the four state words, then xoshiro256**), written in python3 for this test:
        //   M=2**64-1; sm: st=(st+0x9E3779B97F4A7C15)&M; z=st; z=((z^(z>>30))*0xBF58476D1CE4E5B9)&M;
        //   z=((z^(z>>27))*0x94D049BB133111EB)&M; return z^(z>>31)
        //   next: r=rotl(s1*5,7)*9; t=s1<<17; s2^=s0; s3^=s1; s1^=s2; s0^=s3; s2^=t; s3=rotl(s3,45)
        var rng = new Rng(seed);
        Assert.Equal(v0, rng.NextUInt64());
        Assert.Equal(v1, rng.NextUInt64());
        Assert.Equal(v2, rng.NextUInt64());
        Assert.Equal(v3, rng.NextUInt64());
        var again = new Rng(seed);
        Assert.Equal(v0, again.NextUInt64());
    }

    [Fact]
    public void CellStreamsDependOnSeedCellAndReplicate()
    {
        ulong s = Rng.DeriveSeed(7, "k=10;trace=a#0", 0);
        Assert.Equal(s, Rng.DeriveSeed(7, "k=10;trace=a#0", 0));
        Assert.NotEqual(s, Rng.DeriveSeed(8, "k=10;trace=a#0", 0));
        Assert.NotEqual(s, Rng.DeriveSeed(7, "k=10;trace=b#0", 0));
        Assert.NotEqual(s, Rng.DeriveSeed(7, "k=10;trace=a#0", 1));
    }

    [Fact]
    public void DerivationIsPinned()
    {
        // The derivation is part of the reproducibility contract: published tables depend on it. If this value
        // changes, every study's numbers change; bump the format version in README instead of editing this test.
        Assert.Equal(PinnedFirstDraw, Rng.ForCell(20261126, "workload=zipf;k=10#0", 0).NextUInt64());
    }

    private const ulong PinnedFirstDraw = 18107601050642581915UL;

    [Fact]
    public void NextIntStaysInRangeAndIsRoughlyUniform()
    {
        // 60,000 draws into 6 bins; chi-square with 5 degrees of freedom, 99.9 % quantile = 20.52.
        var rng = new Rng(123);
        var counts = new int[6];
        for (int i = 0; i < 60_000; i++)
        {
            int v = rng.NextInt(6);
            Assert.InRange(v, 0, 5);
            counts[v]++;
        }
        double chi2 = counts.Sum(c => (c - 10_000.0) * (c - 10_000.0) / 10_000.0);
        Assert.True(chi2 < 20.52, $"chi2 = {chi2}");
    }

    [Fact]
    public void NextDoubleInUnitIntervalAndGaussianMoments()
    {
        // 200,000 standard normals: mean within 5 standard errors (0.0112) of 0, variance within 0.02 of 1.
        var rng = new Rng(99);
        double sum = 0, sq = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double u = rng.NextDouble();
            Assert.InRange(u, 0.0, 0.9999999999999999);
            double g = rng.NextGaussian();
            sum += g;
            sq += g * g;
        }
        double mean = sum / 200_000;
        Assert.InRange(mean, -0.0112, 0.0112);
        Assert.InRange(sq / 200_000 - mean * mean, 0.98, 1.02);
    }

    [Fact]
    public void ShuffleIsAPermutation()
    {
        var rng = new Rng(5);
        var a = Enumerable.Range(0, 100).ToArray();
        rng.Shuffle(a.AsSpan());
        Assert.Equal(Enumerable.Range(0, 100), a.OrderBy(x => x));
        Assert.NotEqual(Enumerable.Range(0, 100), a);
    }

    [Fact]
    public void NextIntRejectsEmptyRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rng(1).NextInt(0));
}
