using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// First-in first-out (spec §2.4): run the earliest-released alive job to completion (ties by id). Non-clairvoyant
/// baseline; no competitive guarantee for flow time (Omega(n) on a long job followed by many short ones). O(log n).
/// </summary>
public sealed class FifoScheduler<T> : PriorityRuleScheduler<T> where T : struct, INumber<T>
{
    /// <summary>Creates the rule.</summary>
    public FifoScheduler() : base(TieRule.IdAscending) { }
    /// <inheritdoc/>
    public override string Name => "fifo";
    /// <inheritdoc/>
    protected override T ComputeKey(int job, SchedulerView<T> view) => view.Release(job);
}
