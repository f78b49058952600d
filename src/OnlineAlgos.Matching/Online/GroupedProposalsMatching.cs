using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// First-fit grouped proposals, a stand-in for Naor–Srinivasan–Wajc's 0.652 algorithm (spec §4.3 B6). Reconstructed
/// from public code and the abstract, NOT the paper's contention-resolution scheme: x is scaled as in the pivotal
/// template with (ε, δ) = (0.0480, 0.0643) (θ = 0.5726, third-party values); on an arrival, the available neighbours
/// with q ≤ θ are packed first-fit in node order into groups of total q ≤ 1, those with q &gt; θ are singletons; each
/// group picks at most one proposer with one uniform (node j with probability q_j); the heaviest proposer is matched.
/// On family F7 with c = 0.1108 its ratio tends to 0.6528. Per arrival O(degree · groups). Not thread-safe.
/// </summary>
public sealed class GroupedProposalsMatching : IOnlineMatchingAlgorithm
{
    private readonly MatchingInstance _inst;
    private readonly double[] _q;
    private readonly int[] _byNode;     // per type, its edges in increasing node order (global ids), same ranges
    private readonly double _theta;
    private readonly int[] _members, _groupOf;
    private readonly double[] _groupLoad;

    /// <summary>Builds the algorithm; default (ε, δ) = (0.0480, 0.0643).</summary>
    public GroupedProposalsMatching(MatchingInstance instance, LpSolution x, double epsilon = 0.0480, double delta = 0.0643)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _inst = instance;
        var pp = ProposalProbabilities.Compute(instance, x, epsilon, delta);
        _q = pp.Q.ToArray();
        _theta = pp.Theta;
        _byNode = new int[instance.EdgeCount];
        int maxDeg = 0;
        for (int j = 0; j < instance.TypeCount; j++)
        {
            int e0 = instance.EdgeStart(j), e1 = instance.EdgeStart(j + 1);
            maxDeg = Math.Max(maxDeg, e1 - e0);
            for (int e = e0; e < e1; e++) _byNode[e] = e;
            Array.Sort(_byNode, e0, e1 - e0, Comparer<int>.Create((a, b) => instance.EdgeNode(a).CompareTo(instance.EdgeNode(b))));
        }
        _members = new int[maxDeg];
        _groupOf = new int[maxDeg];
        _groupLoad = new double[maxDeg];
    }

    /// <inheritdoc/>
    public string Name => "grouped-proposals";

    // Packs the candidates (available, q > 0) in node order; returns their count and the number of groups.
    private int Pack(int type, ReadOnlySpan<bool> available, ulong mask, bool useMask, out int groups)
    {
        int k = 0;
        groups = 0;
        for (int idx = _inst.EdgeStart(type), e1 = _inst.EdgeStart(type + 1); idx < e1; idx++)
        {
            int e = _byNode[idx];
            int node = _inst.EdgeNode(e);
            bool free = useMask ? (mask >> node & 1) != 0 : available[node];
            if (!free || _q[e] <= 0) continue;
            double q = _q[e];
            int g = -1;
            if (q <= _theta)
                for (int h = 0; h < groups; h++)
                    if (_groupLoad[h] >= 0 && _groupLoad[h] + q <= 1 + 1e-12) { g = h; break; }
            if (g < 0)
            {
                g = groups++;
                _groupLoad[g] = 0;
            }
            _groupLoad[g] += q;
            if (q > _theta) _groupLoad[g] = -1; // singleton: closed
            _members[k] = e;
            _groupOf[k] = g;
            k++;
        }
        return k;
    }

    /// <inheritdoc/>
    public int Decide(int type, ReadOnlySpan<bool> available, Rng rng, Span<int> discards, out int discardCount)
    {
        discardCount = 0;
        int k = Pack(type, available, 0, false, out int groups);
        int best = -1;
        for (int g = 0; g < groups; g++)
        {
            double u = rng.NextDouble(), cum = 0;
            for (int r = 0; r < k; r++)
            {
                if (_groupOf[r] != g) continue;
                cum += _q[_members[r]];
                if (u < cum)
                {
                    if (best < 0 || _members[r] < best) best = _members[r];
                    break;
                }
            }
        }
        return best;
    }

    /// <inheritdoc/>
    public void Outcomes(int type, ulong available, List<MatchingTransition> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int k = Pack(type, default, available, true, out int groups);
        double total = 0;
        for (int r = 0; r < k; r++)
        {
            int e = _members[r];
            // e is matched iff it proposes and no heavier (smaller edge id) member of another group proposes.
            double p = _q[e];
            for (int g = 0; g < groups && p > 0; g++)
            {
                if (g == _groupOf[r]) continue;
                double heavier = 0;
                for (int s = 0; s < k; s++)
                    if (_groupOf[s] == g && _members[s] < e) heavier += _q[_members[s]];
                p *= Math.Max(0, 1 - heavier);
            }
            if (p > 0)
            {
                outcomes.Add(new MatchingTransition(p, e, 1UL << _inst.EdgeNode(e)));
                total += p;
            }
        }
        if (total < 1) outcomes.Add(new MatchingTransition(1 - total, -1, 0));
    }
}
