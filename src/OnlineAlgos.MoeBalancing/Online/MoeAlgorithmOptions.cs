namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// Parameters for <see cref="MoeAlgorithms.Create"/>. <see cref="Settings"/> carries the run (T, K, steps, gap
/// sampling) and the group limit (<see cref="SimulationSettings.Groups"/>: the group-limited variants are this option,
/// not separate names); <see cref="MoeAlgorithms.Create"/> adds the dropping / expert-choice settings a name needs.
/// </summary>
/// <param name="Experts">Experts E (≥ 1).</param>
/// <param name="Settings">The simulation settings to extend.</param>
/// <param name="Rate">Bias update rate u (&gt; 0); <c>alf-lb-annealed</c> uses u₀ = 10·u.</param>
/// <param name="Schedule">Step schedule of the bias balancers; null = constant <see cref="Rate"/>.</param>
/// <param name="AuxLossWeight">Loss weight α of <c>aux-loss</c>.</param>
/// <param name="CapacityFactor">CF of the capacity-dropping baselines: C = ⌈CF·T·K/E⌉.</param>
public sealed record MoeAlgorithmOptions(int Experts, SimulationSettings Settings, double Rate = 1e-3,
    StepSchedule? Schedule = null, double AuxLossWeight = 1e-3, double CapacityFactor = 1.25);
