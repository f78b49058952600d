using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// The optimal online policy (spec §4.2, "philosopher"): follows the argmax of the stored DP layers of
/// <see cref="OnlineOptimum"/> (ties: do not match; then heavier edge, then lower node). Its expected value is
/// exactly <see cref="Value"/> = OPT_on. Build it with <see cref="OnlineOptimum.Policy"/>. Deterministic.
/// </summary>
public sealed class OptimalOnlinePolicy : IOnlineMatchingAlgorithm
{
    private readonly MatchingInstance _inst;
    private readonly IReadOnlyList<InstanceComponent> _comps;
    private readonly double[][][] _layers;
    private readonly int[] _compOfStep, _posOfStep, _localOfNode;

    internal OptimalOnlinePolicy(MatchingInstance instance, IReadOnlyList<InstanceComponent> comps, double[][][] layers)
    {
        _inst = instance;
        _comps = comps;
        _layers = layers;
        _compOfStep = new int[instance.StepCount];
        _posOfStep = new int[instance.StepCount];
        _localOfNode = new int[instance.OfflineCount];
        Array.Fill(_compOfStep, -1);
        double value = 0;
        for (int c = 0; c < comps.Count; c++)
        {
            for (int k = 0; k < comps[c].Steps.Count; k++) { _compOfStep[comps[c].Steps[k]] = c; _posOfStep[comps[c].Steps[k]] = k; }
            for (int k = 0; k < comps[c].OfflineNodes.Count; k++) _localOfNode[comps[c].OfflineNodes[k]] = k;
            value += layers[c][0][(1 << comps[c].OfflineNodes.Count) - 1];
        }
        Value = value;
    }

    /// <inheritdoc/>
    public string Name => "online-opt";

    /// <summary>OPT_on, the policy's exact expected value.</summary>
    public double Value { get; }

    /// <inheritdoc/>
    public int Decide(int type, ReadOnlySpan<bool> available, Rng rng, Span<int> discards, out int discardCount)
    {
        discardCount = 0;
        int t = _inst.StepOf(type);
        int c = _compOfStep[t];
        if (c < 0) return -1;
        int mask = 0;
        var nodes = _comps[c].OfflineNodes;
        for (int k = 0; k < nodes.Count; k++)
            if (available[nodes[k]]) mask |= 1 << k;
        return Choose(type, c, mask);
    }

    /// <inheritdoc/>
    public void Outcomes(int type, ulong available, List<MatchingTransition> outcomes)
    {
        int t = _inst.StepOf(type);
        int c = _compOfStep[t];
        int e = -1;
        if (c >= 0)
        {
            int mask = 0;
            var nodes = _comps[c].OfflineNodes;
            for (int k = 0; k < nodes.Count; k++)
                if ((available >> nodes[k] & 1) != 0) mask |= 1 << k;
            e = Choose(type, c, mask);
        }
        outcomes.Add(new MatchingTransition(1, e, e < 0 ? 0 : 1UL << _inst.EdgeNode(e)));
    }

    private int Choose(int type, int c, int mask)
    {
        var next = _layers[c][_posOfStep[_inst.StepOf(type)] + 1];
        double best = next[mask];
        int chosen = -1;
        for (int e = _inst.EdgeStart(type); e < _inst.EdgeStart(type + 1); e++)
        {
            int b = 1 << _localOfNode[_inst.EdgeNode(e)];
            if ((mask & b) == 0) continue;
            double v = _inst.EdgeWeight(e) + next[mask ^ b];
            if (v > best) { best = v; chosen = e; }
        }
        return chosen;
    }
}
