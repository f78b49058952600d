namespace OnlineAlgos.Matching.Model;

/// <summary>
/// An online Bayesian bipartite matching instance (spec §1): n offline nodes known upfront, T time steps in a fixed
/// order; step t brings at most one online node, of type j with probability p_{t,j} (independent across steps),
/// whose edge weights w_{i,t,j} ≥ 0 are known in advance. Immutable.
/// </summary>
/// <remarks>
/// Storage is flattened for hot loops: types get global ids (<see cref="TypeStart"/>), edges get global ids
/// (<see cref="EdgeStart"/>). Within a type, edges are stored in the sampling order of the algorithms: decreasing
/// weight, ties broken by lower offline index (spec §2.3 TieBreak), so no algorithm sorts per arrival.
/// Construction validates and throws <see cref="ArgumentException"/>; file readers check first and report JSON paths.
/// </remarks>
public sealed class MatchingInstance
{
    private readonly int[] _stepTypeStart;
    private readonly double[] _typeP;
    private readonly int[] _typeStep;
    private readonly int[] _typeEdgeStart;
    private readonly int[] _edgeNode;
    private readonly double[] _edgeWeight;
    private readonly int[] _edgeType;
    private readonly double[] _stepP;
    private readonly double[]? _vertexWeights;

    /// <summary>Builds and validates an instance.</summary>
    /// <param name="offlineCount">n ≥ 0.</param>
    /// <param name="steps">Per time step its arrival types (at least one each; probabilities in [0,1] summing to ≤ 1).</param>
    /// <param name="vertexWeights">When given, the vertex-weighted case: every edge weight must equal its node's weight.</param>
    public MatchingInstance(int offlineCount, IReadOnlyList<IReadOnlyList<ArrivalType>> steps, IReadOnlyList<double>? vertexWeights = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (offlineCount < 0) throw new ArgumentOutOfRangeException(nameof(offlineCount), "offline node count must be >= 0");
        OfflineCount = offlineCount;
        var (typeCount, edgeCount) = CountTypesAndEdges(steps);
        if (vertexWeights is not null) _vertexWeights = CheckedVertexWeights(vertexWeights, offlineCount);
        _stepTypeStart = new int[steps.Count + 1];
        _typeP = new double[typeCount];
        _typeStep = new int[typeCount];
        _typeEdgeStart = new int[typeCount + 1];
        _stepP = new double[steps.Count];
        var nodes = new List<int>(edgeCount);
        var weights = new List<double>(edgeCount);
        var seen = new bool[offlineCount];
        int type = 0;
        for (int t = 0; t < steps.Count; t++)
        {
            _stepTypeStart[t] = type;
            double sum = 0;
            foreach (var ty in steps[t])
            {
                double p = ty.Probability;
                if (!double.IsFinite(p) || p < 0 || p > 1) throw new ArgumentException($"step {t}: probability {p} is outside [0, 1]", nameof(steps));
                sum += p;
                _typeP[type] = p;
                _typeStep[type] = t;
                _typeEdgeStart[type] = nodes.Count;
                AddSortedEdges(t, ty.Edges, offlineCount, _vertexWeights, seen, nodes, weights, nameof(steps));
                type++;
            }
            if (sum > 1 + 1e-9) throw new ArgumentException($"step {t}: probabilities sum to {sum} > 1", nameof(steps));
            _stepP[t] = Math.Min(1, sum);
        }
        _stepTypeStart[steps.Count] = type;
        _typeEdgeStart[typeCount] = nodes.Count;
        _edgeNode = nodes.ToArray();
        _edgeWeight = weights.ToArray();
        _edgeType = EdgeTypes(_typeEdgeStart, typeCount, _edgeNode.Length);
        double max = 0;
        foreach (double w in _edgeWeight) max = Math.Max(max, w);
        MaxWeight = max;
    }

    // Checks that every step has a type (before anything else about the steps) and sizes the flat arrays.
    private static (int Types, int Edges) CountTypesAndEdges(IReadOnlyList<IReadOnlyList<ArrivalType>> steps)
    {
        int typeCount = 0, edgeCount = 0;
        for (int t = 0; t < steps.Count; t++)
        {
            if (steps[t] is null || steps[t].Count == 0) throw new ArgumentException($"step {t} has no arrival type", nameof(steps));
            typeCount += steps[t].Count;
            foreach (var ty in steps[t]) edgeCount += ty.Edges.Count;
        }
        return (typeCount, edgeCount);
    }

    private static double[] CheckedVertexWeights(IReadOnlyList<double> vertexWeights, int offlineCount)
    {
        if (vertexWeights.Count != offlineCount) throw new ArgumentException($"vertexWeights has {vertexWeights.Count} entries, expected {offlineCount}", nameof(vertexWeights));
        var copy = new double[offlineCount];
        for (int i = 0; i < offlineCount; i++)
        {
            double v = vertexWeights[i];
            if (!double.IsFinite(v) || v < 0) throw new ArgumentException($"vertex weight {i} is {v}; expected a finite number >= 0", nameof(vertexWeights));
            copy[i] = v;
        }
        return copy;
    }

    // Validates one type's edges (step t) and appends its positive ones in sampling order (decreasing weight, then
    // lower node) to nodes/weights. seen: all false on entry and on return. paramName: the constructor's steps.
    private static void AddSortedEdges(int t, IReadOnlyList<MatchingEdge> edges, int offlineCount, double[]? vertexWeights, bool[] seen,
        List<int> nodes, List<double> weights, string paramName)
    {
        var list = new List<MatchingEdge>(edges.Count);
        foreach (var e in edges)
        {
            if (e.Node < 0 || e.Node >= offlineCount) throw new ArgumentException($"step {t}: edge to unknown offline node {e.Node} (n = {offlineCount})", paramName);
            if (!double.IsFinite(e.Weight) || e.Weight < 0) throw new ArgumentException($"step {t}: edge to node {e.Node} has weight {e.Weight}; expected a finite number >= 0", paramName);
            if (seen[e.Node]) throw new ArgumentException($"step {t}: two edges to offline node {e.Node} in one type", paramName);
            seen[e.Node] = true;
            if (vertexWeights is not null && e.Weight != 0 && !SameWeight(e.Weight, vertexWeights[e.Node]))
                throw new ArgumentException($"step {t}: edge to node {e.Node} has weight {e.Weight}, but the instance is vertex-weighted with weight {vertexWeights[e.Node]}", paramName);
            if (e.Weight > 0) list.Add(e);
        }
        foreach (var e in edges) seen[e.Node] = false;
        list.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Node.CompareTo(b.Node));
        foreach (var e in list)
        {
            nodes.Add(e.Node);
            weights.Add(e.Weight);
        }
    }

    // The type of each edge, from the types' edge ranges.
    private static int[] EdgeTypes(int[] typeEdgeStart, int typeCount, int edgeCount)
    {
        var edgeType = new int[edgeCount];
        for (int j = 0; j < typeCount; j++)
            for (int e = typeEdgeStart[j]; e < typeEdgeStart[j + 1]; e++) edgeType[e] = j;
        return edgeType;
    }

    /// <summary>Reads an instance from its JSON text (<c>onlinealgos.matching/1</c>, FORMATS.md);
    /// <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="Core.InstanceFormatException">The text is not a valid instance.</exception>
    public static MatchingInstance Parse(string text, string source) => Formats.MatchingJsonReader.ParseText(text, source);

    /// <summary>The instance as JSON text (<c>onlinealgos.matching/1</c>); <see cref="Parse"/> reads it back exactly
    /// (weights and probabilities round-trip).</summary>
    public string ToText() => Formats.MatchingJsonWriter.ToText(this);

    /// <summary>Writes <see cref="ToText"/> to <paramref name="writer"/>.</summary>
    public void Write(TextWriter writer) => Formats.MatchingJsonWriter.Write(writer, this);

    /// <summary>Equality of an edge weight with a vertex weight, up to a relative 1e-12 (decimal round trips).</summary>
    public static bool SameWeight(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>A Bernoulli-model instance: step t arrives with probability p[t] and has weights w[t, i] (0 = no edge).</summary>
    public static MatchingInstance Bernoulli(IReadOnlyList<double> p, double[,] w, IReadOnlyList<double>? vertexWeights = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(w);
        if (w.GetLength(0) != p.Count) throw new ArgumentException("w must have one row per step", nameof(w));
        int n = w.GetLength(1);
        var steps = new List<IReadOnlyList<ArrivalType>>(p.Count);
        for (int t = 0; t < p.Count; t++)
        {
            var edges = new List<MatchingEdge>();
            for (int i = 0; i < n; i++)
                if (w[t, i] != 0) edges.Add(new MatchingEdge(i, w[t, i]));
            steps.Add(new[] { new ArrivalType(p[t], edges) });
        }
        return new MatchingInstance(n, steps, vertexWeights);
    }

    /// <summary>n: number of offline nodes.</summary>
    public int OfflineCount { get; }
    /// <summary>T: number of time steps.</summary>
    public int StepCount => _stepP.Length;
    /// <summary>Total number of arrival types over all steps.</summary>
    public int TypeCount => _typeP.Length;
    /// <summary>Total number of edges (weight &gt; 0) over all types.</summary>
    public int EdgeCount => _edgeNode.Length;
    /// <summary>Largest edge weight (0 when there is no edge).</summary>
    public double MaxWeight { get; }
    /// <summary>True when every step has exactly one type.</summary>
    public bool IsBernoulli => TypeCount == StepCount;
    /// <summary>True when the instance declares vertex weights (every edge weight equals its node's weight).</summary>
    public bool IsVertexWeighted => _vertexWeights is not null;
    /// <summary>The declared vertex weights, or empty when edge-weighted.</summary>
    public ReadOnlySpan<double> VertexWeights => _vertexWeights;

    /// <summary>Global id of the first type of step t; the step's types are <c>TypeStart(t) .. TypeStart(t+1)-1</c>.</summary>
    public int TypeStart(int step) => _stepTypeStart[step];
    /// <summary>Probability of a type (global type id).</summary>
    public double Probability(int type) => _typeP[type];
    /// <summary>The step a type belongs to.</summary>
    public int StepOf(int type) => _typeStep[type];
    /// <summary>Probability that anything arrives at step t (sum of its types' probabilities).</summary>
    public double ArrivalProbability(int step) => _stepP[step];
    /// <summary>Global id of the first edge of a type; its edges are <c>EdgeStart(j) .. EdgeStart(j+1)-1</c>,
    /// in decreasing weight order (ties: lower node first).</summary>
    public int EdgeStart(int type) => _typeEdgeStart[type];
    /// <summary>Offline node of an edge.</summary>
    public int EdgeNode(int edge) => _edgeNode[edge];
    /// <summary>Weight of an edge.</summary>
    public double EdgeWeight(int edge) => _edgeWeight[edge];
    /// <summary>The type an edge belongs to.</summary>
    public int TypeOfEdge(int edge) => _edgeType[edge];
    /// <summary>All edges' nodes, by global edge id.</summary>
    public ReadOnlySpan<int> EdgeNodes => _edgeNode;
    /// <summary>All edges' weights, by global edge id.</summary>
    public ReadOnlySpan<double> EdgeWeights => _edgeWeight;

    /// <summary>Weight of the edge between a type and an offline node (0 when absent). O(degree).</summary>
    public double Weight(int type, int node)
    {
        for (int e = _typeEdgeStart[type]; e < _typeEdgeStart[type + 1]; e++)
            if (_edgeNode[e] == node) return _edgeWeight[e];
        return 0;
    }

    /// <summary>The steps as arrival-type lists (edges in increasing node order), e.g. to build a modified copy.</summary>
    public IReadOnlyList<IReadOnlyList<ArrivalType>> Steps()
    {
        var steps = new List<IReadOnlyList<ArrivalType>>(StepCount);
        for (int t = 0; t < StepCount; t++)
        {
            var types = new List<ArrivalType>();
            for (int j = _stepTypeStart[t]; j < _stepTypeStart[t + 1]; j++)
            {
                var edges = new List<MatchingEdge>();
                for (int e = _typeEdgeStart[j]; e < _typeEdgeStart[j + 1]; e++) edges.Add(new MatchingEdge(_edgeNode[e], _edgeWeight[e]));
                edges.Sort(static (a, b) => a.Node.CompareTo(b.Node));
                types.Add(new ArrivalType(_typeP[j], edges));
            }
            steps.Add(types);
        }
        return steps;
    }
}
