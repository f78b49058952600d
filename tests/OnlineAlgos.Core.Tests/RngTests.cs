using OnlineAlgos.Core;
using Xunit;

namespace OnlineAlgos.Core.Tests;

public class RngTests
{
    [Fact]
    public void SameSeedGivesSameStream()
    {
        var a = new Rng(42);
        var b = new Rng(42);
        for (int i = 0; i < 1000; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
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
