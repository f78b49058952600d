namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>What <see cref="MoeSimulator"/> runs.</summary>
/// <param name="Tokens">Tokens per batch T.</param>
/// <param name="K">Experts per token.</param>
/// <param name="Steps">Iterations.</param>
/// <param name="CapacityFactor">Capacity-factor dropping with C = ⌈CF·T·K/E⌉ after routing; null = dropless.</param>
/// <param name="Policy">Which assignments an over-capacity expert keeps.</param>
/// <param name="ExpertChoice">Route by expert choice (each expert takes its top-⌈L⌉ tokens) instead of the balancer.</param>
/// <param name="GapEvery">Compute the gap to the offline optimum every this many steps (0 = never; it costs two min-cost flows).</param>
/// <param name="Groups">Group-limited routing (spec A2e) instead of plain biased top-K; null = plain top-K. Needs an
/// additive bias and no expert choice.</param>
public sealed record SimulationSettings(int Tokens, int K, int Steps, double? CapacityFactor = null,
    DropPolicy Policy = DropPolicy.HighestScore, bool ExpertChoice = false, int GapEvery = 0, GroupLimit? Groups = null)
{
    /// <summary>A router to use instead of the built-in biased top-K (or group-limited) routing; null = built in. Its
    /// routings are checked against the model every step.</summary>
    public IExpertRouter? Router { get; init; }
}
