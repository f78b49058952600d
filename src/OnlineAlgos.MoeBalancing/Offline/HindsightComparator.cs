using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Offline;

/// <summary>
/// The comparator of the online regret (spec A3, reconstructed): min_p Σ_k f_k(p) over the batches seen, with
/// f_k(p) = (1/B)·Σ_t topKsum(s_t + p) − (K/E)·Σp. Since Σ_k f_k = D_concat(p)/B with target L = N·B·K/E, strong LP
/// duality makes the minimum the LP optimum of the balanced assignment over the concatenated batches divided by B
/// (GLOP; the target may be fractional). Also gives the best fixed bias in hindsight (the LP duals).
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
    public static (double Value, double[] Bias) Solve(IReadOnlyList<ScoreMatrix> batches, int k)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0) throw new ArgumentException("no batches", nameof(batches));
        int b = batches[0].Tokens;
        foreach (var m in batches)
            if (m.Tokens != b) throw new ArgumentException("all batches must have the same number of tokens", nameof(batches));
        var all = ScoreMatrix.Concat(batches);
        double target = (double)all.Tokens * k / all.Experts;
        var sol = GlopAssignment.Solve(all, k, target, balanced: true);
        if (sol.Status != OfflineStatus.Optimal) throw new InvalidOperationException(sol.Message);
        return (sol.Value / b, sol.Prices!);
    }
}
