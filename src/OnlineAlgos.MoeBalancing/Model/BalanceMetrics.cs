namespace OnlineAlgos.MoeBalancing.Model;

/// <summary>
/// Load-balance and objective metrics of spec §1: MaxVio ([W] Eq. 4), idle experts (reconstructed definition
/// #{i : n_i = 0}), load histogram, routed-score objective, the Lagrangian ℒ(x, p) and the dual function D(p)
/// (reconstructed Lagrangian relaxation of the balanced assignment problem), and the relaxation bounds UB_topK and
/// UB_EC. All O(T·E) or less.
/// </summary>
public static class BalanceMetrics
{
    /// <summary>Balanced target L = T·K/E (may be fractional).</summary>
    public static double Target(int tokens, int k, int experts) => (double)tokens * k / experts;

    /// <summary>MaxVio = (max_i n_i − L)/L with L = (Σ n)/E; 0 when there is no load.</summary>
    public static double MaxVio(ReadOnlySpan<int> loads)
    {
        long sum = 0;
        int max = 0;
        foreach (int n in loads)
        {
            sum += n;
            if (n > max) max = n;
        }
        if (sum == 0) return 0;
        double l = (double)sum / loads.Length;
        return (max - l) / l;
    }

    /// <summary>MaxVio against a given target L (e.g. the nominal T·K/E when dropped assignments lower Σn); 0 when L = 0.</summary>
    public static double MaxVio(ReadOnlySpan<int> loads, double target)
    {
        if (!(target > 0)) return 0;
        int max = 0;
        foreach (int n in loads) max = Math.Max(max, n);
        return (max - target) / target;
    }

    /// <summary>MaxVio of accumulated loads against a given target.</summary>
    public static double MaxVio(ReadOnlySpan<long> loads, double target)
    {
        if (!(target > 0)) return 0;
        long max = 0;
        foreach (long n in loads) max = Math.Max(max, n);
        return (max - target) / target;
    }

    /// <summary>MaxVio of accumulated (e.g. global) loads.</summary>
    public static double MaxVio(ReadOnlySpan<long> loads)
    {
        long sum = 0, max = 0;
        foreach (long n in loads)
        {
            sum += n;
            if (n > max) max = n;
        }
        if (sum == 0) return 0;
        double l = (double)sum / loads.Length;
        return (max - l) / l;
    }

    /// <summary>Number of experts with no token (reconstructed definition of [HZ]'s "idle experts").</summary>
    public static int IdleExperts(ReadOnlySpan<int> loads)
    {
        int c = 0;
        foreach (int n in loads) if (n == 0) c++;
        return c;
    }

    /// <summary>Idle compute fraction 1 − mean/max = MaxVio/(1 + MaxVio) (reconstructed; synchronous expert parallelism).</summary>
    public static double IdleComputeFraction(ReadOnlySpan<int> loads)
    {
        double v = MaxVio(loads);
        return v / (1 + v);
    }

    /// <summary>Histogram of loads: counts[b] = #{i : n_i / width = b}, with <paramref name="bins"/> bins (the last takes the rest).</summary>
    public static int[] LoadHistogram(ReadOnlySpan<int> loads, int width, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var h = new int[bins];
        foreach (int n in loads) h[Math.Min(bins - 1, n / width)]++;
        return h;
    }

    /// <summary>Routed-score objective Σ_t Σ_{i ∈ S_t} s_{t,i} with the unbiased scores.</summary>
    public static double Objective(ScoreMatrix scores, ReadOnlySpan<int> assignment, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double sum = 0;
        int e = scores.Experts;
        var d = scores.Data;
        for (int t = 0; t < scores.Tokens; t++)
            for (int j = 0; j < k; j++) sum += d[t * e + assignment[t * k + j]];
        return sum;
    }

    /// <summary>
    /// ℒ(x, p) = Σ s·x + Σ_i p_i (n_i(x) − target) (reconstructed Lagrangian, spec §1), with target = L for BAP or
    /// C for CAP_C.
    /// </summary>
    public static double Lagrangian(ScoreMatrix scores, ReadOnlySpan<int> assignment, int k, ReadOnlySpan<double> bias, double target)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double obj = Objective(scores, assignment, k);
        Span<int> n = scores.Experts <= 1024 ? stackalloc int[scores.Experts] : new int[scores.Experts];
        for (int a = 0; a < scores.Tokens * k; a++) n[assignment[a]]++;
        double pen = 0;
        for (int i = 0; i < n.Length; i++) pen += bias[i] * (n[i] - target);
        return obj + pen;
    }

    /// <summary>
    /// Dual function D(p) = Σ_t topKsum(s_t + p) − target·Σ_i p_i (spec §1; target = L for BAP, C for CAP_C with
    /// p ≤ 0). D(p) ≥ OPT for every p (weak duality, T1) and min_p D(p) = OPT.
    /// </summary>
    public static double DualFunction(ScoreMatrix scores, ReadOnlySpan<double> bias, int k, double target)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int e = scores.Experts;
        TopKRouter.Validate(e, bias.Length, k);
        Span<double> row = e <= 512 ? stackalloc double[e] : new double[e];
        Span<int> idx = k <= 256 ? stackalloc int[k] : new int[k];
        Span<double> vals = k <= 256 ? stackalloc double[k] : new double[k];
        double sum = 0;
        for (int t = 0; t < scores.Tokens; t++) sum += TopKRouter.TopKSum(scores.Row(t), bias, k, row, idx, vals);
        double ps = 0;
        foreach (double p in bias) ps += p;
        return sum - target * ps;
    }

    /// <summary>UB_topK = Σ_t (sum of the K largest of row t): the plain top-K objective, an upper bound on OPT.</summary>
    public static double TopKBound(ScoreMatrix scores, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return DualFunction(scores, new double[scores.Experts], k, 0);
    }

    /// <summary>
    /// Expert-choice relaxation bound with per-expert capacity C: drop the per-token constraints, keep the total T·K
    /// and at most C per expert, so the value is the sum of the T·K largest entries among each column's C largest.
    /// With C = L integer this is spec §1's UB_EC = Σ_i (sum of the L largest of column i). Upper bound on OPT(CAP_C)
    /// and on OPT(BAP) when C = L. O(T·E log T).
    /// </summary>
    public static double ExpertChoiceBound(ScoreMatrix scores, int k, int capacity)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        int t = scores.Tokens, e = scores.Experts;
        int take = Math.Min(capacity, t);
        var pool = new List<double>(e * take);
        var col = new double[t];
        for (int i = 0; i < e; i++)
        {
            for (int r = 0; r < t; r++) col[r] = scores.Data[r * e + i];
            Array.Sort(col);
            for (int j = 0; j < take; j++) pool.Add(col[t - 1 - j]);
        }
        pool.Sort();
        long need = Math.Min((long)t * k, pool.Count);
        double sum = 0;
        for (int j = 0; j < need; j++) sum += pool[pool.Count - 1 - j];
        return sum;
    }
}
