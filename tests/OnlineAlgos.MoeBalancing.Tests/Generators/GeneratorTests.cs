using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Generators;

public class GeneratorTests
{
    private static IScoreGenerator[] All(Rng setup) => new IScoreGenerator[]
    {
        new IidSigmoidGenerator(8, 2),
        new ZipfGumbelGenerator(8, 1.0, setup),
        new TopicMixtureGenerator(8, setup),
        new DriftGenerator(new ZipfGumbelGenerator(8, 1.0, setup), DriftMode.RandomWalk, 0.1),
        new DriftGenerator(new ZipfGumbelGenerator(8, 1.0, setup), DriftMode.ChangePoint, period: 2),
        new DriftGenerator(new ZipfGumbelGenerator(8, 1.0, setup), DriftMode.CyclicShift, period: 2),
        new AdversarialGenerator(8, AdversarialKind.IdenticalRows, setup),
        new AdversarialGenerator(8, AdversarialKind.Superstar, setup),
        new AdversarialGenerator(8, AdversarialKind.Binary, setup),
    };

    [Fact]
    public void SameSeed_SameBatches_AllFinite()
    {
        var a = All(new Rng(1));
        var b = All(new Rng(1));
        for (int g = 0; g < a.Length; g++)
        {
            var ra = new Rng(5);
            var rb = new Rng(5);
            for (int step = 0; step < 4; step++)
            {
                var x = new ScoreMatrix(16, 8);
                var y = new ScoreMatrix(16, 8);
                a[g].Next(x, ra);
                b[g].Next(y, rb);
                Assert.Equal(x.Data, y.Data);
                Assert.All(x.Data, v => Assert.True(double.IsFinite(v)));
            }
        }
    }

    [Fact]
    public void Families_HaveTheirShape()
    {
        var setup = new Rng(2);
        var rng = new Rng(3);
        var s = new ScoreMatrix(20, 8);
        new AdversarialGenerator(8, AdversarialKind.IdenticalRows, setup).Next(s, rng);
        for (int t = 1; t < 20; t++) Assert.Equal(s.Row(0).ToArray(), s.Row(t).ToArray());
        new AdversarialGenerator(8, AdversarialKind.Superstar, setup, gap: 1).Next(s, rng);
        for (int t = 0; t < 20; t++)
            for (int i = 1; i < 8; i++) Assert.True(s[t, 0] >= s[t, i] + 1 - 1e-12);
        new AdversarialGenerator(8, AdversarialKind.Binary, setup).Next(s, rng);
        Assert.All(s.Data, v => Assert.True(v == 0 || v == 1));
        new IidSigmoidGenerator(8).Next(s, rng);
        Assert.All(s.Data, v => Assert.True(v > 0 && v < 1));
        var z = new ZipfGumbelGenerator(8, 1.0, setup);
        double sumW = 0;
        foreach (double lw in z.LogWeights) sumW += Math.Exp(lw);
        Assert.Equal(1.0, sumW, 12);
        var sortedW = z.LogWeights.ToArray().Select(Math.Exp).OrderByDescending(v => v).ToArray();
        Assert.Equal(2.0, sortedW[0] / sortedW[1], 9); // Zipf a = 1: rank 1 vs rank 2
    }

    [Fact]
    public void Drift_ChangesPopularity_CyclicShiftRotates()
    {
        var setup = new Rng(4);
        var inner = new ZipfGumbelGenerator(6, 1.0, setup);
        var before = inner.LogWeights.ToArray();
        var d = new DriftGenerator(inner, DriftMode.CyclicShift, period: 1);
        var s = new ScoreMatrix(2, 6);
        var rng = new Rng(5);
        d.Next(s, rng); // first batch: no shift
        Assert.Equal(before, inner.LogWeights.ToArray());
        d.Next(s, rng);
        for (int i = 0; i < 6; i++) Assert.Equal(before[i], inner.LogWeights[(i + 1) % 6]);
    }
}
