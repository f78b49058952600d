using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Randomized combination of two paging algorithms (Blum–Burch multiplicative weights, as in the ACEPS/Chłędowski
/// code, spec §2.3): weights w_i ← w_i·β^{faults_i(t)}, renormalized every step (no underflow); when the followed
/// algorithm's probability drops from p to p', switch with probability (p − p')/p. Starts on A or B with probability
/// 1/2. Serving is lazy as in <see cref="DeterministicCombinerPaging"/>. ACEPS uses β = 1 − ε/2 with ε = 0.5
/// (<see cref="FromEpsilon"/>); Chłędowski et al. use β = 1 − ε with ε = 0.01.
/// Guarantee: E[cost] ≤ (1+ε)·min(cost A, cost B) + O(k/ε) (Blum–Burch; constants not re-verified — the tests use
/// c = 4 in c·k/ε as a smoke test, spec §6 item 12). O(k) per fault plus the components' costs.
/// </summary>
public sealed class RandomizedCombinerPaging : IOnlinePagingAlgorithm
{
    private readonly IOnlinePagingAlgorithm _a, _b;
    private readonly double _beta;
    private readonly FollowerCache _cache = new();
    private readonly PagingCache _cacheA = new(), _cacheB = new();
    private double _pA;
    private bool _followA;
    private Rng _rng = new(0);

    /// <summary>Combines A and B with weight factor β in (0, 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">β outside (0, 1).</exception>
    public RandomizedCombinerPaging(IOnlinePagingAlgorithm a, IOnlinePagingAlgorithm b, double beta, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!(beta > 0 && beta < 1)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be in (0, 1)");
        _a = a;
        _b = b;
        _beta = beta;
        Name = name ?? $"rnd({a.Name},{b.Name})";
    }

    /// <summary>ACEPS parameterization: β = 1 − ε/2, ε in (0, 1] (ACEPS default 0.5).</summary>
    /// <exception cref="ArgumentOutOfRangeException">ε outside (0, 1].</exception>
    public static RandomizedCombinerPaging FromEpsilon(IOnlinePagingAlgorithm a, IOnlinePagingAlgorithm b, double epsilon, string? name = null)
    {
        CheckEpsilon(epsilon);
        return new RandomizedCombinerPaging(a, b, 1 - epsilon / 2, name);
    }

    /// <summary>Throws unless ε is in (0, 1].</summary>
    public static void CheckEpsilon(double epsilon)
    {
        if (!(epsilon > 0 && epsilon <= 1)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be in (0, 1]");
    }

    /// <inheritdoc/>
    public string Name { get; }
    /// <inheritdoc/>
    public int Count => _cache.Count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _a.Reset(capacity, pageCount, rng.Split());
        _b.Reset(capacity, pageCount, rng.Split());
        _cacheA.Reset(capacity, pageCount, _a.Name);
        _cacheB.Reset(capacity, pageCount, _b.Name);
        _rng = rng;
        _cache.Reset(capacity, pageCount);
        _pA = 0.5;
        _followA = _rng.NextDouble() < 0.5;
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _cache.Contains(page);

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        bool fa = _cacheA.Serve(_a, page, time), fb = _cacheB.Serve(_b, page, time);
        if (fa != fb)
        {
            double wA = fa ? _pA * _beta : _pA;
            double wB = fb ? (1 - _pA) * _beta : 1 - _pA;
            double pA = wA / (wA + wB);
            double pOld = _followA ? _pA : 1 - _pA, pNew = _followA ? pA : 1 - pA;
            if (pNew < pOld && _rng.NextDouble() < (pOld - pNew) / pOld) _followA = !_followA;
            _pA = pA;
        }
        _cache.Serve(page, _followA ? _cacheA : _cacheB, cache);
    }
}
