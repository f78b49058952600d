using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// Balanced prices (Feldman–Gravin–Lucier SODA'15; spec §4.3 B3): price_i = ½ E[weight of the edge the offline
/// optimum matches to i]; an arrival takes the available neighbour maximising w − price (ties: lower node) when
/// positive. Guarantee: E[ALG] ≥ ½ E[OPT_off] ≥ ½ OPT_on (prophet inequality). Prices are exact when the realizations
/// of every component can be enumerated, else Monte Carlo (so the guarantee then holds up to sampling error).
/// O(degree) per arrival, deterministic.
/// </summary>
public sealed class BalancedPricesMatching : IOnlineMatchingAlgorithm
{
    private readonly MatchingInstance _inst;
    private readonly double[] _price;

    /// <summary>Computes the prices (exact up to <paramref name="maxExactRealizations"/> per component, else
    /// <paramref name="samples"/> samples from <paramref name="rng"/>).</summary>
    public BalancedPricesMatching(MatchingInstance instance, Rng rng, long maxExactRealizations = 1 << 16, int samples = 4000)
        : this(instance, Half(OfflineOptimum.ExpectedNodeWeights(instance, rng, maxExactRealizations, samples))) { }

    /// <summary>Uses the given prices (one per offline node).</summary>
    public BalancedPricesMatching(MatchingInstance instance, IReadOnlyList<double> prices)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(prices);
        if (prices.Count != instance.OfflineCount) throw new ArgumentException("one price per offline node", nameof(prices));
        _inst = instance;
        _price = prices.ToArray();
    }

    private static double[] Half(double[] v)
    {
        for (int i = 0; i < v.Length; i++) v[i] *= 0.5;
        return v;
    }

    /// <summary>The prices.</summary>
    public ReadOnlySpan<double> Prices => _price;

    /// <inheritdoc/>
    public string Name => "balanced-prices";

    private int Choose(int type, ReadOnlySpan<bool> available, ulong mask, bool useMask)
    {
        int best = -1;
        double bestUtil = 0;
        for (int e = _inst.EdgeStart(type), e1 = _inst.EdgeStart(type + 1); e < e1; e++)
        {
            int i = _inst.EdgeNode(e);
            if (useMask ? (mask >> i & 1) == 0 : !available[i]) continue;
            double u = _inst.EdgeWeight(e) - _price[i];
            if (u > bestUtil || (u == bestUtil && best >= 0 && i < _inst.EdgeNode(best)))
            {
                best = e;
                bestUtil = u;
            }
        }
        return best;
    }

    /// <inheritdoc/>
    public int Decide(int type, ReadOnlySpan<bool> available, Rng rng, Span<int> discards, out int discardCount)
    {
        discardCount = 0;
        return Choose(type, available, 0, false);
    }

    /// <inheritdoc/>
    public void Outcomes(int type, ulong available, List<MatchingTransition> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int e = Choose(type, default, available, true);
        outcomes.Add(new MatchingTransition(1, e, e < 0 ? 0 : 1UL << _inst.EdgeNode(e)));
    }
}
