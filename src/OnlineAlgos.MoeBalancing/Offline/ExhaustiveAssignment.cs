using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Offline;

/// <summary>
/// Tiny exact oracle (spec §4.1): dynamic programming over tokens with the load vector as state,
/// O(T·C(E,K)·(C+1)^E). Independent of OR-Tools, it cross-checks <see cref="MinCostFlowAssignment"/> and
/// <see cref="GlopAssignment"/>. Use for T ≤ 10, E ≤ 5.
/// </summary>
public static class ExhaustiveAssignment
{
    /// <summary>OPT of CAP_C (or of BAP when <paramref name="balanced"/>, capacity = L).</summary>
    /// <exception cref="SolverException">Infeasible (status <c>INFEASIBLE</c>) or (C+1)^E &gt; 5·10⁶ (status
    /// <c>TOO_LARGE</c>).</exception>
    public static double Solve(ScoreMatrix scores, int k, int capacity, bool balanced = false)
    {
        if (TrySolve(scores, k, capacity, balanced, out double value)) return value;
        throw new SolverException(Oracle, "INFEASIBLE", "no feasible assignment");
    }

    /// <summary>True with OPT of CAP_C (or of BAP), false (value NaN) when infeasible.</summary>
    /// <exception cref="SolverException">(C+1)^E &gt; 5·10⁶ (status <c>TOO_LARGE</c>).</exception>
    public static bool TrySolve(ScoreMatrix scores, int k, int capacity, bool balanced, out double value)
    {
        value = Dp(scores, k, capacity, balanced);
        return !double.IsNaN(value);
    }

    private const string Oracle = "exhaustive DP";

    private static double Dp(ScoreMatrix scores, int k, int capacity, bool balanced)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (AssignmentProblem.Check(scores, k, capacity, balanced) is not null) return double.NaN;
        int t = scores.Tokens, e = scores.Experts;
        if (Math.Pow(capacity + 1, e) > 5_000_000)
            throw new SolverException(Oracle, "TOO_LARGE", $"(C+1)^E = {Math.Pow(capacity + 1, e)} states exceed 5e6");
        var subsets = new List<int>();
        for (int m = 0; m < 1 << e; m++) if (System.Numerics.BitOperations.PopCount((uint)m) == k) subsets.Add(m);
        var radix = new long[e];
        long r = 1;
        for (int i = 0; i < e; i++) { radix[i] = r; r *= capacity + 1; }
        var cur = new Dictionary<long, double> { [0] = 0 };
        for (int tok = 0; tok < t; tok++)
        {
            var next = new Dictionary<long, double>();
            foreach (var (state, val) in cur)
            {
                foreach (int m in subsets)
                {
                    long ns = state;
                    double nv = val;
                    bool ok = true;
                    for (int i = 0; i < e && ok; i++)
                    {
                        if ((m >> i & 1) == 0) continue;
                        if (state / radix[i] % (capacity + 1) == capacity) ok = false;
                        ns += radix[i];
                        nv += scores[tok, i];
                    }
                    if (!ok) continue;
                    if (!next.TryGetValue(ns, out double old) || nv > old) next[ns] = nv;
                }
            }
            cur = next;
        }
        double best = double.NegativeInfinity;
        foreach (var (state, val) in cur)
        {
            if (balanced)
            {
                bool full = true;
                for (int i = 0; i < e; i++) if (state / radix[i] % (capacity + 1) != capacity) full = false;
                if (!full) continue;
            }
            best = Math.Max(best, val);
        }
        return double.IsNegativeInfinity(best) ? double.NaN : best;
    }
}
