namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>What <see cref="MoeAlgorithms.Create"/> returns: the balancer and the settings
/// <see cref="MoeSimulator.Run"/> must use with it (dropping, expert choice, group limit).</summary>
/// <param name="Balancer">The bias balancer (a zero-bias one for the routing baselines).</param>
/// <param name="Settings">The simulation settings for this algorithm.</param>
public sealed record MoeBalancerSetup(IBiasBalancer Balancer, SimulationSettings Settings);
