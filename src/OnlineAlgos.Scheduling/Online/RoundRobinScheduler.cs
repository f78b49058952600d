using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// Round robin as processor sharing (spec §2.4): every alive job runs at rate 1/|A(t)| (no quantum: a fixed quantum
/// changes costs). Guarantees [classic]: with all releases at 0, cost &lt;= (2 - 2/(n+1))·OPT, tight for equal sizes
/// (Motwani–Phillips–Torng 1994); with releases, ratio between 2(k-1)/H_{k-1} and 2(k-1), k = max alive
/// (Matsumoto); (2+eps)-speed O(1/eps)-competitive (Edmonds 1999). Exact in rational mode. O(|A|) per event.
/// </summary>
public sealed class RoundRobinScheduler<T> : IOnlineScheduler<T> where T : struct, INumber<T>
{
    /// <inheritdoc/>
    public string Name => "rr";
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
        if (alive.Length == 0) return;
        T rate = T.One / T.CreateChecked(alive.Length);
        foreach (int j in alive) allocation.Add(j, rate);
    }

    /// <inheritdoc/>
    public bool TryGetBreakpoint(SchedulerView<T> view, RateAllocation<T> allocation, out T delta)
    {
        delta = T.Zero;
        return false;
    }
}
