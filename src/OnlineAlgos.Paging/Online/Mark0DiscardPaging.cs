using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// MARK0, deterministic (Antoniadis et al., ICML 2023, discard predictions). Reconstructed: the paper's pseudo-code was
/// not available; this is the spec's §2.1 reconstruction. On a fault with a full cache: evict the least recently used
/// page whose latest bit is 1; if every cached page has latest bit 0 (so some bit is wrong), evict the least recently
/// used unmarked page, starting a new marking phase (unmark all) when none is unmarked. A request with bit 0 marks its
/// page, with bit 1 unmarks it; only 0-pages are ever marked.
/// Guarantee (claimed by the paper [second-hand], checked as a property): cost ≤ OPT + (k−1)·η₀ + η₁, i.e.
/// (1, k−1, 1)-competitive, tight for deterministic algorithms. Not robust alone (ratio unbounded, spec §2.1): wrap it
/// with <see cref="DeterministicCombinerPaging"/> against LRU. With perfect bits its cost equals OPT.
/// O(1) per request, no allocation: three intrusive LRU lists (bit 1, unmarked 0, marked 0); "unmark all" swaps the
/// two 0-lists (only done when the unmarked list is empty, so LRU order is kept).
/// </summary>
public sealed class Mark0DiscardPaging : IOnlinePagingAlgorithm
{
    private readonly byte[] _bits;
    private int[] _prev = Array.Empty<int>(), _next = Array.Empty<int>();
    private bool[] _cached = Array.Empty<bool>();
    private int _k, _count, _ones, _unmarked, _marked;

    /// <summary>Creates the algorithm over one prediction bit per request (1 = evictable).</summary>
    public Mark0DiscardPaging(byte[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        _bits = bits;
    }

    /// <inheritdoc/>
    public string Name => "mark0";
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        _k = capacity;
        _count = 0;
        if (_prev.Length != pageCount + 3)
        {
            _prev = new int[pageCount + 3];
            _next = new int[pageCount + 3];
            _cached = new bool[pageCount];
        }
        else Array.Clear(_cached);
        _ones = pageCount;
        _unmarked = pageCount + 1;
        _marked = pageCount + 2;
        for (int s = pageCount; s < pageCount + 3; s++) _prev[s] = _next[s] = s;
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _cached[page];

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        byte b = _bits[time];
        bool fault = !_cached[page];
        if (!fault) Unlink(page);
        else
        {
            if (_count == _k)
            {
                int victim;
                if (_next[_ones] != _ones) victim = _next[_ones];
                else
                {
                    if (_next[_unmarked] == _unmarked) (_unmarked, _marked) = (_marked, _unmarked);
                    victim = _next[_unmarked];
                }
                Unlink(victim);
                _cached[victim] = false;
                _count--;
                cache.Evict(victim);
            }
            _cached[page] = true;
            _count++;
            cache.Load(page);
        }
        Append(b == 1 ? _ones : _marked, page);
    }

    private void Unlink(int p) => PageLists.Unlink(_prev, _next, p);

    private void Append(int list, int p) => PageLists.Append(_prev, _next, list, p);
}
