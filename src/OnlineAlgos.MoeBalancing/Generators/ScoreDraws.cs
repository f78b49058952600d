using OnlineAlgos.Core;

namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>Elementary draws shared by the generators.</summary>
public static class ScoreDraws
{
    /// <summary>Standard Gumbel(0, 1) variate −log(−log U).</summary>
    public static double Gumbel(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        double u = rng.NextDouble();
        if (u <= 0) u = 1e-300;
        return -Math.Log(-Math.Log(u));
    }

    /// <summary>Logistic sigmoid.</summary>
    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>
    /// Zipf log-popularity over a random permutation: log w_i = −a·log(rank_i) − log Σ_j rank_j^{−a}, ranks 1..E.
    /// </summary>
    public static double[] ZipfLogWeights(int experts, double exponent, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var perm = new int[experts];
        for (int i = 0; i < experts; i++) perm[i] = i;
        rng.Shuffle(perm.AsSpan());
        var lw = new double[experts];
        for (int i = 0; i < experts; i++) lw[i] = -exponent * Math.Log(perm[i] + 1.0);
        Normalize(lw);
        return lw;
    }

    /// <summary>Shifts log-weights so Σ exp = 1.</summary>
    public static void Normalize(Span<double> logWeights)
    {
        double m = double.NegativeInfinity;
        foreach (double v in logWeights) m = Math.Max(m, v);
        double s = 0;
        foreach (double v in logWeights) s += Math.Exp(v - m);
        double lse = m + Math.Log(s);
        for (int i = 0; i < logWeights.Length; i++) logWeights[i] -= lse;
    }
}
