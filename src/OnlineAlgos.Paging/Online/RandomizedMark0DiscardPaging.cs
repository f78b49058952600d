using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// MARK0, randomized (Antoniadis et al., ICML 2023, discard predictions). Reconstructed (spec §2.1): as
/// <see cref="Mark0DiscardPaging"/>, but when every cached page has latest bit 0 it evicts a uniformly random unmarked
/// page (pages with bit 1 are still evicted in LRU order). Guarantee (claimed [second-hand], checked statistically):
/// E[cost] ≤ OPT + 2H_k·η₀ + η₁, i.e. (1, 2H_k, 1)-competitive. Not robust alone: wrap with
/// <see cref="RandomizedCombinerPaging"/> against randomized Marker. With perfect bits its cost equals OPT for every
/// seed. O(1) per request, no allocation: an intrusive LRU list for bit-1 pages and two swap-remove arrays for unmarked
/// and marked 0-pages ("unmark all" swaps the array roles).
/// </summary>
public sealed class RandomizedMark0DiscardPaging : IOnlinePagingAlgorithm
{
    private const int InOnes = 2, NotCached = -1;
    private readonly byte[] _bits;
    private int[] _prev = Array.Empty<int>(), _next = Array.Empty<int>();
    private int[] _where = Array.Empty<int>(); // -1 not cached, 0/1 = zero-array index, 2 = bit-1 list
    private int[] _pos = Array.Empty<int>();
    private int[][] _zero = { Array.Empty<int>(), Array.Empty<int>() };
    private readonly int[] _zeroCount = new int[2];
    private int _k, _count, _ones, _u; // _u = index of the unmarked zero-array; 1 − _u is the marked one
    private Rng _rng = new(0);

    /// <summary>Creates the algorithm over one prediction bit per request (1 = evictable).</summary>
    public RandomizedMark0DiscardPaging(byte[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        _bits = bits;
    }

    /// <inheritdoc/>
    public string Name => "mark0-rand";
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _k = capacity;
        _rng = rng;
        _count = 0;
        _u = 0;
        _zeroCount[0] = _zeroCount[1] = 0;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_zero[0].Length < slots) _zero = new[] { new int[slots], new int[slots] };
        if (_prev.Length != pageCount + 1)
        {
            _prev = new int[pageCount + 1];
            _next = new int[pageCount + 1];
            _where = new int[pageCount];
            _pos = new int[pageCount];
        }
        Array.Fill(_where, NotCached);
        _ones = pageCount;
        _prev[_ones] = _next[_ones] = _ones;
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _where[page] != NotCached;

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        byte b = _bits[time];
        int w = _where[page];
        bool fault = w == NotCached;
        if (!fault) Remove(page, w);
        else
        {
            if (_count == _k)
            {
                int victim;
                if (_next[_ones] != _ones) victim = _next[_ones];
                else
                {
                    if (_zeroCount[_u] == 0) _u = 1 - _u; // all cached pages are marked 0-pages: unmark all
                    victim = _zero[_u][_rng.NextInt(_zeroCount[_u])];
                }
                Remove(victim, _where[victim]);
                _where[victim] = NotCached;
                _count--;
                cache.Evict(victim);
            }
            _count++;
            cache.Load(page);
        }
        if (b == 1)
        {
            int tail = _prev[_ones];
            _next[tail] = page;
            _prev[page] = tail;
            _next[page] = _ones;
            _prev[_ones] = page;
            _where[page] = InOnes;
        }
        else
        {
            int m = 1 - _u;
            _zero[m][_zeroCount[m]] = page;
            _pos[page] = _zeroCount[m]++;
            _where[page] = m;
        }
    }

    private void Remove(int p, int where)
    {
        if (where == InOnes)
        {
            _next[_prev[p]] = _next[p];
            _prev[_next[p]] = _prev[p];
        }
        else
        {
            int[] arr = _zero[where];
            int last = arr[--_zeroCount[where]];
            int i = _pos[p];
            arr[i] = last;
            _pos[last] = i;
        }
    }
}
