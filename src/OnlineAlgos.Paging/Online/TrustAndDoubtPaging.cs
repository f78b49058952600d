using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Trust&amp;Doubt for caching with action predictions (Antoniadis, Coester, Eliáš, Polak, Simon, ICML 2020), following
/// the ACEPS reference code (<c>TrustDoubt</c> made lazy by <c>LazyTrustDoubt</c>). The action predictions are the cache
/// states of a predictor algorithm run in lockstep (default: FtP on next-arrival predictions, as in ACEPS). Per k-phase:
/// "ancient" pages (cached, not requested in the previous phase) are evicted first (LRU, preferring pages the predictor
/// does not hold); then stale pages get random priorities; each clean page q gets an eviction target p_q chosen outside
/// the predictor's cache (LRU), trusted at first and reset (doubted) when p_q is requested; after intervals of doubling
/// length (counted in arrivals) the target is swapped for the highest-priority unmarked stale page. The non-lazy cache
/// is followed lazily (evict a page the non-lazy cache lacks, loaded longest ago). Guarantee [ACEPS, abstract]:
/// O(log k)-robust and competitive ratio logarithmic in the prediction error; not re-verified here.
/// Details where the reference code is silent (an empty candidate set at the interval step keeps the target) are ours.
/// O(k) per request.
/// </summary>
public sealed class TrustAndDoubtPaging : IOnlinePagingAlgorithm
{
    private readonly Core _core;
    private readonly FollowerCache _lazy = new();

    /// <summary>Trust&amp;Doubt with FtP on the given next-arrival predictions as action predictor.</summary>
    public TrustAndDoubtPaging(double[] nextArrivals) : this(new FollowThePredictionPaging(nextArrivals)) { }

    /// <summary>Trust&amp;Doubt following the cache states of any (lazy) predictor algorithm.</summary>
    public TrustAndDoubtPaging(IOnlinePagingAlgorithm predictor)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        _core = new Core(predictor);
    }

    /// <inheritdoc/>
    public string Name => "trust-doubt";
    /// <inheritdoc/>
    public int Count => _lazy.Count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _core.Reset(capacity, pageCount, rng);
        _lazy.Reset(capacity, pageCount);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _lazy.Contains(page);

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        _core.Serve(page, time);
        _lazy.Serve(page, _core, cache);
    }

    /// <summary>The non-lazy Trust&amp;Doubt cache (ACEPS <c>TrustDoubt</c>).</summary>
    private sealed class Core : IPageSet
    {
        private readonly IOnlinePagingAlgorithm _pred;
        private readonly PagingCache _predCache = new();
        private Rng _rng = new(0);
        private int _k, _phase;
        private int[] _slots = Array.Empty<int>(), _slotOf = Array.Empty<int>();
        private int[] _lastSeen = Array.Empty<int>();
        private int[] _newStamp = Array.Empty<int>(), _ancientStamp = Array.Empty<int>(), _staleStamp = Array.Empty<int>();
        private int[] _unmarkedStamp = Array.Empty<int>(), _arrivalStamp = Array.Empty<int>(), _arrivalTime = Array.Empty<int>();
        private int[] _prio = Array.Empty<int>(), _perm = Array.Empty<int>();
        private int[] _targetStamp = Array.Empty<int>(), _targetOf = Array.Empty<int>();
        private int[] _cleanEvict = Array.Empty<int>(), _intervalArrivals = Array.Empty<int>(), _intervalLength = Array.Empty<int>();
        private bool[] _trusted = Array.Empty<bool>();
        private readonly List<int> _stale = new(), _clean = new(), _newElements = new();
        private int _ancientCount, _arrivals;
        private bool _ancientHasEmpty;

        public Core(IOnlinePagingAlgorithm predictor) => _pred = predictor;

        public static string Name => "trust-doubt-core";
        public int Count { get; private set; }

        public void Reset(int capacity, int pageCount, Rng rng)
        {
            _rng = rng;
            _pred.Reset(capacity, pageCount, rng.Split());
            _predCache.Reset(capacity, pageCount, _pred.Name);
            _k = capacity;
            _phase = 0;
            Count = 0;
            _slots = new int[capacity];
            Array.Fill(_slots, -1);
            _perm = new int[capacity];
            for (int i = 0; i < capacity; i++) _perm[i] = i;
            _slotOf = Filled(pageCount, -1);
            _lastSeen = Filled(pageCount, -1);
            _newStamp = new int[pageCount]; _ancientStamp = new int[pageCount]; _staleStamp = new int[pageCount];
            _unmarkedStamp = new int[pageCount]; _arrivalStamp = new int[pageCount]; _arrivalTime = new int[pageCount];
            _prio = new int[pageCount]; _targetStamp = new int[pageCount]; _targetOf = new int[pageCount];
            _cleanEvict = new int[pageCount]; _intervalArrivals = new int[pageCount]; _intervalLength = new int[pageCount];
            _trusted = new bool[pageCount];
            _stale.Clear(); _clean.Clear(); _newElements.Clear();
        }

        private static int[] Filled(int n, int v) { var a = new int[n]; Array.Fill(a, v); return a; }

        public bool Contains(int page) => _slotOf[page] >= 0;

        private bool InPred(int p) => _predCache.Contains(p);
        private bool IsTarget(int p) => _targetStamp[p] == _phase;
        private bool UnmarkedStale(int p) => _unmarkedStamp[p] == _phase;

        private void Place(int slot, int page)
        {
            int old = _slots[slot];
            if (old >= 0) _slotOf[old] = -1; else Count++;
            _slots[slot] = page;
            _slotOf[page] = slot;
        }

        private void SetTarget(int q, int target)
        {
            int old = _cleanEvict[q];
            if (old >= 0 && _targetStamp[old] == _phase && _targetOf[old] == q) _targetStamp[old] = 0;
            _cleanEvict[q] = target;
            if (target >= 0) { _targetStamp[target] = _phase; _targetOf[target] = q; }
        }

        // LRU page among ((unmarked stale ∪ new elements) − predictor cache − current targets), or −1 (None).
        private int ChooseTarget()
        {
            int best = -1;
            foreach (int p in _stale)
                if (UnmarkedStale(p) && !InPred(p) && !IsTarget(p) && (best < 0 || _lastSeen[p] < _lastSeen[best])) best = p;
            foreach (int p in _newElements)
                if (!InPred(p) && !IsTarget(p) && (best < 0 || _lastSeen[p] < _lastSeen[best])) best = p;
            return best;
        }

        public bool Serve(int request, int t)
        {
            _predCache.Serve(_pred, request, t); // predictor's cache after t = pred[t+1]
            _lastSeen[request] = t;
            TrackPhase(request);
            TrackArrival(request, t);
            if (UnmarkedStale(request)) _unmarkedStamp[request] = 0;

            if (_ancientCount > 0 || _ancientHasEmpty)
            {
                ServeWhileAncient(request);
                return true;
            }

            bool arrivedNow = _arrivalTime[request] == t;
            if (_staleStamp[request] != _phase && arrivedNow) _clean.Add(request);
            // step 1: evict the unmarked stale page of lowest priority
            if (!Contains(request)) Place(LowestPrioritySlot(), request);
            // step 2: a newly arrived clean page gets a trusted eviction target
            if (_staleStamp[request] != _phase && arrivedNow) TrustNewTarget(request);
            // step 3: the request was some q's target: choose a new target for q, doubted
            if (IsTarget(request)) DoubtNewTarget(_targetOf[request]);
            // step 4: at interval ends, evict p_q and bring back the highest-priority unmarked stale page
            if (arrivedNow) EndIntervals();
            return true;
        }

        // A request that is not a new element of this phase is one, or starts the next phase when k are already new.
        private void TrackPhase(int request)
        {
            if (_newStamp[request] == _phase && _phase != 0) return;
            if (_phase == 0 || _newElements.Count + 1 > _k) StartPhase(request);
            else { _newStamp[request] = _phase; _newElements.Add(request); }
        }

        // The first request of a page in this phase is its arrival (intervals are counted in arrivals).
        private void TrackArrival(int request, int t)
        {
            if (_arrivalStamp[request] == _phase) return;
            _arrivalStamp[request] = _phase;
            _arrivalTime[request] = t;
            _intervalArrivals[request] = _arrivals;
            _arrivals++;
        }

        // While ancient pages (or empty slots) remain, a miss fills an empty slot or evicts the LRU ancient page.
        private void ServeWhileAncient(int request)
        {
            if (_ancientStamp[request] == _phase) { _ancientStamp[request] = 0; _ancientCount--; }
            if (Contains(request)) return;
            if (Count < _k) { Place(Array.IndexOf(_slots, -1), request); return; }
            int evict = LruAncient();
            if (evict < 0) throw new InvalidOperationException("Trust&Doubt: no ancient page to evict");
            _ancientStamp[evict] = 0;
            _ancientCount--;
            Place(_slotOf[evict], request);
        }

        // LRU ancient page, preferring pages the predictor does not hold; −1 when none is cached.
        private int LruAncient()
        {
            int evict = -1;
            for (int pass = 0; pass < 2 && evict < 0; pass++)
                for (int i = 0; i < _k; i++)
                {
                    int p = _slots[i];
                    if (p < 0 || _ancientStamp[p] != _phase || (pass == 0 && InPred(p))) continue;
                    if (evict < 0 || _lastSeen[p] < _lastSeen[evict]) evict = p;
                }
            return evict;
        }

        // An empty slot, else the slot of the unmarked stale page of lowest priority, else the LRU slot.
        private int LowestPrioritySlot()
        {
            if (Count < _k) return Array.IndexOf(_slots, -1);
            int best = -1;
            for (int i = 0; i < _k; i++)
            {
                int p = _slots[i];
                if (p >= 0 && UnmarkedStale(p) && (best < 0 || _prio[p] < _prio[_slots[best]])) best = i;
            }
            return best >= 0 ? best : LruSlot();
        }

        private void TrustNewTarget(int request)
        {
            _cleanEvict[request] = -1;
            SetTarget(request, ChooseTarget());
            _trusted[request] = true;
            _intervalLength[request] = 1;
        }

        private void DoubtNewTarget(int q)
        {
            int replacement = ChooseTarget(); // the old target (the request) is still excluded, as in ACEPS
            SetTarget(q, replacement);
            _trusted[q] = false;
            _intervalArrivals[q] = _arrivals;
        }

        // Every clean page whose interval ends now: a doubted one doubles its interval and is trusted again; its
        // target, if cached, makes room for the highest-priority unmarked stale page not cached (skipping trusted
        // targets).
        private void EndIntervals()
        {
            foreach (int q in _clean)
            {
                if (_arrivals - _intervalArrivals[q] != _intervalLength[q]) continue;
                _intervalArrivals[q] = _arrivals;
                if (!_trusted[q]) { _intervalLength[q] *= 2; _trusted[q] = true; }
                int pq = _cleanEvict[q];
                if (pq < 0 || !Contains(pq)) continue;
                int back = HighestPriorityStaleOutside();
                if (back >= 0) Place(_slotOf[pq], back);
            }
        }

        private int HighestPriorityStaleOutside()
        {
            int back = -1;
            foreach (int p in _stale)
            {
                if (!UnmarkedStale(p) || Contains(p)) continue;
                if (IsTarget(p) && _trusted[_targetOf[p]]) continue;
                if (back < 0 || _prio[p] > _prio[back]) back = p;
            }
            return back;
        }

        private int LruSlot()
        {
            int best = 0;
            for (int i = 1; i < _k; i++)
                if (_slots[i] >= 0 && _lastSeen[_slots[i]] < _lastSeen[_slots[best]]) best = i;
            return best;
        }

        private void StartPhase(int request)
        {
            _phase++;
            _newElements.Clear();
            _newElements.Add(request);
            _newStamp[request] = _phase;
            // ancient = cache − (previous phase's pages ∪ {request}); previous phase's pages are stamped _phase − 1
            _ancientCount = 0;
            _ancientHasEmpty = Count < _k;
            _stale.Clear();
            for (int i = 0; i < _k; i++)
            {
                int p = _slots[i];
                if (p < 0) continue;
                bool inPrev = (_phase > 1 && _newStamp[p] == _phase - 1) || p == request;
                if (!inPrev) { _ancientStamp[p] = _phase; _ancientCount++; }
                else { _stale.Add(p); _staleStamp[p] = _phase; _unmarkedStamp[p] = _phase; }
            }
            _rng.Shuffle(_perm.AsSpan());
            for (int i = 0; i < _stale.Count; i++) _prio[_stale[i]] = _perm[i];
            _clean.Clear();
            _arrivals = 0;
        }
    }
}
