namespace OnlineAlgos.Matching.Model;

/// <summary>An edge of an arrival type: offline node id (0-based, dense) and its weight (&gt; 0; weight 0 means no edge).</summary>
public readonly record struct MatchingEdge(int Node, double Weight);
