using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Deterministic marking algorithm: every requested page is marked; a fault that finds every cached page marked
/// unmarks all (a new k-phase). Eviction: the unmarked page that was marked earliest in the previous phase (so it
/// differs from LRU, which is the marking algorithm that evicts by last request). Guarantee: every deterministic
/// marking algorithm is k-competitive, cost ≤ k·OPT from a cold start (Karlin et al. 1988; Fiat et al. 1991).
/// O(1) per request: two linked lists (unmarked, marked), each in marking order; "unmark all" swaps them.
/// </summary>
public sealed class MarkerPaging : IOnlinePagingAlgorithm
{
    private int[] _prev = Array.Empty<int>(), _next = Array.Empty<int>();
    private int[] _markPhase = Array.Empty<int>(); // page marked iff _markPhase[page] == _phase
    private bool[] _cached = Array.Empty<bool>();
    private int _k, _count, _phase, _unmarked, _marked; // list sentinels at pageCount and pageCount+1

    /// <inheritdoc/>
    public string Name => "marker";
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        _k = capacity;
        _count = 0;
        _phase = 1;
        if (_prev.Length != pageCount + 2)
        {
            _prev = new int[pageCount + 2];
            _next = new int[pageCount + 2];
            _markPhase = new int[pageCount];
            _cached = new bool[pageCount];
        }
        else
        {
            Array.Clear(_cached);
            Array.Clear(_markPhase);
        }
        _unmarked = pageCount;
        _marked = pageCount + 1;
        _prev[_unmarked] = _next[_unmarked] = _unmarked;
        _prev[_marked] = _next[_marked] = _marked;
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _cached[page];

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (_cached[page])
        {
            if (_markPhase[page] != _phase)
            {
                Unlink(page);
                Append(_marked, page);
                _markPhase[page] = _phase;
            }
            return;
        }
        if (_count == _k)
        {
            if (_next[_unmarked] == _unmarked)
            {
                // Every cached page is marked: new phase. The marked list (in marking order) becomes the unmarked list.
                (_unmarked, _marked) = (_marked, _unmarked);
                _phase++;
            }
            int victim = _next[_unmarked];
            Unlink(victim);
            _cached[victim] = false;
            _count--;
            cache.Evict(victim);
        }
        Append(_marked, page);
        _markPhase[page] = _phase;
        _cached[page] = true;
        _count++;
        cache.Load(page);
    }

    private void Unlink(int p) => PageLists.Unlink(_prev, _next, p);

    private void Append(int list, int p) => PageLists.Append(_prev, _next, list, p);
}
