namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>Metrics of one simulated iteration (the row of <c>moe simulate</c>, FORMATS.md).</summary>
/// <param name="Step">Iteration k (1-based).</param>
/// <param name="MaxVio">MaxVio_batch of this batch.</param>
/// <param name="IdleExperts">Experts with no token in this batch.</param>
/// <param name="Objective">Routed (kept) score objective with unbiased scores.</param>
/// <param name="GapToOpt">(OPT(CAP_m) − objective)/span, m = max(max load, ⌈L⌉), span = UB_topK − OPT(CAP_⌈L⌉); NaN when not computed.</param>
/// <param name="MaxVioGlobal">MaxVio of the loads summed over iterations 1..k.</param>
/// <param name="Dual">D(p_k) with target L (additive bias only; NaN otherwise); equals ℒ(x_k, p_k) under plain top-K
/// routing, and is at least ℒ(x_k, p_k) under group-limited routing, which is not the Lagrangian maximiser.</param>
/// <param name="DropRate">Dropped/(T·K) under a capacity (0 when dropless).</param>
public readonly record struct StepMetrics(int Step, double MaxVio, int IdleExperts, double Objective, double GapToOpt,
    double MaxVioGlobal, double Dual, double DropRate);
