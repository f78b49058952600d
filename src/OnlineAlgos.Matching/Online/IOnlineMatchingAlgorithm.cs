using OnlineAlgos.Core;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// An online matching algorithm bound to one instance (its preprocessing, e.g. the LP, is done at construction).
/// At each arrival it sees only the arriving type and which offline nodes are still available, and returns the edge
/// it matches (or -1). It may also discard other available nodes (they become unavailable for good).
/// Implementations are deterministic given the <see cref="Rng"/>, hold scratch buffers (one instance per thread),
/// and also describe their decision as an exact distribution (<see cref="Outcomes"/>) for exact expected values.
/// </summary>
public interface IOnlineMatchingAlgorithm
{
    /// <summary>Lower-case name used in CSV output (e.g. <c>pivotal</c>, <c>greedy</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Decides on an arrival of global type <paramref name="type"/>. <paramref name="available"/>[i] tells whether
    /// offline node i is free and not discarded. Returns the matched global edge id (an edge of that type to an
    /// available node) or -1; writes discarded nodes (available, other than the matched one) into
    /// <paramref name="discards"/> (length ≥ n) and their number into <paramref name="discardCount"/>.
    /// </summary>
    int Decide(int type, ReadOnlySpan<bool> available, Rng rng, Span<int> discards, out int discardCount);

    /// <summary>
    /// The exact distribution of <see cref="Decide"/> for an arrival of <paramref name="type"/> when the available
    /// nodes are the bits of <paramref name="available"/> (n ≤ 64). Appends outcomes whose probabilities sum to 1.
    /// </summary>
    void Outcomes(int type, ulong available, List<MatchingTransition> outcomes);
}
