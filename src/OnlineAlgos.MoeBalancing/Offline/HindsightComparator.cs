using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Offline;

/// <summary>
/// The comparator of the online regret (spec A3, reconstructed): min_p Σ_k f_k(p) over the batches seen, with
/// f_k(p) = (1/B)·Σ_t topKsum(s_t + p) − (K/E)·Σp. Since Σ_k f_k = D_concat(p)/B with target L = N·B·K/E, strong LP
/// duality makes the minimum the LP optimum of the balanced assignment over the concatenated batches divided by B
/// (GLOP; the target may be fractional). Also gives the best fixed bias in hindsight (the LP duals).
/// <see cref="SolveValue"/> gives the value alone, by exact min-cost flow when the target is an integer, for long runs.
/// </summary>
public static class HindsightComparator
{
    /// <summary>f_k(p) of one batch.</summary>
    public static double BatchDual(ScoreMatrix batch, ReadOnlySpan<double> bias, int k)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Tokens == 0) return 0;
        return BalanceMetrics.DualFunction(batch, bias, k, (double)batch.Tokens * k / batch.Experts) / batch.Tokens;
    }

    /// <summary>(min_p Σ_k f_k(p), the minimising bias); all batches must have the same number of tokens B.</summary>
    /// <exception cref="SolverException">GLOP found the LP infeasible (K outside 1..E) or failed.</exception>
    public static (double Value, double[] Bias) Solve(IReadOnlyList<ScoreMatrix> batches, int k)
    {
        if (TrySolve(batches, k, out var result)) return result;
        throw new SolverException("GLOP", "INFEASIBLE", $"the hindsight LP with K = {k} has no feasible point");
    }

    /// <summary>Like <see cref="Solve"/>, but false (value NaN, no bias) when the LP is infeasible.</summary>
    /// <exception cref="SolverException">GLOP failed (NOT_SOLVED, ABNORMAL, …).</exception>
    public static bool TrySolve(IReadOnlyList<ScoreMatrix> batches, int k, out (double Value, double[] Bias) result)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0) throw new ArgumentException("no batches", nameof(batches));
        int b = batches[0].Tokens;
        foreach (var m in batches)
            if (m.Tokens != b) throw new ArgumentException("all batches must have the same number of tokens", nameof(batches));
        var all = ScoreMatrix.Concat(batches);
        double target = (double)all.Tokens * k / all.Experts;
        if (!GlopAssignment.TrySolve(all, k, target, balanced: true, out var sol))
        {
            result = (double.NaN, Array.Empty<double>());
            return false;
        }
        result = (sol.Value / b, sol.Prices!);
        return true;
    }

    /// <summary>
    /// min_p Σ_k f_k(p) alone, for N batches of <paramref name="batchTokens"/> tokens already stacked in
    /// <paramref name="concatenated"/>. When the target L = N·B·K/E is an integer the transportation LP has an
    /// integral optimum, so <see cref="MinCostFlowAssignment"/> solves it exactly: about 4 s at N·B = 320 000 tokens,
    /// E = 8, where GLOP already needs about 6 min at 64 000. Otherwise GLOP. The true minimum is within ErrorBound
    /// of Value (0 when exact): the flow rounds non-integer scores to integer costs (scale Q) and its Value, the
    /// true-score objective of a feasible assignment, lies in [min − ErrorBound, min]; GLOP has its tolerance when the
    /// vertex is fractional. Throws <see cref="SolverException"/> when the solver fails.
    /// </summary>
    public static (double Value, double ErrorBound) SolveValue(ScoreMatrix concatenated, int batchTokens, int k)
    {
        ArgumentNullException.ThrowIfNull(concatenated);
        int t = concatenated.Tokens, e = concatenated.Experts;
        if (batchTokens < 1 || t == 0 || t % batchTokens != 0)
            throw new ArgumentException($"{t} tokens are not a positive whole number of batches of {batchTokens}", nameof(batchTokens));
        if (k < 1 || k > e) throw new ArgumentOutOfRangeException(nameof(k), $"K must be in 1..E = {e}, got {k}");
        long tk = (long)t * k;
        AssignmentSolution sol = tk % e == 0
            ? MinCostFlowAssignment.Solve(concatenated, k, checked((int)(tk / e)), balanced: true)
            : GlopAssignment.Solve(concatenated, k, (double)tk / e, balanced: true);
        return (sol.Value / batchTokens, sol.ErrorBound / batchTokens);
    }
}
