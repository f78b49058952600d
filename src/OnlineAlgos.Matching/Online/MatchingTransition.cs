namespace OnlineAlgos.Matching.Online;

/// <summary>One outcome of an algorithm's decision on an arrival, for exact evaluation: its probability, the matched
/// edge (global edge id, or -1), and the offline nodes that leave the available set (bit i = node i; includes the
/// matched node and any discarded ones).</summary>
public readonly record struct MatchingTransition(double Probability, int Edge, ulong Removed);
