using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>Which of Cache-Coliseum's three Guard classes <see cref="GuardPaging"/> runs (spec paging-peers §1).</summary>
public enum GuardVariant
{
    /// <summary><c>Guard</c>: an error (a fault on a page evicted earlier in the phase) evicts a uniformly random old
    /// slot and protects the refilled slot from the predictions for the rest of the phase.</summary>
    Full,
    /// <summary><c>GuardWithoutRandomEvict</c>: an error still protects the slot, but the victim is chosen by the
    /// predictions over the unprotected slots.</summary>
    WithoutRandomEvict,
    /// <summary><c>GuardWithoutProtection</c>: no protection; an error evicts a uniformly random old slot, any other
    /// fault follows the predictions over the old slots only (marking-style).</summary>
    WithoutProtection,
}

/// <summary>
/// Guard (Chen et al., NeurIPS 2025, arXiv 2507.16242) wrapped around "Predict" on next-arrival predictions
/// (Guard[Belady] / Guard[PLECO] in Cache-Coliseum), with Cache-Coliseum's slot model: k slots, a cold miss fills the
/// lowest empty slot, Predict evicts the slot whose latest prediction is largest with ties to the lowest slot.
/// Phases: a phase starts at a full miss when every slot was touched (hit or filled) since the last phase start; the
/// state is OLD (slots untouched this phase), FREE (unprotected slots) and EV (pages evicted this phase). A full miss
/// on a page of EV is an error; with the defaults (relax_times = 0, relax_prob = 0, follow_if_guarded = false) every
/// error is guarded (<c>uniform[0,1) &gt; relax_prob</c>, as in the code). See <see cref="GuardVariant"/> for the three
/// variants. Guarantee: 1-consistent (with exact next arrivals Guard and GuardWithoutRandomEvict never see an error
/// and evict as Belady: cost = OPT, tested) and robustness 2H_{k−1}+2 (later arXiv abstract; v1 abstract: 2H_k+2)
/// for Guard [abstract]; the class of base algorithms and any constant for the two ablations are NOT FOUND. The rule
/// is read in Cache-Coliseum's code (commit 4568bb6), not reconstructed; the robustness constant is the abstract's.
/// O(k) per fault (scans of the k slots), O(1) per hit, no allocation.
/// </summary>
public sealed class GuardPaging : IOnlinePagingAlgorithm
{
    private readonly double[] _predictions;
    private readonly GuardVariant _variant;
    private readonly int _relaxTimes;
    private readonly double _relaxProb;
    private readonly bool _followIfGuarded;
    private int[] _slotPage = Array.Empty<int>(), _touched = Array.Empty<int>(), _guarded = Array.Empty<int>(), _scratch = Array.Empty<int>();
    private double[] _slotPred = Array.Empty<double>();
    private int[] _slotOf = Array.Empty<int>(), _evicted = Array.Empty<int>();
    private int _k, _used, _phase, _oldCount, _errs;
    private Rng _rng = new(0);

    /// <summary>Guard over next-arrival predictions (one per request) with Cache-Coliseum's parameters
    /// (defaults: relax_times = 0, relax_prob = 0, follow_if_guarded = false).</summary>
    /// <exception cref="ArgumentOutOfRangeException">relax_times negative or relax_prob outside [0, 1].</exception>
    public GuardPaging(double[] predictions, GuardVariant variant = GuardVariant.Full, int relaxTimes = 0, double relaxProb = 0, bool followIfGuarded = false)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfNegative(relaxTimes);
        if (!(relaxProb >= 0 && relaxProb <= 1)) throw new ArgumentOutOfRangeException(nameof(relaxProb), relaxProb, "relax_prob must be in [0, 1]");
        _predictions = predictions;
        _variant = variant;
        _relaxTimes = relaxTimes;
        _relaxProb = relaxProb;
        _followIfGuarded = followIfGuarded;
    }

    /// <inheritdoc/>
    public string Name => _variant switch
    {
        GuardVariant.WithoutRandomEvict => "guard-no-random-evict",
        GuardVariant.WithoutProtection => "guard-no-protection",
        _ => "guard",
    };

    /// <inheritdoc/>
    public int Count => _used;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _k = capacity;
        _rng = rng;
        _used = _phase = _oldCount = _errs = 0;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_slotPage.Length < slots)
        {
            _slotPage = new int[slots];
            _touched = new int[slots];
            _guarded = new int[slots];
            _scratch = new int[slots];
            _slotPred = new double[slots];
        }
        else
        {
            Array.Clear(_touched);
            Array.Clear(_guarded);
        }
        if (_slotOf.Length != pageCount) { _slotOf = new int[pageCount]; _evicted = new int[pageCount]; }
        else Array.Clear(_evicted);
        Array.Fill(_slotOf, -1);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _slotOf[page] >= 0;

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        int s = _slotOf[page];
        bool guard = false;
        if (s < 0)
        {
            if (_used < _k) s = _used++;
            else
            {
                if (_oldCount == 0)
                {
                    _phase++; // OLD = FREE = all slots, EV = {}, errs = 0 (stamps of older phases)
                    _oldCount = _k;
                    _errs = 0;
                }
                bool error = _evicted[page] == _phase;
                if (_variant == GuardVariant.WithoutProtection)
                    s = error ? UniformOld() : Furthest(protectedToo: true, oldOnly: true);
                else
                {
                    if (error)
                    {
                        if (_relaxTimes > 0) guard = ++_errs >= _relaxTimes;
                        else guard = _rng.NextDouble() > _relaxProb;
                    }
                    s = guard && _variant == GuardVariant.Full && !_followIfGuarded ? UniformOld() : Furthest(protectedToo: false, oldOnly: false);
                }
                int victim = _slotPage[s];
                _evicted[victim] = _phase;
                _slotOf[victim] = -1;
                cache.Evict(victim);
            }
            _slotPage[s] = page;
            _slotOf[page] = s;
            cache.Load(page);
        }
        if (_phase > 0 && _touched[s] != _phase)
        {
            _touched[s] = _phase;
            _oldCount--;
        }
        if (guard) _guarded[s] = _phase;
        _slotPred[s] = _predictions[time];
    }

    private int UniformOld()
    {
        int m = 0;
        for (int i = 0; i < _k; i++)
            if (_touched[i] != _phase) _scratch[m++] = i;
        return _scratch[_rng.NextInt(m)];
    }

    // Largest latest prediction, ties to the lowest slot, over FREE (unprotected) or OLD slots. The candidate set is
    // never empty (see the type's notes); the fallback to all slots is defensive.
    private int Furthest(bool protectedToo, bool oldOnly)
    {
        int best = -1;
        for (int i = 0; i < _k; i++)
        {
            if (oldOnly ? _touched[i] == _phase : !protectedToo && _guarded[i] == _phase) continue;
            if (best < 0 || _slotPred[i] > _slotPred[best]) best = i;
        }
        if (best >= 0) return best;
        best = 0;
        for (int i = 1; i < _k; i++) if (_slotPred[i] > _slotPred[best]) best = i;
        return best;
    }
}
