using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// <c>lnonmarker-bare</c>: LNonMarker (Rohatgi, SODA 2020) run unwrapped on next-arrival predictions, as Cache-Coliseum
/// runs it (spec paging-peers §4), over k slots (cold misses fill the lowest empty slot). At every request, hit or
/// miss, when k distinct pages were requested in the phase a new phase starts: STALE = the cache now, all slots
/// unmarked, the evicted-by map cleared. A full miss on a stale page p evicts a uniformly random slot among all k
/// when the page that evicted p is not stale, else a uniformly random unmarked slot; a full miss on any other page
/// evicts the unmarked slot with the largest latest prediction (ties: lowest slot). The served slot is marked.
/// Differs from the toolkit's <c>lnonmarker</c> in two ways: no combiner with Marker, and the phase reset is checked
/// at every request (ours: when a (k+1)-st distinct page arrives). When no slot is unmarked (possible when a page was
/// served in two slots within a phase) both rules fall back to all k slots (our choice; the code would fail on an
/// empty choice). Guarantee [abstract]: O(1 + min((η/OPT)/k, 1)·log k)-competitive, η = ℓ₁ error of the next-arrival
/// predictions; whether for bare LNonMarker or a combination is NOT FOUND, so no guarantee is attached as data. Not
/// reconstructed (read in Cache-Coliseum's code, commit 4568bb6). O(k) per fault, no allocation.
/// </summary>
public sealed class LNonMarkerBarePaging : IOnlinePagingAlgorithm
{
    private readonly double[] _predictions;
    private int[] _slotPage = Array.Empty<int>(), _mark = Array.Empty<int>(), _scratch = Array.Empty<int>();
    private double[] _slotPred = Array.Empty<double>();
    private int[] _slotOf = Array.Empty<int>(), _stale = Array.Empty<int>(), _inPhase = Array.Empty<int>(), _byPhase = Array.Empty<int>(), _by = Array.Empty<int>();
    private int _k, _used, _phase, _distinct;
    private Rng _rng = new(0);

    /// <summary>Creates the algorithm over next-arrival predictions (one per request).</summary>
    public LNonMarkerBarePaging(double[] predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        _predictions = predictions;
    }

    /// <inheritdoc/>
    public string Name => "lnonmarker-bare";
    /// <inheritdoc/>
    public int Count => _used;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _k = capacity;
        _rng = rng;
        _used = _distinct = 0;
        _phase = 1;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_slotPage.Length < slots) { _slotPage = new int[slots]; _mark = new int[slots]; _scratch = new int[slots]; _slotPred = new double[slots]; }
        else Array.Clear(_mark);
        if (_slotOf.Length != pageCount)
        {
            _slotOf = new int[pageCount];
            _stale = new int[pageCount];
            _inPhase = new int[pageCount];
            _byPhase = new int[pageCount];
            _by = new int[pageCount];
        }
        else
        {
            Array.Clear(_stale);
            Array.Clear(_inPhase);
            Array.Clear(_byPhase);
        }
        Array.Fill(_slotOf, -1);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _slotOf[page] >= 0;

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (_distinct == _k)
        {
            _phase++; // unmark all, clear BY and PH (stamps of older phases)
            _distinct = 0;
            for (int i = 0; i < _used; i++) _stale[_slotPage[i]] = _phase;
        }
        int s = _slotOf[page];
        if (s < 0)
        {
            if (_used < _k) s = _used++;
            else
            {
                if (_stale[page] == _phase)
                {
                    int by = _byPhase[page] == _phase ? _by[page] : -1;
                    s = by < 0 || _stale[by] != _phase ? _rng.NextInt(_k) : UniformUnmarked();
                }
                else s = FurthestUnmarked();
                int victim = _slotPage[s];
                _by[victim] = page;
                _byPhase[victim] = _phase;
                _slotOf[victim] = -1;
                cache.Evict(victim);
            }
            _slotPage[s] = page;
            _slotOf[page] = s;
            cache.Load(page);
        }
        _mark[s] = _phase;
        if (_inPhase[page] != _phase) { _inPhase[page] = _phase; _distinct++; }
        _slotPred[s] = _predictions[time];
    }

    private int UniformUnmarked()
    {
        int m = 0;
        for (int i = 0; i < _k; i++)
            if (_mark[i] != _phase) _scratch[m++] = i;
        return m == 0 ? _rng.NextInt(_k) : _scratch[_rng.NextInt(m)];
    }

    private int FurthestUnmarked()
    {
        int best = -1;
        for (int i = 0; i < _k; i++)
            if (_mark[i] != _phase && (best < 0 || _slotPred[i] > _slotPred[best])) best = i;
        if (best >= 0) return best;
        best = 0;
        for (int i = 1; i < _k; i++) if (_slotPred[i] > _slotPred[best]) best = i;
        return best;
    }
}
