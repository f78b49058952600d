using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Model;

public class RoutingAndMetricsTests
{
    private static ScoreMatrix M(params double[][] rows) => ScoreMatrix.FromRows(rows, rows[0].Length);

    [Fact]
    public void TopK_HandChecked_BiasSelectsButTiesGoToSmallerIndex()
    {
        var s = M(new[] { 3.0, 5, 5, 1 }, new[] { 1.0, 1, 1, 1 });
        var (a, l) = TopKRouter.Route(s, new double[4], 2);
        Assert.Equal(new[] { 1, 2, 0, 1 }, a);
        Assert.Equal(new[] { 1, 2, 1, 0 }, l);
        (a, l) = TopKRouter.Route(s, new[] { 0.0, 0, 0, 5 }, 2);
        Assert.Equal(new[] { 3, 1, 3, 0 }, a);
        // Gate weights / objective use the unbiased scores: 1 + 5 and 1 + 1.
        Assert.Equal(8.0, BalanceMetrics.Objective(s, a, 2));
    }

    [Fact]
    public void TopK_Multiplicative_SelectsByProduct()
    {
        var s = M(new[] { 0.5, 0.4, 0.3 });
        var (a, _) = TopKRouter.Route(s, new[] { 1.0, 2.0, 1.0 }, 1, SelectionRule.Multiplicative);
        Assert.Equal(new[] { 1 }, a);
    }

    [Fact]
    public void TopK_AgreesWithAStableSortOnRandomRowsWithTies()
    {
        var rng = new Rng(7);
        for (int rep = 0; rep < 400; rep++)
        {
            int e = 1 + rng.NextInt(70), k = 1 + rng.NextInt(e), t = 1 + rng.NextInt(5);
            var s = new ScoreMatrix(t, e);
            for (int j = 0; j < s.Data.Length; j++) s.Data[j] = rng.NextInt(6);
            var p = new double[e];
            for (int i = 0; i < e; i++) p[i] = rng.NextInt(3);
            var (a, l) = TopKRouter.Route(s, p, k);
            var expectLoads = new int[e];
            for (int tok = 0; tok < t; tok++)
            {
                var order = Enumerable.Range(0, e).OrderByDescending(i => s[tok, i] + p[i]).ThenBy(i => i).Take(k).ToArray();
                Assert.Equal(order, a.AsSpan(tok * k, k).ToArray());
                foreach (int i in order) expectLoads[i]++;
            }
            Assert.Equal(expectLoads, l);
        }
    }

    [Fact]
    public void TopK_SimdFilteredPath_MatchesStableSort_WithTiesAtTheThreshold()
    {
        // E divisible by 8 and K <= 8 take the two-pass SIMD filter; ties equal to the filter threshold must survive.
        var rng = new Rng(8);
        foreach (int e in new[] { 16, 32, 64, 256 })
            for (int k = 1; k <= 8; k++)
                for (int rep = 0; rep < 30; rep++)
                {
                    var row = new double[e];
                    bool ties = rep % 2 == 0;
                    for (int i = 0; i < e; i++) row[i] = ties ? rng.NextInt(4) : rng.NextGaussian();
                    var idx = new int[k];
                    var vals = new double[k];
                    TopKRouter.SelectSorted(row, k, idx, vals);
                    var expect = Enumerable.Range(0, e).OrderByDescending(i => row[i]).ThenBy(i => i).Take(k).ToArray();
                    Assert.Equal(expect, idx);
                }
    }

    [Fact]
    public void EdgeCases_KEqualsE_OneExpert_NoTokens()
    {
        var s = M(new[] { 1.0, 2, 3 }, new[] { 3.0, 2, 1 });
        var (a, l) = TopKRouter.Route(s, new double[3], 3);
        Assert.Equal(new[] { 2, 2, 2 }, l);
        Assert.Equal(0.0, BalanceMetrics.MaxVio(l));
        Assert.Equal(double.PositiveInfinity, TopKRouter.Margin(s.Row(0), new double[3], 3));
        var one = M(new[] { 4.0 }, new[] { -1.0 });
        Assert.Equal(new[] { 2 }, TopKRouter.Route(one, new double[1], 1).Loads);
        var empty = new ScoreMatrix(0, 4);
        var (ea, el) = TopKRouter.Route(empty, new double[4], 2);
        Assert.Empty(ea);
        Assert.Equal(0.0, BalanceMetrics.MaxVio(el));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopKRouter.Route(s, new double[3], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopKRouter.Route(s, new double[3], 0));
    }

    [Fact]
    public void Metrics_HandChecked()
    {
        int[] loads = { 4, 2, 0, 2 };
        Assert.Equal(1.0, BalanceMetrics.MaxVio(loads)); // L = 2, max 4
        Assert.Equal(1, BalanceMetrics.IdleExperts(loads));
        Assert.Equal(0.5, BalanceMetrics.IdleComputeFraction(loads));
        Assert.Equal(new[] { 1, 2, 1 }, BalanceMetrics.LoadHistogram(loads, 2, 3));
        Assert.Equal(1.0, BalanceMetrics.MaxVio(new long[] { 4, 2, 0, 2 }));
    }

    [Fact]
    public void DualFunction_EqualsLagrangianAtTheBiasedRouting_AndBoundsHandChecked()
    {
        var s = M(new[] { 10.0, 1 }, new[] { 9.0, 8 });
        Assert.Equal(19.0, BalanceMetrics.TopKBound(s, 1));
        Assert.Equal(18.0, BalanceMetrics.ExpertChoiceBound(s, 1, 1));
        var p = new[] { -1.5, 0.0 };
        var (a, _) = TopKRouter.Route(s, p, 1);
        // D(p) = max(8.5, 1) + max(7.5, 8) − 1·(−1.5) = 8.5 + 8 + 1.5 = 18 = OPT.
        Assert.Equal(18.0, BalanceMetrics.DualFunction(s, p, 1, 1));
        Assert.Equal(18.0, BalanceMetrics.Lagrangian(s, a, 1, p, 1));
    }
}
