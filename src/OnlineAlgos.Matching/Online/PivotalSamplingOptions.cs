namespace OnlineAlgos.Matching.Online;

/// <summary>
/// Options of <see cref="PivotalSamplingMatching"/> (spec §2.3). Defaults: (ε, δ) = (0.11, 0.18), θ = 0.6207 — the
/// spec's constants for BDPSW's scaling idea, NOT verified against the paper; MAGNOLIA's "pollner" baseline names the
/// same constants but overwrites its scaled solution with the unscaled LP, so what it runs is
/// <see cref="Unscaled"/>. No discarding; LP-bound availability. The vertex-weighted parameters of the paper's 0.685 algorithm were NOT FOUND (same defaults).
/// </summary>
/// <param name="Epsilon">ε ∈ [0, 1): discount of LP mass below cumulative level θ.</param>
/// <param name="Delta">δ ≥ 0: markup of LP mass above θ.</param>
/// <param name="Discard">Discard rule.</param>
/// <param name="Availability">Denominator of q.</param>
/// <param name="SimulationSamples">Samples per step for <see cref="AvailabilityEstimate.Simulated"/>.</param>
/// <param name="Name">CSV name of the algorithm.</param>
public sealed record PivotalSamplingOptions(
    double Epsilon = 0.11,
    double Delta = 0.18,
    DiscardRule Discard = DiscardRule.None,
    AvailabilityEstimate Availability = AvailabilityEstimate.LpBound,
    int SimulationSamples = 2000,
    string Name = "pivotal")
{
    /// <summary>The default template (scaled, no discarding).</summary>
    public static PivotalSamplingOptions Default { get; } = new();

    /// <summary>No scaling: plain LP rounding by pivotal sampling.</summary>
    public static PivotalSamplingOptions Unscaled { get; } = new(0, 0, Name: "pivotal-unscaled");
}
