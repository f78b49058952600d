using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Last In First Out: on a fault with a full cache, evict the page loaded most recently (hits do not reorder). A
/// classical baseline that is <b>not competitive</b>: the first k−1 pages loaded stay forever, so alternating two other
/// pages makes LIFO fault on every request while OPT faults once (Borodin–El-Yaniv 1998). O(1) per request: a stack of
/// the cached pages in load order.
/// </summary>
public sealed class LifoPaging : IOnlinePagingAlgorithm
{
    private int[] _stack = Array.Empty<int>();
    private bool[] _cached = Array.Empty<bool>();
    private int _k, _count;

    /// <inheritdoc/>
    public string Name => "lifo";
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        _k = capacity;
        _count = 0;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_stack.Length < slots) _stack = new int[slots];
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
            int victim = _stack[--_count]; // loaded last
            _cached[victim] = false;
            cache.Evict(victim);
        }
        _stack[_count++] = page;
        _cached[page] = true;
        cache.Load(page);
    }
}
