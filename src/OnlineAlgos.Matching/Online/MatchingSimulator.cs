using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// Runs an online algorithm on one realization and checks that its output is a matching (spec §6 E8): each decision
/// must be an edge of the arrived type to an available node, discards must be available nodes. A violation throws
/// <see cref="ModelViolationException"/> naming the algorithm, step and node. Reuses its buffers across runs
/// (one simulator per thread); O(T + work of the algorithm) per run.
/// </summary>
public sealed class MatchingSimulator
{
    private readonly MatchingInstance _inst;
    private readonly bool[] _available;
    private readonly int[] _discards;

    /// <summary>A simulator for one instance.</summary>
    public MatchingSimulator(MatchingInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _inst = instance;
        _available = new bool[instance.OfflineCount];
        _discards = new int[instance.OfflineCount];
    }

    /// <summary>
    /// Runs <paramref name="algorithm"/> on the arrivals <paramref name="typeOfStep"/> (global type or -1 per step)
    /// with coins from <paramref name="rng"/>; returns the matched weight. When given, <paramref name="matchedEdgeOfStep"/>
    /// receives the matched edge per step (-1 = none).
    /// </summary>
    public double Run(IOnlineMatchingAlgorithm algorithm, ReadOnlySpan<int> typeOfStep, Rng rng, Span<int> matchedEdgeOfStep = default)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        Array.Fill(_available, true);
        double value = 0;
        for (int t = 0; t < _inst.StepCount; t++)
        {
            if (!matchedEdgeOfStep.IsEmpty) matchedEdgeOfStep[t] = -1;
            int type = typeOfStep[t];
            if (type < 0) continue;
            int e = algorithm.Decide(type, _available, rng, _discards, out int nd);
            if (e >= 0)
            {
                if (e < _inst.EdgeStart(type) || e >= _inst.EdgeStart(type + 1))
                    throw new ModelViolationException(algorithm.Name, t, $"matched edge {e}, which does not belong to the type that arrived");
                int i = _inst.EdgeNode(e);
                if (!_available[i]) throw new ModelViolationException(algorithm.Name, t, $"matched offline node {i}, which is not available");
                _available[i] = false;
                value += _inst.EdgeWeight(e);
                if (!matchedEdgeOfStep.IsEmpty) matchedEdgeOfStep[t] = e;
            }
            for (int d = 0; d < nd; d++)
            {
                int i = _discards[d];
                if ((uint)i >= (uint)_available.Length || !_available[i])
                    throw new ModelViolationException(algorithm.Name, t, $"discarded node {i}, which is not available");
                _available[i] = false;
            }
        }
        return value;
    }
}
