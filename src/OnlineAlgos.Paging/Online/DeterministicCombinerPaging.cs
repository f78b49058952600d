using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Deterministic combination of two paging algorithms by switching with geometrically growing budgets (Fiat et al.
/// style, as in the ACEPS/Chłędowski code, spec §2.3). Both run in simulation on every request; the combiner follows one
/// and lazily evicts a page the followed algorithm does not hold (loaded longest ago). Per request: feed A and B, add
/// their faults, then <c>while cost(followed) &gt; bound: switch; bound ·= 1+γ</c>, then serve.
/// Guarantee (our derivation from the lazy-following potential argument, checked as a property): with m = min(cost A,
/// cost B), cost ≤ ((1+γ)³/γ)·m + k·(3 + log_{1+γ} max(m, 1)) + 2 + γ. Used with LRU it makes a prediction-following
/// algorithm k-competitive up to that factor (Wei 2020). O(k) per fault plus the components' costs.
/// </summary>
public sealed class DeterministicCombinerPaging : IOnlinePagingAlgorithm
{
    private readonly IOnlinePagingAlgorithm _a, _b;
    private readonly double _gamma;
    private readonly FollowerCache _cache = new();
    private readonly PagingCache _cacheA = new(), _cacheB = new();
    private long _costA, _costB;
    private double _bound;
    private bool _followA;

    /// <summary>Combines A (followed first) and B with budget growth γ &gt; 0 (ACEPS default 0.01).</summary>
    /// <exception cref="ArgumentOutOfRangeException">γ not positive and finite.</exception>
    public DeterministicCombinerPaging(IOnlinePagingAlgorithm a, IOnlinePagingAlgorithm b, double gamma = 0.01, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!(gamma > 0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be a positive finite number");
        _a = a;
        _b = b;
        _gamma = gamma;
        Name = name ?? $"det({a.Name},{b.Name})";
    }

    /// <inheritdoc/>
    public string Name { get; }
    /// <inheritdoc/>
    public int Count => _cache.Count;
    /// <summary>Faults of A so far.</summary>
    public long CostA => _costA;
    /// <summary>Faults of B so far.</summary>
    public long CostB => _costB;

    /// <summary>The guarantee's right-hand side for component costs m = min(A, B), cache size k and γ.</summary>
    public static double Bound(double minCost, int k, double gamma) =>
        Math.Pow(1 + gamma, 3) / gamma * minCost + k * (3 + Math.Log(Math.Max(minCost, 1)) / Math.Log(1 + gamma)) + 2 + gamma;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _a.Reset(capacity, pageCount, rng.Split());
        _b.Reset(capacity, pageCount, rng.Split());
        _cacheA.Reset(capacity, pageCount, _a.Name);
        _cacheB.Reset(capacity, pageCount, _b.Name);
        _cache.Reset(capacity, pageCount);
        _costA = _costB = 0;
        _bound = 1;
        _followA = true;
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _cache.Contains(page);

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (_cacheA.Serve(_a, page, time)) _costA++;
        if (_cacheB.Serve(_b, page, time)) _costB++;
        while ((_followA ? _costA : _costB) > _bound)
        {
            _followA = !_followA;
            _bound *= 1 + _gamma;
        }
        _cache.Serve(page, _followA ? _cacheA : _cacheB, cache);
    }
}
