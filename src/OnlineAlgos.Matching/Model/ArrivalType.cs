namespace OnlineAlgos.Matching.Model;

/// <summary>
/// One arrival type of a time step (spec §1, general "types" model): it occurs with probability
/// <paramref name="Probability"/> and then has the given edge weights. The Bernoulli model is one type per step.
/// </summary>
public sealed record ArrivalType(double Probability, IReadOnlyList<MatchingEdge> Edges);
