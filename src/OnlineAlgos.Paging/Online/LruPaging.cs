using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Least Recently Used: on a fault with a full cache, evict the page whose last request is oldest.
/// Guarantee: k-competitive, cost ≤ k·OPT from a cold start (Sleator–Tarjan 1985); best possible for deterministic
/// algorithms. O(1) per request: a doubly linked recency list over the k cache slots plus a page → slot array, so a
/// request touches one page-indexed entry and otherwise only the k-sized (cache-resident) list.
/// </summary>
public sealed class LruPaging : IOnlinePagingAlgorithm
{
    // Slot-indexed list: only k nodes, so the list stays in L1/L2 even over a million-page universe.
    private int[] _slotOf = Array.Empty<int>(); // page -> slot + 1 (0 = not cached)
    private int[] _pageOf = Array.Empty<int>(); // slot -> page
    private int[] _prev = Array.Empty<int>();
    private int[] _next = Array.Empty<int>();
    private int _slots, _count, _head; // _head = sentinel index (= _slots)
    private readonly bool _evictMostRecent; // MRU (MruPaging) runs this same list and evicts at the other end

    /// <summary>LRU.</summary>
    public LruPaging() { }

    internal LruPaging(bool evictMostRecent) => _evictMostRecent = evictMostRecent;

    /// <inheritdoc/>
    public string Name => "lru";
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        // Never more slots than pages: a huge k (e.g. 2e9) behaves identically with min(k, pages) slots.
        _slots = Math.Max(1, Math.Min(capacity, Math.Max(pageCount, 1)));
        _count = 0;
        if (_slotOf.Length != pageCount) _slotOf = new int[pageCount];
        else Array.Clear(_slotOf);
        if (_pageOf.Length != _slots)
        {
            _pageOf = new int[_slots];
            _prev = new int[_slots + 1];
            _next = new int[_slots + 1];
        }
        _head = _slots;
        PageLists.Clear(_prev, _next, _head);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _slotOf[page] != 0;

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        int[] prev = _prev, next = _next;
        int s = _slotOf[page] - 1;
        if (s >= 0)
        {
            PageLists.Unlink(prev, next, s);
            PageLists.Append(prev, next, _head, s);
            return;
        }
        if (_count == _slots)
        {
            s = _evictMostRecent ? prev[_head] : next[_head]; // least (MRU: most) recent slot
            int victim = _pageOf[s];
            _slotOf[victim] = 0;
            cache.Evict(victim);
            PageLists.Unlink(prev, next, s);
        }
        else s = _count++;
        _pageOf[s] = page;
        _slotOf[page] = s + 1;
        cache.Load(page);
        PageLists.Append(prev, next, _head, s);
    }
}
