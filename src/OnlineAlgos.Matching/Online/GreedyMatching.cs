using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// Greedy (spec §4.3 B1) and threshold greedy (B2): match the arrival to its heaviest available neighbour (ties:
/// lower node) if that weight exceeds the threshold (0 for plain greedy). No constant guarantee against OPT_on when
/// weighted (family F6); with 0/1 weights it is a maximal matching, hence ≥ ½ OPT_off on every realization.
/// O(degree) per arrival, deterministic.
/// </summary>
public sealed class GreedyMatching : IOnlineMatchingAlgorithm
{
    private readonly MatchingInstance _inst;

    /// <summary>Greedy with threshold τ ≥ 0 (MAGNOLIA tuned τ = 0.35 for U[0,1] weights).</summary>
    public GreedyMatching(MatchingInstance instance, double threshold = 0)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!(threshold >= 0) || !double.IsFinite(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), "threshold must be a finite number >= 0");
        _inst = instance;
        Threshold = threshold;
    }

    /// <summary>τ: edges of weight ≤ τ are never used (0 = plain greedy).</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public string Name => Threshold > 0 ? "threshold-greedy" : "greedy";

    /// <inheritdoc/>
    public int Decide(int type, ReadOnlySpan<bool> available, Rng rng, Span<int> discards, out int discardCount)
    {
        discardCount = 0;
        for (int e = _inst.EdgeStart(type), e1 = _inst.EdgeStart(type + 1); e < e1; e++)
        {
            if (_inst.EdgeWeight(e) <= Threshold) return -1;
            if (available[_inst.EdgeNode(e)]) return e;
        }
        return -1;
    }

    /// <inheritdoc/>
    public void Outcomes(int type, ulong available, List<MatchingTransition> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        for (int e = _inst.EdgeStart(type), e1 = _inst.EdgeStart(type + 1); e < e1; e++)
        {
            if (_inst.EdgeWeight(e) <= Threshold) break;
            if ((available >> _inst.EdgeNode(e) & 1) != 0)
            {
                outcomes.Add(new MatchingTransition(1, e, 1UL << _inst.EdgeNode(e)));
                return;
            }
        }
        outcomes.Add(new MatchingTransition(1, -1, 0));
    }
}
