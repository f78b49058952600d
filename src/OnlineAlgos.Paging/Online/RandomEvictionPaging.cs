using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// RAND: on a fault with a full cache, evict a uniformly random cached page. Guarantee: E[cost] ≤ k·OPT against an
/// oblivious adversary (Raghavan–Snir 1989). O(1) per request (swap-remove array).
/// </summary>
public sealed class RandomEvictionPaging : IOnlinePagingAlgorithm
{
    private int[] _pages = Array.Empty<int>();
    private int[] _pos = Array.Empty<int>();
    private bool[] _cached = Array.Empty<bool>();
    private int _k, _count;
    private Rng _rng = new(0);

    /// <inheritdoc/>
    public string Name => "rand";
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        _k = capacity;
        _rng = rng;
        _count = 0;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_pages.Length < slots) _pages = new int[slots];
        if (_cached.Length != pageCount) { _cached = new bool[pageCount]; _pos = new int[pageCount]; }
        else Array.Clear(_cached);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _cached[page];

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (_cached[page]) return;
        int slot = _count;
        if (_count == _k)
        {
            slot = _rng.NextInt(_count);
            _cached[_pages[slot]] = false;
            cache.Evict(_pages[slot]);
        }
        else _count++;
        _pages[slot] = page;
        _pos[page] = slot;
        _cached[page] = true;
        cache.Load(page);
    }
}
