using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// FollowDiscard (spec §2.0, reconstructed rule with a proof): remembers each cached page's latest discard bit; on a
/// fault with a full cache evicts the least recently used page whose latest bit is 1, or, when there is none, the
/// least recently used page. Guarantee: with perfect discard bits its cost equals OPT exactly (reconstructed proof,
/// spec §2.0); not robust. O(1) per request: two intrusive LRU lists (latest bit 1 / latest bit 0) over dense ids.
/// The prediction for the request at time t is <c>bits[t]</c> (1 = evictable), read only when that request is served.
/// </summary>
public sealed class FollowDiscardPaging : IOnlinePagingAlgorithm
{
    private readonly byte[] _bits;
    private int[] _prev = Array.Empty<int>(), _next = Array.Empty<int>();
    private bool[] _cached = Array.Empty<bool>();
    private int _k, _count, _ones, _zeros; // sentinels at pageCount (bit 1) and pageCount+1 (bit 0)

    /// <summary>Creates the algorithm over one prediction bit per request (internal convention, 1 = evictable).</summary>
    public FollowDiscardPaging(byte[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        _bits = bits;
    }

    /// <inheritdoc/>
    public string Name => "follow-discard";
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        _k = capacity;
        _count = 0;
        if (_prev.Length != pageCount + 2)
        {
            _prev = new int[pageCount + 2];
            _next = new int[pageCount + 2];
            _cached = new bool[pageCount];
        }
        else Array.Clear(_cached);
        _ones = pageCount;
        _zeros = pageCount + 1;
        _prev[_ones] = _next[_ones] = _ones;
        _prev[_zeros] = _next[_zeros] = _zeros;
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
                int victim = _next[_ones] != _ones ? _next[_ones] : _next[_zeros];
                Unlink(victim);
                _cached[victim] = false;
                _count--;
                cache.Evict(victim);
            }
            _cached[page] = true;
            _count++;
            cache.Load(page);
        }
        Append(b == 1 ? _ones : _zeros, page);
    }

    private void Unlink(int p) => PageLists.Unlink(_prev, _next, p);

    private void Append(int list, int p) => PageLists.Append(_prev, _next, list, p);
}
