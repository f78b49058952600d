namespace OnlineAlgos.Matching.Model;

/// <summary>A connected component of the instance graph (offline nodes and steps linked by edges of any type):
/// its offline nodes and steps, both in increasing order. Components evolve independently under any online policy
/// that only looks at the arriving node's neighbours, so exact computations run per component.</summary>
public sealed record InstanceComponent(IReadOnlyList<int> OfflineNodes, IReadOnlyList<int> Steps);
