using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;

namespace OnlineAlgos.Matching.Generators;

/// <summary>
/// The instance families of spec §3.4 with their closed-form values (all reproduced exactly by the spec's review).
/// </summary>
public static class AdversarialFamilies
{
    /// <summary>F1 prophet gap: n = 1; t1: p = 1, w = 1; t2: p = ε, w = 1/ε. OPT_on = LP = 1, E[OPT_off] = 2 − ε.</summary>
    public static MatchingInstance ProphetGap(double eps) =>
        MatchingInstance.Bernoulli(new[] { 1.0, eps }, new double[,] { { 1.0 }, { 1.0 / eps } });

    /// <summary>
    /// F2 Poisson trap: times 1..n bring node i's private arrival w.p. 1 − 1/n with weight dw; time n+1 has p = 1 and
    /// weight 1 to every node. Unique LP optimum for dw &gt; 0: x_{i,i} = 1 − 1/n, x_{i,n+1} = 1/n.
    /// </summary>
    public static MatchingInstance PoissonTrap(int n, double dw)
    {
        var p = new double[n + 1];
        var w = new double[n + 1, n];
        for (int i = 0; i < n; i++)
        {
            p[i] = 1 - 1.0 / n;
            w[i, i] = dw;
            w[n, i] = 1;
        }
        p[n] = 1;
        return MatchingInstance.Bernoulli(p, w);
    }

    /// <summary>F2: LP value 1 + dw(n − 1).</summary>
    public static double PoissonTrapLp(int n, double dw) => 1 + dw * (n - 1);

    /// <summary>F2: E[ALG] of unscaled rounding (pivotal or independent): dw(n − 1) + 1 − (1 − 1/n)^n.</summary>
    public static double PoissonTrapUnscaled(int n, double dw) => dw * (n - 1) + 1 - Math.Pow(1 - 1.0 / n, n);

    /// <summary>F2: E[ALG] of the template scaled with (0.11, 0.18) (needs n ≥ 3): dw(n − 1.18) + 1 − (1 − 1.18/n)^n.</summary>
    public static double PoissonTrapScaled(int n, double dw) => dw * (n - 1 - 0.18) + 1 - Math.Pow(1 - 1.18 / n, n);

    /// <summary>F3 one-shot rounding: one online node, p = 1, weight 1 to all n offline nodes.</summary>
    public static MatchingInstance OneShot(int n)
    {
        var w = new double[1, n];
        for (int i = 0; i < n; i++) w[0, i] = 1;
        double[] sure = [1.0];
        return MatchingInstance.Bernoulli(sure, w);
    }

    /// <summary>F3: the hand-made feasible x_{i,1} = 1/n.</summary>
    public static LpSolution OneShotX(MatchingInstance oneShot)
    {
        ArgumentNullException.ThrowIfNull(oneShot);
        var x = new double[oneShot.EdgeCount];
        Array.Fill(x, 1.0 / oneShot.OfflineCount);
        return LpSolution.FromValues(oneShot, x);
    }

    /// <summary>F6 greedy trap: n = 1; t1: p = 1, w = 1; t2: p = 1, w = W. Greedy = 1, OPT_on = W.</summary>
    public static MatchingInstance GreedyTrap(double bigWeight)
    {
        double[] sure = [1.0, 1.0];
        return MatchingInstance.Bernoulli(sure, new double[,] { { 1.0 }, { bigWeight } });
    }

    /// <summary>
    /// F7 Poisson trap with one sure node (nodes 0..m): time j (1..m) brings node j's private arrival w.p.
    /// a = 1 − (1−c)/m with weight dw; time m+1 has p = 1 and weight 1 to every node; time m+2 has p = ½ and weight
    /// dw to node 0 only (pins the LP optimum: x_{0,m+1} = c, x_{j,j} = a, x_{j,m+1} = 1 − a). LP = OPT_on = 1 + O(dw).
    /// </summary>
    public static MatchingInstance SureNodeTrap(int m, double c, double dw)
    {
        int n = m + 1;
        var p = new double[m + 2];
        var w = new double[m + 2, n];
        double a = 1 - (1 - c) / m;
        for (int j = 1; j <= m; j++)
        {
            p[j - 1] = a;
            w[j - 1, j] = dw;
        }
        p[m] = 1;
        for (int i = 0; i < n; i++) w[m, i] = 1;
        p[m + 1] = 0.5;
        w[m + 1, 0] = dw;
        return MatchingInstance.Bernoulli(p, w);
    }

    /// <summary>F7: the default template's value up to O(dw): 1 − (1 − 0.89c)(1 − 1.18(1 − c)/m)^m.</summary>
    public static double SureNodeTrapScaled(int m, double c) => 1 - (1 - 0.89 * c) * Math.Pow(1 - 1.18 * (1 - c) / m, m);

    /// <summary>F7 in the limit m → ∞: g(c) = 1 − (1 − (1−ε)c) e^{−(1+δ)(1−c)} (0.67897 at c = 0.2761 for (0.11, 0.18)).</summary>
    public static double SureNodeTrapLimit(double c, double eps = 0.11, double delta = 0.18) =>
        1 - (1 - (1 - eps) * c) * Math.Exp(-(1 + delta) * (1 - c));
}
