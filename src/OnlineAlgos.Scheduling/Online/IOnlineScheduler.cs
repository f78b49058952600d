using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// An online scheduler for the gradually-revealed model (spec §4.3). The simulator calls, at each time t, first the
/// operation completions (cascading through zero-size operations), then the releases, then <see cref="Allocate"/>;
/// then it runs the allocation until the next release, operation completion or the scheduler's breakpoint. Every
/// call gets the <see cref="SchedulerView{T}"/>, which exposes only revealed information.
/// </summary>
public interface IOnlineScheduler<T> where T : struct, INumber<T>
{
    /// <summary>Lower-case name used in CSV output (e.g. <c>opsrpt</c>).</summary>
    string Name { get; }
    /// <summary>Called once before a run; size arrays by <see cref="SchedulerView{T}.IdCapacity"/>.</summary>
    void Start(SchedulerView<T> view);
    /// <summary>Job released at view.Now; its first operation's size is visible.</summary>
    void OnRelease(int job, SchedulerView<T> view);
    /// <summary>An operation of the job completed and the next one (index view.OperationIndex(job)) is revealed.</summary>
    void OnOperationRevealed(int job, SchedulerView<T> view);
    /// <summary>The job's last operation completed; the job is no longer alive.</summary>
    void OnJobCompleted(int job, SchedulerView<T> view);
    /// <summary>Fills <paramref name="allocation"/> (cleared by the caller) with rates for alive jobs.</summary>
    void Allocate(SchedulerView<T> view, RateAllocation<T> allocation);
    /// <summary>Time until this scheduler would change its allocation without an external event (SETF catch-up,
    /// MLF quantum end), or false.</summary>
    bool TryGetBreakpoint(SchedulerView<T> view, RateAllocation<T> allocation, out T delta);
}
