using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// Shortest elapsed time first (spec §2.4): the alive jobs with the least attained service share the machine equally;
/// when the group catches up with the next attained value the groups merge (a breakpoint). Guarantee [classic]:
/// (1+eps)-speed (1+1/eps)-competitive (Kalyanasundaram–Pruhs, JACM 2000); equals RR when all releases are equal.
/// Exact in rational mode; in double mode groups are formed with a relative tolerance. O(|A|) per event.
/// </summary>
public sealed class SetfScheduler<T> : IOnlineScheduler<T> where T : struct, INumber<T>
{
    private T _gap;
    private int _group;
    private bool _hasNext;

    /// <inheritdoc/>
    public string Name => "setf";
    /// <inheritdoc/>
    public void Start(SchedulerView<T> view) { }
    /// <inheritdoc/>
    public void OnRelease(int job, SchedulerView<T> view) { }
    /// <inheritdoc/>
    public void OnOperationRevealed(int job, SchedulerView<T> view) { }
    /// <inheritdoc/>
    public void OnJobCompleted(int job, SchedulerView<T> view) { }

    /// <inheritdoc/>
    public void Allocate(SchedulerView<T> view, RateAllocation<T> allocation)
    {
        var alive = view.AliveJobs;
        _hasNext = false;
        if (alive.Length == 0) return;
        T min = view.Attained(alive[0]);
        foreach (int j in alive)
        {
            T a = view.Attained(j);
            if (NumericPolicy<T>.Compare(a, min) < 0) min = a;
        }
        _group = 0;
        T next = T.Zero;
        foreach (int j in alive)
        {
            T a = view.Attained(j);
            if (NumericPolicy<T>.Compare(a, min) == 0) _group++;
            else if (!_hasNext || a < next) { next = a; _hasNext = true; }
        }
        T rate = T.One / T.CreateChecked(_group);
        foreach (int j in alive)
            if (NumericPolicy<T>.Compare(view.Attained(j), min) == 0) allocation.Add(j, rate);
        if (_hasNext) _gap = (next - min) * T.CreateChecked(_group);
    }

    /// <inheritdoc/>
    public bool TryGetBreakpoint(SchedulerView<T> view, RateAllocation<T> allocation, out T delta)
    {
        delta = _gap;
        return _hasNext;
    }
}
