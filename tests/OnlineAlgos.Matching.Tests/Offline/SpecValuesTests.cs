using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Offline;
using OnlineAlgos.Matching.Online;
using Xunit;

namespace OnlineAlgos.Matching.Tests.Offline;

/// <summary>The spec's §3.4 numbers (reproduced exactly by its review), checked exactly: LP, DP, exact evaluation.</summary>
public class SpecValuesTests
{
    [Theory]
    [InlineData(5, 1.03672, 1.04, 0.71232, 0.77790)]
    [InlineData(10, 1.08651, 1.09, 0.74132, 0.80330)]
    public void PoissonTrapF2MatchesSpecTable(int n, double optOn, double lp, double unscaled, double scaled)
    {
        var inst = AdversarialFamilies.PoissonTrap(n, 0.01);
        var x = PpswLinearProgram.Solve(inst);
        Assert.Equal(lp, x.Value, 6);
        Assert.Equal(AdversarialFamilies.PoissonTrapLp(n, 0.01), x.Value, 8);
        Assert.Equal(optOn, OnlineOptimum.Solve(inst), 5);
        double u = ExactEvaluator.Value(inst, new PivotalSamplingMatching(inst, x, PivotalSamplingOptions.Unscaled));
        double s = ExactEvaluator.Value(inst, new PivotalSamplingMatching(inst, x));
        double ind = ExactEvaluator.Value(inst, new IndependentProposalsMatching(inst, x));
        Assert.Equal(unscaled, u, 5);
        Assert.Equal(AdversarialFamilies.PoissonTrapUnscaled(n, 0.01), u, 8);
        Assert.Equal(AdversarialFamilies.PoissonTrapUnscaled(n, 0.01), ind, 8);
        Assert.Equal(scaled, s, 5);
        Assert.Equal(AdversarialFamilies.PoissonTrapScaled(n, 0.01), s, 8);
    }

    [Fact]
    public void PoissonTrapF2OfflineEqualsOnline()
    {
        var inst = AdversarialFamilies.PoissonTrap(6, 0.01);
        var off = OfflineOptimum.Solve(inst, new Core.Rng(1));
        Assert.Equal(OnlineAlgos.Matching.Model.EstimateMethod.Exact, off.Method);
        Assert.Equal(OnlineOptimum.Solve(inst), off.Value, 9);
    }

    [Theory]
    [InlineData(5, 0.7045)]
    [InlineData(8, 0.6946)]
    public void SureNodeTrapF7RatioMatchesSpec(int m, double ratio)
    {
        var inst = AdversarialFamilies.SureNodeTrap(m, 0.2761, 1e-4);
        var x = PpswLinearProgram.Solve(inst);
        double opt = OnlineOptimum.Solve(inst);
        Assert.Equal(opt, x.Value, 4); // LP = OPT_on + O(dw) here
        Assert.True(x.Value >= opt - 1e-9);
        double alg = ExactEvaluator.Value(inst, new PivotalSamplingMatching(inst, x));
        Assert.Equal(ratio, alg / opt, 4);
        Assert.True(Math.Abs(AdversarialFamilies.SureNodeTrapScaled(m, 0.2761) - alg) <= (m + 2) * 1e-4); // closed form is up to O(m dw)
    }

    [Fact]
    public void SureNodeTrapLimitIsTheReconstructedConstant()
    {
        Assert.Equal(0.67897, AdversarialFamilies.SureNodeTrapLimit(0.2761), 5);
        Assert.Equal(0.65280, AdversarialFamilies.SureNodeTrapLimit(0.1108, 0.0480, 0.0643), 5);
        Assert.Equal(1 - 1 / Math.E, AdversarialFamilies.SureNodeTrapLimit(0, 0, 0), 12);
    }

    [Fact]
    public void ProphetGapF1()
    {
        var inst = AdversarialFamilies.ProphetGap(0.1);
        Assert.Equal(1, OnlineOptimum.Solve(inst), 12);
        Assert.Equal(1, PpswLinearProgram.Solve(inst).Value, 9);
        Assert.Equal(2 - 0.1, OfflineOptimum.Solve(inst, new Core.Rng(1)).Value, 9);
    }

    [Fact]
    public void OneShotF3PivotalIsExactAndIndependentLosesTheTail()
    {
        for (int n = 1; n <= 7; n++)
        {
            var inst = AdversarialFamilies.OneShot(n);
            var x = AdversarialFamilies.OneShotX(inst);
            Assert.Equal(1, ExactEvaluator.Value(inst, new PivotalSamplingMatching(inst, x, PivotalSamplingOptions.Unscaled)), 12);
            // Scaled: x = 1/n <= theta is discounted to 0.89/n (n >= 2); for n = 1, x = 1 > theta and xh = 1.
            Assert.Equal(n == 1 ? 1 : 0.89, ExactEvaluator.Value(inst, new PivotalSamplingMatching(inst, x)), 12);
            Assert.Equal(1 - Math.Pow(1 - 1.0 / n, n), ExactEvaluator.Value(inst, new IndependentProposalsMatching(inst, x)), 12);
        }
    }

    [Fact]
    public void GreedyTrapF6()
    {
        var inst = AdversarialFamilies.GreedyTrap(7);
        Assert.Equal(7, OnlineOptimum.Solve(inst), 12);
        Assert.Equal(1, ExactEvaluator.Value(inst, new GreedyMatching(inst)), 12);
    }
}
