using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Flush When Full: on a fault with a full cache, empty the whole cache, then load the page. A marking algorithm;
/// guarantee: k-competitive, cost ≤ k·OPT from a cold start (Karlin et al. 1988). O(1) amortized per request.
/// </summary>
public sealed class FlushWhenFullPaging : IOnlinePagingAlgorithm
{
    private int[] _pages = Array.Empty<int>();
    private bool[] _cached = Array.Empty<bool>();
    private int _k, _count;

    /// <inheritdoc/>
    public string Name => "fwf";
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        _k = capacity;
        _count = 0;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_pages.Length < slots) _pages = new int[slots];
        if (_cached.Length != pageCount) _cached = new bool[pageCount];
        else Array.Clear(_cached);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _cached[page];

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (_cached[page]) return;
        if (_count == _k)
        {
            for (int i = 0; i < _count; i++) { _cached[_pages[i]] = false; cache.Evict(_pages[i]); }
            _count = 0;
        }
        _pages[_count++] = page;
        _cached[page] = true;
        cache.Load(page);
    }
}
