using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// First In First Out: on a fault with a full cache, evict the page loaded longest ago (hits do not reorder).
/// Guarantee: k-competitive, cost ≤ k·OPT from a cold start (Sleator–Tarjan 1985). O(1) per request: ring buffer.
/// </summary>
public sealed class FifoPaging : IOnlinePagingAlgorithm
{
    private int[] _ring = Array.Empty<int>();
    private bool[] _cached = Array.Empty<bool>();
    private int _k, _count, _head;

    /// <inheritdoc/>
    public string Name => "fifo";
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        _k = capacity;
        _count = 0;
        _head = 0;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_ring.Length < slots) _ring = new int[slots];
        if (_cached.Length < pageCount) _cached = new bool[pageCount];
        else Array.Clear(_cached);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _cached[page];

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (_cached[page]) return;
        int slots = _ring.Length;
        if (_count == _k)
        {
            _cached[_ring[_head]] = false;
            cache.Evict(_ring[_head]);
            _ring[_head] = page;
            _head = _head + 1 == _k ? 0 : _head + 1;
        }
        else
        {
            // Fewer distinct pages than k: the cache never fills, so slots ≥ count+1 here.
            int slot = _head + _count;
            if (slot >= slots) slot -= slots;
            _ring[slot] = page;
            _count++;
        }
        _cached[page] = true;
        cache.Load(page);
    }
}
