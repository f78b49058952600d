namespace OnlineAlgos.Experiments.MoeBalancing;

/// <summary>
/// One run of the <c>moe-regret</c> study: expected regret after every step (Gumbel closed-form oracle) and, at a few
/// checkpoints N, the online sum Σ_{k≤N} f_k(p_k) and the hindsight comparator min_p Σ_{k≤N} f_k(p) on the same batches.
/// </summary>
/// <param name="Expected">Σ_{j≤k} (F(p_j) − F(p*)) for k = 1..steps (index k − 1); ≥ 0 since p* minimises F.</param>
/// <param name="Checkpoints">The N at which the comparator was solved, ascending.</param>
/// <param name="OnlineSum">Σ_{k≤N} f_k(p_k) per checkpoint, p_k the bias fixed before batch k.</param>
/// <param name="Comparator">min_p Σ_{k≤N} f_k(p) per checkpoint (<see cref="OnlineAlgos.MoeBalancing.Offline.HindsightComparator.SolveValue"/>).</param>
/// <param name="ComparatorError">The comparator's error bound per checkpoint (0 = exact).</param>
/// <param name="FinalBias">The balancer's bias after the last update.</param>
/// <param name="Bound">The reconstructed T6 bound (G²/(2μ))(1 + ln N) on the expected regret at N = steps.</param>
public sealed record RegretTrace(double[] Expected, int[] Checkpoints, double[] OnlineSum, double[] Comparator,
    double[] ComparatorError, double[] FinalBias, double Bound)
{
    /// <summary>Realised regret Σ_{k≤N} f_k(p_k) − min_p Σ_{k≤N} f_k(p) at checkpoint <paramref name="index"/>; may be
    /// negative, since the online biases may change with k while the comparator is one fixed bias.</summary>
    public double Realised(int index) => OnlineSum[index] - Comparator[index];
}
