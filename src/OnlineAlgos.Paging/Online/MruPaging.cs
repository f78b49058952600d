using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Most Recently Used: on a fault with a full cache, evict the cached page whose last request is the most recent (the
/// page of the previous request). A classical baseline that is <b>not competitive</b>: on k+1 pages the adversary
/// alternates the two pages outside MRU's frozen k−1 pages, so MRU faults on every request while OPT faults once
/// (Borodin–El-Yaniv 1998). O(1) per request: doubly linked list in recency order over dense page ids.
/// </summary>
public sealed class MruPaging : IOnlinePagingAlgorithm
{
    private int[] _prev = Array.Empty<int>();
    private int[] _next = Array.Empty<int>();
    private bool[] _cached = Array.Empty<bool>();
    private int _k, _count, _head; // _head = sentinel index (pageCount); list runs least → most recent

    /// <inheritdoc/>
    public string Name => "mru";
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
        PageLists.Clear(_prev, _next, _head);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _cached[page];

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (_cached[page])
        {
            PageLists.Unlink(_prev, _next, page);
            PageLists.Append(_prev, _next, _head, page);
            return;
        }
        if (_count == _k)
        {
            int victim = _prev[_head]; // most recent
            PageLists.Unlink(_prev, _next, victim);
            _cached[victim] = false;
            _count--;
            cache.Evict(victim);
        }
        _cached[page] = true;
        _count++;
        cache.Load(page);
        PageLists.Append(_prev, _next, _head, page);
    }
}
