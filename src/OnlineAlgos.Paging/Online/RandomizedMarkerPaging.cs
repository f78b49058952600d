using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Randomized Marker (Fiat, Karp, Luby, McGeoch, Sleator, Young 1991): marking phases; on a fault evict a uniformly
/// random unmarked page. Guarantee: E[cost] ≤ 2H_k·OPT (tight analysis 2H_k − 1, Achlioptas et al. 2000); no
/// randomized algorithm beats H_k. O(1) per request: unmarked and marked pages in two swap-remove arrays; "unmark
/// all" swaps the array references.
/// <para>Variant <c>marker-rand-coliseum</c> (constructor flag <c>coliseumReset</c>): Cache-Coliseum's Marker
/// (spec paging-peers §5.1). It differs in one rule only: the marks are cleared at the start of every request that
/// finds all k pages marked, even when that request then hits (ours clears them at the next fault). Same guarantee
/// (it is still a marking algorithm: a phase still holds k distinct pages).</para>
/// </summary>
public sealed class RandomizedMarkerPaging : IOnlinePagingAlgorithm
{
    private readonly bool _coliseumReset;

    /// <summary>Randomized Marker; <paramref name="coliseumReset"/> = Cache-Coliseum's convention (clear the marks at
    /// any request, hit or miss, that finds all k pages marked) instead of ours (at the next fault).</summary>
    public RandomizedMarkerPaging(bool coliseumReset = false) => _coliseumReset = coliseumReset;

    private int[] _unmarked = Array.Empty<int>(), _marked = Array.Empty<int>();
    private int[] _pos = Array.Empty<int>();    // index of a cached page inside its array
    private int[] _markPhase = Array.Empty<int>();
    private bool[] _cached = Array.Empty<bool>();
    private int _k, _nu, _nm, _phase;
    private Rng _rng = new(0);

    /// <inheritdoc/>
    public string Name => _coliseumReset ? "marker-rand-coliseum" : "marker-rand";
    /// <inheritdoc/>
    public int Count => _nu + _nm;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        _k = capacity;
        _rng = rng;
        _nu = _nm = 0;
        _phase = 1;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_unmarked.Length < slots) { _unmarked = new int[slots]; _marked = new int[slots]; }
        if (_cached.Length != pageCount)
        {
            _pos = new int[pageCount];
            _markPhase = new int[pageCount];
            _cached = new bool[pageCount];
        }
        else
        {
            Array.Clear(_cached);
            Array.Clear(_markPhase);
        }
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _cached[page];

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (_coliseumReset && _nm == _k) UnmarkAll();
        if (_cached[page])
        {
            if (_markPhase[page] != _phase)
            {
                RemoveUnmarkedAt(_pos[page]);
                AddMarked(page);
            }
            return;
        }
        if (_nu + _nm == _k)
        {
            if (_nu == 0) UnmarkAll();
            int victim = _unmarked[_rng.NextInt(_nu)];
            RemoveUnmarkedAt(_pos[victim]);
            _cached[victim] = false;
            cache.Evict(victim);
        }
        _cached[page] = true;
        cache.Load(page);
        AddMarked(page);
    }

    private void UnmarkAll()
    {
        (_unmarked, _marked) = (_marked, _unmarked);
        _nu = _nm;
        _nm = 0;
        _phase++;
    }

    private void RemoveUnmarkedAt(int i)
    {
        int last = _unmarked[--_nu];
        _unmarked[i] = last;
        _pos[last] = i;
    }

    private void AddMarked(int page)
    {
        _marked[_nm] = page;
        _pos[page] = _nm++;
        _markPhase[page] = _phase;
    }
}
