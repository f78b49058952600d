using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// Independent LP proposals (Braverman–Derakhshan–Molina Lucey, 1 − 1/e ≈ 0.632 vs OPT_on; spec §4.3 B5): unscaled
/// q = x/(p(1 − s)); on an arrival every available neighbour proposes independently with probability q, and the
/// heaviest proposer is matched. The paper may use simulated availabilities; this is the public LP-bound version.
/// Per arrival O(degree); coins are drawn in weight order and stop at the first proposer (same distribution).
/// </summary>
public sealed class IndependentProposalsMatching : IOnlineMatchingAlgorithm
{
    private readonly MatchingInstance _inst;
    private readonly double[] _q;

    /// <summary>Builds the algorithm from an LP solution.</summary>
    public IndependentProposalsMatching(MatchingInstance instance, LpSolution x)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _inst = instance;
        _q = ProposalProbabilities.Compute(instance, x, 0, 0).Q.ToArray();
    }

    /// <inheritdoc/>
    public string Name => "independent-proposals";

    /// <inheritdoc/>
    public int Decide(int type, ReadOnlySpan<bool> available, Rng rng, Span<int> discards, out int discardCount)
    {
        discardCount = 0;
        for (int e = _inst.EdgeStart(type), e1 = _inst.EdgeStart(type + 1); e < e1; e++)
        {
            if (!available[_inst.EdgeNode(e)] || _q[e] <= 0) continue;
            if (rng.NextDouble() < _q[e]) return e;
        }
        return -1;
    }

    /// <inheritdoc/>
    public void Outcomes(int type, ulong available, List<MatchingTransition> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        double none = 1;
        for (int e = _inst.EdgeStart(type), e1 = _inst.EdgeStart(type + 1); e < e1; e++)
        {
            if ((available >> _inst.EdgeNode(e) & 1) == 0 || _q[e] <= 0) continue;
            outcomes.Add(new MatchingTransition(none * _q[e], e, 1UL << _inst.EdgeNode(e)));
            none *= 1 - _q[e];
        }
        if (none > 0) outcomes.Add(new MatchingTransition(none, -1, 0));
    }
}
