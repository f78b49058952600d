using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// LMarker (Rohatgi, SODA 2020; as in the ACEPS code): marking phases; on a fault for a clean page (not cached at the
/// phase start) evict the unmarked page with the largest next-arrival prediction, for a stale page evict a uniformly
/// random unmarked page. Guarantee: O(1 + min((η/OPT)/k, 1)·log k)-competitive [Rohatgi, abstract]; as a marking
/// algorithm at most 2H_k-type robust; exact predictions give OPTMarking. O(k) per fault.
/// </summary>
public sealed class LMarkerPaging : IOnlinePagingAlgorithm
{
    private readonly double[] _predictions;
    private readonly MarkingCache _c = new();
    private Rng _rng = new(0);

    /// <summary>Creates the algorithm over next-arrival predictions (one per request).</summary>
    public LMarkerPaging(double[] predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        _predictions = predictions;
    }

    /// <inheritdoc/>
    public string Name => "lmarker";
    /// <inheritdoc/>
    public int Count => _c.Count;
    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _rng = rng;
        _c.Reset(capacity, pageCount);
    }
    /// <inheritdoc/>
    public bool Contains(int page) => _c.Contains(page);

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        bool fault = !_c.Contains(page);
        if (fault)
        {
            if (_c.Full)
            {
                int m = _c.CollectUnmarked();
                if (m == 0)
                {
                    _c.StartPhase();
                    m = _c.CollectUnmarked();
                }
                int v = _c.IsStale(page) ? _c.Scratch[_rng.NextInt(m)] : _c.FurthestUnmarked();
                _c.Evict(v);
                cache.Evict(v);
            }
            _c.Load(page);
            cache.Load(page);
        }
        _c.Touch(page, time, _predictions[time]);
    }
}
