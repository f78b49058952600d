using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Cache-Coliseum's combiners as its benchmark configures them (spec paging-peers §3): <c>CombDet[Predict, Marker]</c>
/// (<c>combdet-coliseum</c>) and <c>CombineRandom[Predict, Marker]</c> (<c>combrand-coliseum</c>). Every candidate runs
/// on every request (misses c_i); the combiner starts following candidate 0. It serves a hit as a hit, a miss with room
/// by loading, and only at a full miss elects whom to follow, then evicts, among its own pages the followed candidate
/// does not hold, the least recently accessed in its own cache (lazy evictor LRU).
/// <list type="bullet">
/// <item>Deterministic: switch_bound b (benchmark 1, class default 2): if c_followed ≥ b·min_i c_i, follow the first
/// argmin. Differs from the toolkit's <see cref="DeterministicCombinerPaging"/> (geometric budgets (1+γ), elected at
/// every request, evictor "loaded longest ago").</item>
/// <item>Randomized: β = 0.99; each candidate miss multiplies w_i by β; at an election q = w/Σw, and if q_f &lt; p_f it
/// switches with probability 1 − q_f/p_f to another candidate drawn ∝ q, then p = q (initially uniform). Differs from
/// <see cref="RandomizedCombinerPaging"/> (β = 1 − ε/2, elected at every request, evictor "loaded longest ago").</item>
/// </list>
/// Guarantees [abstract]: Wei 2020 (BlindOracle+LRU optimal among deterministic algorithms) and Blum &amp; Burch 2000
/// (Hedge-style combining); their constants are NOT FOUND for these configurations, so none is attached. Not
/// reconstructed (read in Cache-Coliseum's code, commit 4568bb6). O(k) per full miss plus the candidates' costs.
/// </summary>
public sealed class ColiseumCombinerPaging : IOnlinePagingAlgorithm
{
    private readonly IOnlinePagingAlgorithm[] _candidates;
    private readonly PagingCache[] _caches;
    private readonly long[] _cost;
    private readonly double[] _w, _p;
    private readonly bool _randomized;
    private readonly double _switchBound, _beta;
    private int[] _pages = Array.Empty<int>(), _pos = Array.Empty<int>();
    private long[] _used = Array.Empty<long>();
    private int _k, _count, _followed;
    private long _clock;
    private Rng _rng = new(0);

    /// <summary>Combines the candidates (at least two; candidate 0 followed first), deterministically with
    /// <paramref name="switchBound"/> or, when <paramref name="randomized"/>, with weights decayed by
    /// <paramref name="beta"/> per miss.</summary>
    public ColiseumCombinerPaging(IOnlinePagingAlgorithm[] candidates, bool randomized, string name, double switchBound = 1, double beta = 0.99)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(name);
        if (candidates.Length < 2) throw new ArgumentException("a combiner needs at least two candidates", nameof(candidates));
        if (!(switchBound >= 1) || double.IsInfinity(switchBound)) throw new ArgumentOutOfRangeException(nameof(switchBound), switchBound, "switch_bound must be ≥ 1 and finite");
        if (!(beta > 0 && beta < 1)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be in (0, 1)");
        _candidates = candidates;
        _caches = new PagingCache[candidates.Length];
        for (int i = 0; i < candidates.Length; i++) _caches[i] = new PagingCache();
        _cost = new long[candidates.Length];
        _w = new double[candidates.Length];
        _p = new double[candidates.Length];
        _randomized = randomized;
        _switchBound = switchBound;
        _beta = beta;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }
    /// <inheritdoc/>
    public int Count => _count;
    /// <summary>Index of the candidate followed now.</summary>
    public int Followed => _followed;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _k = capacity;
        _rng = rng;
        for (int i = 0; i < _candidates.Length; i++)
        {
            _candidates[i].Reset(capacity, pageCount, rng.Split());
            _caches[i].Reset(capacity, pageCount, _candidates[i].Name);
            _cost[i] = 0;
            _w[i] = 1;
            _p[i] = 1.0 / _candidates.Length;
        }
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_pages.Length < slots) { _pages = new int[slots]; _used = new long[slots]; }
        if (_pos.Length != pageCount) _pos = new int[pageCount];
        Array.Fill(_pos, -1);
        _count = 0;
        _followed = 0;
        _clock = 0;
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _pos[page] >= 0;

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        double sum = 0;
        for (int i = 0; i < _candidates.Length; i++)
        {
            if (_caches[i].Serve(_candidates[i], page, time))
            {
                _cost[i]++;
                _w[i] *= _beta;
            }
            sum += _w[i];
        }
        if (sum < 1e-200) for (int i = 0; i < _w.Length; i++) _w[i] /= sum; // rescale; ratios unchanged
        int s = _pos[page];
        if (s < 0)
        {
            if (_count < _k) s = _count++;
            else
            {
                Elect();
                var followed = _caches[_followed];
                s = -1;
                for (int i = 0; i < _k; i++)
                    if (!followed.Contains(_pages[i]) && (s < 0 || _used[i] < _used[s])) s = i;
                if (s < 0) throw new InvalidOperationException("followed candidate holds every cached page but not the requested one");
                _pos[_pages[s]] = -1;
                cache.Evict(_pages[s]);
            }
            _pages[s] = page;
            _pos[page] = s;
            cache.Load(page);
        }
        _used[s] = ++_clock;
    }

    private void Elect()
    {
        int n = _candidates.Length;
        if (!_randomized)
        {
            int best = 0;
            for (int i = 1; i < n; i++) if (_cost[i] < _cost[best]) best = i;
            if (_cost[_followed] >= _switchBound * _cost[best]) _followed = best;
            return;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) sum += _w[i];
        double qf = _w[_followed] / sum;
        if (qf < _p[_followed] && _rng.NextDouble() < 1 - qf / _p[_followed])
        {
            double rest = sum - _w[_followed], u = _rng.NextDouble() * rest;
            int pick = -1;
            for (int i = 0; i < n; i++)
            {
                if (i == _followed) continue;
                pick = i;
                u -= _w[i];
                if (u < 0) break;
            }
            _followed = pick;
        }
        for (int i = 0; i < n; i++) _p[i] = _w[i] / sum;
    }
}
