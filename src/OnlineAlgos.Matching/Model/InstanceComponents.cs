using QuikGraph;
using QuikGraph.Algorithms.ConnectedComponents;

namespace OnlineAlgos.Matching.Model;

/// <summary>
/// Splits an instance into connected components of its bipartite graph (vertices: offline nodes 0..n−1 and steps
/// n..n+T−1; an edge when some type of the step has an edge to the node), using QuikGraph's
/// <c>ConnectedComponentsAlgorithm</c>. Isolated nodes and steps without edges are omitted (they never contribute).
/// O(n + T + edges).
/// </summary>
public static class InstanceComponents
{
    /// <summary>The components that have at least one edge, ordered by their smallest offline node.</summary>
    public static IReadOnlyList<InstanceComponent> Compute(MatchingInstance instance)
    {
        int n = instance.OfflineCount, T = instance.StepCount;
        var graph = new UndirectedGraph<int, Edge<int>>(allowParallelEdges: false);
        for (int v = 0; v < n + T; v++) graph.AddVertex(v);
        for (int t = 0; t < T; t++)
            for (int j = instance.TypeStart(t); j < instance.TypeStart(t + 1); j++)
                for (int e = instance.EdgeStart(j); e < instance.EdgeStart(j + 1); e++)
                {
                    int i = instance.EdgeNode(e);
                    if (!graph.ContainsEdge(i, n + t)) graph.AddEdge(new Edge<int>(i, n + t));
                }
        var algo = new ConnectedComponentsAlgorithm<int, Edge<int>>(graph);
        algo.Compute();
        var nodes = new List<int>[algo.ComponentCount];
        var steps = new List<int>[algo.ComponentCount];
        for (int c = 0; c < algo.ComponentCount; c++) { nodes[c] = new List<int>(); steps[c] = new List<int>(); }
        for (int v = 0; v < n + T; v++)
        {
            if (graph.AdjacentDegree(v) == 0) continue;
            int c = algo.Components[v];
            if (v < n) nodes[c].Add(v); else steps[c].Add(v - n);
        }
        var result = new List<InstanceComponent>();
        for (int c = 0; c < algo.ComponentCount; c++)
            if (nodes[c].Count > 0) result.Add(new InstanceComponent(nodes[c], steps[c]));
        result.Sort(static (a, b) => a.OfflineNodes[0].CompareTo(b.OfflineNodes[0]));
        return result;
    }
}
