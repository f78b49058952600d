using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// LNonMarker, the non-robust core (Rohatgi, SODA 2020; as in the ACEPS code, with the spec §4.6 conventions).
/// Phases follow the k-phase partition of the requests; marked = requested in the current phase; stale = cached at the
/// phase start. Fault on a clean page: evict the furthest-predicted unmarked page. Fault on a stale page: if the request
/// that last evicted it was not stale, evict a uniformly random cached page, else a uniformly random unmarked page.
/// Not robust alone: the toolkit's <c>lnonmarker</c> is <see cref="DeterministicCombinerPaging"/>(this, randomized
/// Marker), as in ACEPS. Conventions for the non-marking cache are the spec's, not verified against the original, so
/// the ACEPS LNonMarker rows are not expected to match exactly. O(k) per fault.
/// </summary>
public sealed class LNonMarkerPaging : IOnlinePagingAlgorithm
{
    private readonly double[] _predictions;
    private readonly MarkingCache _c = new();
    private int[] _evictedBy = Array.Empty<int>();
    private int _distinct;
    private Rng _rng = new(0);

    /// <summary>Creates the algorithm over next-arrival predictions (one per request).</summary>
    public LNonMarkerPaging(double[] predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        _predictions = predictions;
    }

    /// <inheritdoc/>
    public string Name => "lnonmarker-core";
    /// <inheritdoc/>
    public int Count => _c.Count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _rng = rng;
        _c.Reset(capacity, pageCount);
        if (_evictedBy.Length != pageCount) _evictedBy = new int[pageCount];
        Array.Fill(_evictedBy, -1);
        _distinct = 0;
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _c.Contains(page);

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (!_c.IsMarked(page))
        {
            if (_distinct == _c.K)
            {
                _c.StartPhase();
                _distinct = 0;
            }
            _distinct++;
        }
        bool fault = !_c.Contains(page);
        if (fault)
        {
            if (_c.Full)
            {
                int m = _c.CollectUnmarked();
                int v;
                if (_c.IsStale(page))
                {
                    int by = _evictedBy[page];
                    bool byClean = by >= 0 && !_c.IsStale(by);
                    v = byClean || m == 0 ? _c.Pages[_rng.NextInt(_c.Count)] : _c.Scratch[_rng.NextInt(m)];
                }
                else v = m > 0 ? _c.FurthestUnmarked() : _c.Pages[_rng.NextInt(_c.Count)];
                _evictedBy[v] = page;
                _c.Evict(v);
                cache.Evict(v);
            }
            _c.Load(page);
            cache.Load(page);
        }
        _c.Touch(page, time, _predictions[time]);
    }
}
