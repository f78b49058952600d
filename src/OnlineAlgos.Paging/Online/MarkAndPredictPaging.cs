using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// MARK&amp;PREDICT (Antoniadis et al., ICML 2023, phase predictions). Reconstructed (spec §2.2, consistent with the
/// Cache-Coliseum code): a randomized marking algorithm (requests mark pages; a fault that finds every cached page marked
/// unmarks all) that evicts a uniformly random unmarked page whose latest bit is 1 ("not requested in the next phase"),
/// or a uniformly random unmarked page when there is none. Guarantee (claimed [second-hand], checked statistically):
/// E[cost] ≤ 2·OPT + H_k·η₀ + η₁, and O(log k)-robust; with perfect phase bits its cost is exactly
/// OPTMarking = Σ_i c_i ≤ 2·OPT for every seed. O(1) per request, no allocation: four swap-remove arrays (unmarked and
/// marked pages, each split by latest bit); "unmark all" swaps the roles of the marked and unmarked arrays.
/// </summary>
public sealed class MarkAndPredictPaging : IOnlinePagingAlgorithm
{
    private readonly byte[] _bits;
    private int[][] _lists = { Array.Empty<int>(), Array.Empty<int>(), Array.Empty<int>(), Array.Empty<int>() };
    private readonly int[] _counts = new int[4];
    private int[] _where = Array.Empty<int>(); // list index 0..3, or −1 when not cached
    private int[] _pos = Array.Empty<int>();
    private int _k, _u0, _u1, _m0, _m1;
    private Rng _rng = new(0);

    /// <summary>Creates the algorithm over one phase bit per request (1 = evictable: not requested next phase).</summary>
    public MarkAndPredictPaging(byte[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        _bits = bits;
    }

    /// <inheritdoc/>
    public string Name => "mark-predict";
    /// <inheritdoc/>
    public int Count => _counts[0] + _counts[1] + _counts[2] + _counts[3];

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _k = capacity;
        _rng = rng;
        Array.Clear(_counts);
        (_u0, _u1, _m0, _m1) = (0, 1, 2, 3);
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_lists[0].Length < slots) _lists = new[] { new int[slots], new int[slots], new int[slots], new int[slots] };
        if (_where.Length != pageCount)
        {
            _where = new int[pageCount];
            _pos = new int[pageCount];
        }
        Array.Fill(_where, -1);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _where[page] >= 0;

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        byte b = _bits[time];
        int w = _where[page];
        bool fault = w < 0;
        if (!fault) Remove(page, w);
        else if (Count == _k)
        {
            if (_counts[_u0] + _counts[_u1] == 0)
            {
                (_u0, _m0) = (_m0, _u0);
                (_u1, _m1) = (_m1, _u1);
            }
            int from = _counts[_u1] > 0 ? _u1 : _u0;
            int victim = _lists[from][_rng.NextInt(_counts[from])];
            Remove(victim, from);
            _where[victim] = -1;
            cache.Evict(victim);
        }
        if (fault) cache.Load(page);
        int to = b == 1 ? _m1 : _m0;
        _lists[to][_counts[to]] = page;
        _pos[page] = _counts[to]++;
        _where[page] = to;
    }

    private void Remove(int p, int list)
    {
        int[] arr = _lists[list];
        int last = arr[--_counts[list]];
        int i = _pos[p];
        arr[i] = last;
        _pos[last] = i;
    }
}
