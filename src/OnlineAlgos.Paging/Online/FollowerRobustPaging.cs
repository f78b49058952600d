using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// <c>follower-robust</c>: Follower&amp;Robust (F&amp;R; Sadek &amp; Elias, ICLR 2024, arXiv 2404.06280) as Cache-Coliseum
/// runs it (spec paging-peers §2, their scripts' <c>--boost_fr</c>, query gap a = 1, lazy evictor LRU). Predictions: the
/// predicted cache state after each request, which, as Cache-Coliseum's "-State" predictors, is a shadow cache that
/// follows the next-arrival predictions (largest predicted next arrival evicted, ties to the lowest slot); it is copied
/// into PRED only at query points. A simulated cache SIM alternates a follower mode (follow PRED while its faults do
/// not exceed OPT's since the mode began; OPT's cache before each request is Belady on the true future, which is what
/// <c>--boost_fr</c> does, hence the exact next arrivals) and a robust mode of k SIM faults (randomized marking that
/// queries PRED at the arrival numbers F of the windows S_i = k − ⌊k/2^i⌋ + 1; k = 10 uses F = {1, 6, 9} as the code
/// hard-codes) with reloads of predicted pages at the window starts. The real cache serves hits, fills the lowest empty
/// slot, else evicts the least recently used of its pages that SIM does not hold. Quirk kept: when SIM \ PRED is
/// empty the victim is drawn from PRED's list. Our choices (the spec is silent): the query gap starts at 0; when no
/// unmarked page of SIM is left in the robust mode the victim is a uniformly random SIM page. Guarantee [abstract]:
/// 1-consistent and robust; the robustness constant is NOT FOUND, so none is attached. Not reconstructed (read in
/// Cache-Coliseum's code, commit 4568bb6). O(k) per SIM fault (copies of PRED, scans of SIM) plus O(k) per fault of
/// each shadow cache; no allocation per request.
/// </summary>
public sealed class FollowerRobustPaging : IOnlinePagingAlgorithm
{
    private readonly double[] _predictions, _exact;
    private readonly int _a;
    private readonly SlotPredictCache _q = new(), _opt = new();
    private int[] _sim = Array.Empty<int>(), _simPos = Array.Empty<int>();
    private int[] _predList = Array.Empty<int>(), _predStamp = Array.Empty<int>();
    private int[] _oldList = Array.Empty<int>(), _oldStamp = Array.Empty<int>(), _markStamp = Array.Empty<int>(), _cleanStamp = Array.Empty<int>(), _reloadStamp = Array.Empty<int>();
    private int[] _seen = Array.Empty<int>(), _history = Array.Empty<int>(), _scratch = Array.Empty<int>();
    private int[] _real = Array.Empty<int>(), _realPos = Array.Empty<int>();
    private long[] _realUsed = Array.Empty<long>();
    private bool[] _inF = Array.Empty<bool>(), _inS = Array.Empty<bool>();
    private int _k, _oldCount, _simCount, _predCount, _predVersion, _robust, _reloadVersion, _seenVersion, _skip, _gap, _realCount;
    private long _followCost, _optCost, _clock;
    private Rng _rng = new(0);

    /// <summary>F&amp;R over next-arrival predictions (for the predicted state) and the exact next arrivals (OPT's cache,
    /// as <c>--boost_fr</c>), one per request, with query gap <paramref name="a"/> ≥ 1 (Cache-Coliseum: 1).</summary>
    public FollowerRobustPaging(double[] predictions, double[] exactNextArrivals, int a = 1)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(exactNextArrivals);
        ArgumentOutOfRangeException.ThrowIfLessThan(a, 1);
        _predictions = predictions;
        _exact = exactNextArrivals;
        _a = a;
    }

    /// <inheritdoc/>
    public string Name => "follower-robust";
    /// <inheritdoc/>
    public int Count => _realCount;

    /// <summary>The query points F (arrival numbers 1..k of a robust phase) for query gap 1 (spec paging-peers §2).</summary>
    public static IReadOnlyList<int> QueryPoints(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (k == 10) return [1, 6, 9];
        var s = WindowStarts(k);
        var f = new List<int>();
        for (int g = 0; g < s.Count; g++)
        {
            int size = g + 1 < s.Count ? s[g + 1] - s[g] : 1;
            int gap = size >> Math.Min(g + 1, 30);
            if (gap < 1)
            {
                for (int n = s[g]; n <= s[^1]; n++) f.Add(n);
                break;
            }
            for (int n = s[g]; n < s[g + 1]; n += gap) f.Add(n);
        }
        return f;
    }

    /// <summary>The window starts S_i = k − ⌊k/2^i⌋ + 1, i = 0..⌊log₂ k⌋.</summary>
    public static IReadOnlyList<int> WindowStarts(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var s = new List<int>();
        for (int i = 0; (1L << i) <= k; i++) s.Add(k - (int)(k >> i) + 1);
        return s;
    }

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _k = capacity;
        _rng = rng;
        _q.Reset(capacity, pageCount);
        _opt.Reset(capacity, pageCount);
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        _sim = new int[slots];
        _predList = new int[slots];
        _oldList = new int[slots];
        _scratch = new int[slots];
        _real = new int[slots];
        _realUsed = new long[slots];
        _simPos = Fill(pageCount, -1);
        _realPos = Fill(pageCount, -1);
        _predStamp = new int[pageCount];
        _oldStamp = new int[pageCount];
        _markStamp = new int[pageCount];
        _cleanStamp = new int[pageCount];
        _reloadStamp = new int[pageCount];
        _seen = new int[pageCount];
        _history = new int[_predictions.Length];
        _inF = new bool[capacity + 1];
        _inS = new bool[capacity + 1];
        if (_a == 1)
        {
            foreach (int n in QueryPoints(capacity)) _inF[n] = true;
            foreach (int n in WindowStarts(capacity)) _inS[n] = true;
        }
        _simCount = _predCount = _realCount = _skip = _gap = _oldCount = 0;
        _predVersion = _robust = _reloadVersion = _seenVersion = 1;
        _followCost = _optCost = _clock = 0;
    }

    private static int[] Fill(int n, int v)
    {
        var a = new int[n];
        Array.Fill(a, v);
        return a;
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _realPos[page] >= 0;

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        _q.Serve(page, _predictions[time]);   // Q = predicted state after this request
        bool optHad = _opt.Contains(page);     // OPT's cache before this request
        _opt.Serve(page, _exact[time]);
        Step(page, optHad, time);
        _gap--;
        _history[time] = page;
        ServeReal(page, cache);
    }

    private void Step(int p, bool optHad, int time)
    {
        if (_simPos[p] >= 0) return;
        if (_simCount < _k)
        {
            AddSim(p);
            CopyPred();
            return;
        }
        if (_skip == 0)
        {
            _followCost++;
            if (!optHad) _optCost++;
            bool inPred = InPred(p);
            if (!inPred && _followCost <= _optCost)
            {
                if (_gap <= 0)
                {
                    CopyPred();
                    _gap = _a;
                    ReplaceOutsidePred(p);
                }
                else ReplaceAt(_rng.NextInt(_simCount), p);
            }
            else if (inPred) ReplaceOutsidePred(p);
            else StartRobust(p, time);
        }
        if (_skip > 0)
        {
            _skip--;
            int n = _k - _skip;
            _markStamp[p] = _robust;
            if (_oldStamp[p] != _robust) _cleanStamp[p] = _robust;
            if ((_a == 1 && _inF[n]) || (_a > 1 && _gap <= 0))
            {
                _gap = _a;
                CopyPred();
            }
            if (_inS[n])
            {
                _reloadVersion++;
                for (int i = 0; i < _oldCount; i++)
                {
                    int q = _oldList[i];
                    if (_markStamp[q] != _robust && InPred(q) && _simPos[q] < 0) _reloadStamp[q] = _reloadVersion;
                }
            }
            if (_reloadStamp[p] == _reloadVersion || _cleanStamp[p] == _robust) ReplaceOutsidePred(p);
            if (_simPos[p] < 0)
            {
                int m = 0;
                for (int i = 0; i < _simCount; i++)
                {
                    int q = _sim[i];
                    if (_oldStamp[q] == _robust && _markStamp[q] != _robust) _scratch[m++] = i;
                }
                ReplaceAt(m > 0 ? _scratch[_rng.NextInt(m)] : _rng.NextInt(_simCount), p);
            }
        }
    }

    private void StartRobust(int p, int time)
    {
        _followCost = _optCost = 0;
        _skip = _k;
        _robust++;
        _reloadVersion++; // RELOAD = []
        _seenVersion++;
        int found = 0;
        for (int t = time - 1; t >= 0 && found < _k; t--)
        {
            int q = _history[t];
            if (q == p || _seen[q] == _seenVersion) continue;
            _seen[q] = _seenVersion;
            _oldList[found++] = q;
        }
        for (int i = 0; i < _simCount; i++) _simPos[_sim[i]] = -1;
        _simCount = 0;
        for (int i = 0; i < found; i++)
        {
            _oldStamp[_oldList[i]] = _robust;
            AddSim(_oldList[i]);
        }
        _oldCount = found; // = k: SIM was full with k pages other than p, all requested before
    }

    private void ServeReal(int page, PagingCache cache)
    {
        int s = _realPos[page];
        if (s < 0)
        {
            if (_realCount < _k) s = _realCount++;
            else
            {
                s = -1;
                for (int i = 0; i < _k; i++)
                    if (_simPos[_real[i]] < 0 && (s < 0 || _realUsed[i] < _realUsed[s])) s = i;
                if (s < 0) throw new InvalidOperationException("follower-robust: SIM holds every real page but not the requested one");
                _realPos[_real[s]] = -1;
                cache.Evict(_real[s]);
            }
            _real[s] = page;
            _realPos[page] = s;
            cache.Load(page);
        }
        _realUsed[s] = ++_clock;
    }

    private bool InPred(int page) => _predStamp[page] == _predVersion;

    private void CopyPred()
    {
        _predVersion++;
        _predCount = _q.Used;
        for (int i = 0; i < _predCount; i++)
        {
            int q = _q.SlotPage[i];
            _predList[i] = q;
            _predStamp[q] = _predVersion;
        }
    }

    // "evict uniform from SIM \ PRED" (then p takes the slot); when it is empty, Cache-Coliseum draws from PRED's list.
    private void ReplaceOutsidePred(int p)
    {
        int m = 0;
        for (int i = 0; i < _simCount; i++)
            if (!InPred(_sim[i])) _scratch[m++] = i;
        if (m > 0) { ReplaceAt(_scratch[_rng.NextInt(m)], p); return; }
        int v = _predCount > 0 ? _predList[_rng.NextInt(_predCount)] : -1;
        ReplaceAt(v >= 0 && _simPos[v] >= 0 ? _simPos[v] : _rng.NextInt(_simCount), p);
    }

    private void AddSim(int p)
    {
        _sim[_simCount] = p;
        _simPos[p] = _simCount++;
    }

    private void ReplaceAt(int i, int p)
    {
        _simPos[_sim[i]] = -1;
        _sim[i] = p;
        _simPos[p] = i;
    }
}
