using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// <c>mark0-rand-coliseum</c>: Cache-Coliseum's Mark0 (randomized, discard bits; spec paging-peers §5.3). Serving: a hit
/// marks the page; a miss with room loads without evicting; a miss with a full cache first unmarks everything if every
/// page is marked, then evicts a uniformly random unmarked page; the served page is marked. It differs from
/// <see cref="RandomizedMark0DiscardPaging"/> in one rule, <b>eager discard</b>: a request whose bit is 1 empties its
/// slot right after being served (ours keeps the page and evicts it first when room is needed). The toolkit's model
/// requires the requested page to be cached at the end of its request, so the slot is emptied at the start of the
/// next request; a repeat of the page at that request is evicted and loaded again and counts as a miss
/// (<see cref="PagingCache.Serve"/>), exactly as in Cache-Coliseum. The emptied slot stays marked there; marks of empty
/// slots never matter (an unmark-all happens only at a full miss, after every empty slot was refilled and marked).
/// Guarantee: Antoniadis et al. (ICML 2023) claim consistency, robustness and smoothness with constants NOT FOUND;
/// none is attached. Not reconstructed: the rule is read in Cache-Coliseum's code (commit 4568bb6). O(1) per request,
/// no allocation: unmarked and marked pages in two swap-remove arrays.
/// </summary>
public sealed class Mark0ColiseumPaging : IOnlinePagingAlgorithm
{
    private readonly byte[] _bits;
    private int[] _unmarked = Array.Empty<int>(), _marked = Array.Empty<int>(), _pos = Array.Empty<int>();
    private sbyte[] _where = Array.Empty<sbyte>(); // -1 not cached, 0 unmarked, 1 marked
    private int _k, _nu, _nm, _pending = -1;
    private Rng _rng = new(0);

    /// <summary>Creates the algorithm over one discard bit per request (1 = evictable: discard at once).</summary>
    public Mark0ColiseumPaging(byte[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        _bits = bits;
    }

    /// <inheritdoc/>
    public string Name => "mark0-rand-coliseum";
    /// <inheritdoc/>
    public int Count => _nu + _nm;

    /// <summary>The page whose slot is emptied at the start of the next request (eager discard of a bit-1 request),
    /// or −1. It is still cached until then; a request for it then is a miss.</summary>
    public int PendingDiscard => _pending;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _k = capacity;
        _rng = rng;
        _nu = _nm = 0;
        _pending = -1;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_unmarked.Length < slots) { _unmarked = new int[slots]; _marked = new int[slots]; }
        if (_where.Length != pageCount) { _where = new sbyte[pageCount]; _pos = new int[pageCount]; }
        Array.Fill(_where, (sbyte)-1);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _where[page] >= 0;

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (_pending >= 0)
        {
            int d = _pending;
            _pending = -1;
            Remove(d);
            _where[d] = -1;
            cache.Evict(d);
        }
        if (_where[page] == 1) { }
        else if (_where[page] == 0) { Remove(page); AddMarked(page); }
        else
        {
            if (_nu + _nm == _k)
            {
                if (_nu == 0)
                {
                    (_unmarked, _marked) = (_marked, _unmarked);
                    _nu = _nm;
                    _nm = 0;
                    for (int i = 0; i < _nu; i++) _where[_unmarked[i]] = 0;
                }
                int victim = _unmarked[_rng.NextInt(_nu)];
                Remove(victim);
                _where[victim] = -1;
                cache.Evict(victim);
            }
            cache.Load(page);
            AddMarked(page);
        }
        if (_bits[time] == 1) _pending = page;
    }

    private void AddMarked(int p)
    {
        _marked[_nm] = p;
        _pos[p] = _nm++;
        _where[p] = 1;
    }

    private void Remove(int p)
    {
        int i = _pos[p];
        if (_where[p] == 1) { int last = _marked[--_nm]; _marked[i] = last; _pos[last] = i; }
        else { int last = _unmarked[--_nu]; _unmarked[i] = last; _pos[last] = i; }
    }
}
