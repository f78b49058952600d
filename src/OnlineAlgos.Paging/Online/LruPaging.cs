using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Least Recently Used: on a fault with a full cache, evict the page whose last request is oldest.
/// Guarantee: k-competitive, cost ≤ k·OPT from a cold start (Sleator–Tarjan 1985); best possible for deterministic
/// algorithms. O(1) per request: doubly linked list over dense page ids (arrays sized by the page universe).
/// </summary>
public sealed class LruPaging : IOnlinePagingAlgorithm
{
    private int[] _prev = Array.Empty<int>();
    private int[] _next = Array.Empty<int>();
    private bool[] _cached = Array.Empty<bool>();
    private int _k, _count, _head; // _head = sentinel index (pageCount)

    /// <inheritdoc/>
    public string Name => "lru";
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        _k = capacity;
        _count = 0;
        if (_prev.Length != pageCount + 1)
        {
            _prev = new int[pageCount + 1];
            _next = new int[pageCount + 1];
            _cached = new bool[pageCount];
        }
        else Array.Clear(_cached);
        _head = pageCount;
        _prev[_head] = _head;
        _next[_head] = _head;
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _cached[page];

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        int[] prev = _prev, next = _next;
        if (_cached[page])
        {
            // unlink and move to the most-recent end (before the sentinel)
            PageLists.Unlink(prev, next, page);
            PageLists.Append(prev, next, _head, page);
            return;
        }
        if (_count == _k)
        {
            int victim = next[_head]; // least recent
            next[_head] = next[victim];
            prev[next[victim]] = _head;
            _cached[victim] = false;
            _count--;
            cache.Evict(victim);
        }
        _cached[page] = true;
        _count++;
        cache.Load(page);
        PageLists.Append(prev, next, _head, page);
    }
}
