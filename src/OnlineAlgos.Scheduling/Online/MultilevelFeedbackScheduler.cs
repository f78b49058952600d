using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// Deterministic multilevel feedback (spec §2.4): level i holds jobs whose attained service lies in
/// [Q(2^i - 1), Q(2^(i+1) - 1)); the lowest non-empty level runs, first come first served within a level (order of
/// entering the level); a job moves up when its quantum Q·2^i is used (a breakpoint). Non-clairvoyant baseline;
/// the randomised variant is O(log n)-competitive (Becchetti–Leonardi 2004); the deterministic one has no constant
/// guarantee. Not scale-invariant unless Q scales with the instance (spec §6.1 P10 review note). O(log n) per event.
/// </summary>
public sealed class MultilevelFeedbackScheduler<T> : PriorityRuleScheduler<T> where T : struct, INumber<T>
{
    private int[] _level = Array.Empty<int>();
    private T[] _levelEnd = Array.Empty<T>();
    private long[] _entered = Array.Empty<long>();
    private long _clock;

    /// <summary>Creates MLF with base quantum Q &gt; 0.</summary>
    public MultilevelFeedbackScheduler(T baseQuantum) : base(TieRule.IdAscending)
    {
        if (!T.IsPositive(baseQuantum) || T.IsZero(baseQuantum)) throw new ArgumentOutOfRangeException(nameof(baseQuantum), "the quantum must be > 0");
        BaseQuantum = baseQuantum;
    }

    /// <summary>Quantum Q of level 0.</summary>
    public T BaseQuantum { get; }
    /// <inheritdoc/>
    public override string Name => "mlf";

    /// <inheritdoc/>
    public override void Start(SchedulerView<T> view)
    {
        base.Start(view);
        _level = new int[view.IdCapacity];
        _levelEnd = new T[view.IdCapacity];
        _entered = new long[view.IdCapacity];
        _clock = 0;
    }

    /// <inheritdoc/>
    public override void OnRelease(int job, SchedulerView<T> view)
    {
        _level[job] = 0;
        _levelEnd[job] = BaseQuantum;
        _entered[job] = _clock++;
        base.OnRelease(job, view);
    }

    /// <inheritdoc/>
    protected override T ComputeKey(int job, SchedulerView<T> view)
    {
        T a = view.Attained(job);
        while (NumericPolicy<T>.Compare(a, _levelEnd[job]) >= 0)
        {
            _level[job]++;
            _levelEnd[job] = _levelEnd[job] + _levelEnd[job] + BaseQuantum;
            _entered[job] = _clock++;
        }
        return T.CreateChecked(_level[job]);
    }

    /// <inheritdoc/>
    protected override int CompareEqualKeys(int a, int b) => _entered[a].CompareTo(_entered[b]);

    /// <inheritdoc/>
    public override bool TryGetBreakpoint(SchedulerView<T> view, RateAllocation<T> allocation, out T delta)
    {
        int r = Running;
        if (r < 0) { delta = T.Zero; return false; }
        delta = _levelEnd[r] - view.Attained(r);
        return true;
    }
}
