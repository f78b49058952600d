using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// SLF-op (spec §2.4, reconstructed adaptation of SLF from the epsilon-clairvoyant line): run the job with the smallest
/// known lower bound on its total size, attained service plus remaining work of the current operation (= completed
/// operations + current operation size). The key is constant while the job runs. No guarantee is claimed in this
/// model. With one operation per job it is preemptive SJF on sizes. O(log n) per event.
/// </summary>
public sealed class ShortestLowerBoundFirstScheduler<T> : PriorityRuleScheduler<T> where T : struct, INumber<T>
{
    /// <summary>Creates the rule.</summary>
    public ShortestLowerBoundFirstScheduler(TieRule tieRule = TieRule.ReleaseAscending) : base(tieRule) { }
    /// <inheritdoc/>
    public override string Name => "slf-op";
    /// <inheritdoc/>
    protected override T ComputeKey(int job, SchedulerView<T> view) => view.Attained(job) + view.OperationRemaining(job);
}
