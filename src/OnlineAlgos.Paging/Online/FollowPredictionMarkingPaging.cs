using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Marking algorithm that evicts the unmarked page with the largest next-arrival prediction (ties: smallest last
/// request) — ACEPS's <c>FollowPredMarking</c>. With exact predictions this is OPTMarking, the best marking algorithm,
/// whose cost is Σ_i c_i (clean pages per k-phase) ≤ 2·OPT; any deterministic marking algorithm is k-competitive.
/// O(k) per fault (scan of the cached pages), O(1) per hit.
/// </summary>
public sealed class FollowPredictionMarkingPaging : IOnlinePagingAlgorithm
{
    private readonly double[] _predictions;
    private readonly MarkingCache _c = new();

    /// <summary>Creates the algorithm; <paramref name="predictions"/>[t] is the predicted next arrival of the request at t.</summary>
    public FollowPredictionMarkingPaging(double[] predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        _predictions = predictions;
    }

    /// <inheritdoc/>
    public string Name => "ftp-marking";
    /// <inheritdoc/>
    public int Count => _c.Count;
    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng) => _c.Reset(capacity, pageCount);
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
                int v = _c.FurthestUnmarked();
                if (v < 0)
                {
                    _c.StartPhase();
                    v = _c.FurthestUnmarked();
                }
                _c.Evict(v);
                cache.Evict(v);
            }
            _c.Load(page);
            cache.Load(page);
        }
        _c.Touch(page, time, _predictions[time]);
    }
}
