using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Predictive Marker (Lykouris–Vassilvitskii, ICML 2018; as in the ACEPS code with threshold γ·H_k, γ = 1): marking
/// phases with eviction chains. A fault on a clean page starts a chain and evicts the furthest-predicted unmarked page
/// (the chain's representative); a fault on a stale page (the representative of its chain) lengthens the chain and
/// evicts the furthest-predicted unmarked page while the chain length is ≤ H_k, else a uniformly random unmarked page.
/// Guarantee: min(2 + 2√(5η/OPT), 4H_k)-competitive [second-hand]; exact predictions give OPTMarking.
/// O(k) per fault.
/// </summary>
public sealed class PredictiveMarkerPaging : IOnlinePagingAlgorithm
{
    private readonly double[] _predictions;
    private readonly MarkingCache _c = new();
    private int[] _chainOf = Array.Empty<int>(), _chainPhase = Array.Empty<int>(), _chainLength = Array.Empty<int>();
    private int _chains;
    private double _hk;
    private Rng _rng = new(0);

    /// <summary>Creates the algorithm over next-arrival predictions (one per request).</summary>
    public PredictiveMarkerPaging(double[] predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        _predictions = predictions;
    }

    /// <inheritdoc/>
    public string Name => "predictive-marker";
    /// <inheritdoc/>
    public int Count => _c.Count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _rng = rng;
        _c.Reset(capacity, pageCount);
        if (_chainOf.Length != pageCount) { _chainOf = new int[pageCount]; _chainPhase = new int[pageCount]; }
        else Array.Clear(_chainPhase);
        if (_chainLength.Length < capacity + 1) _chainLength = new int[capacity + 1];
        _chains = 0;
        _hk = 0;
        for (int i = 1; i <= capacity; i++) _hk += 1.0 / i;
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
                    _chains = 0;
                    m = _c.CollectUnmarked();
                }
                int chain, v;
                if (!_c.IsStale(page) || _chainPhase[page] != _c.Phase)
                {
                    // clean page (a stale page that is no chain's representative cannot fault: it was never evicted)
                    chain = _chains++;
                    _chainLength[chain] = 1;
                    v = _c.FurthestUnmarked();
                }
                else
                {
                    chain = _chainOf[page];
                    int length = ++_chainLength[chain];
                    v = length <= _hk ? _c.FurthestUnmarked() : _c.Scratch[_rng.NextInt(m)];
                }
                _chainOf[v] = chain;
                _chainPhase[v] = _c.Phase;
                _c.Evict(v);
                cache.Evict(v);
            }
            _c.Load(page);
            cache.Load(page);
        }
        _c.Touch(page, time, _predictions[time]);
    }
}
