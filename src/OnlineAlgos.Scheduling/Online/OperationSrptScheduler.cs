using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// Operation-level SRPT (spec §2.2): run the alive job whose current operation has the least remaining work.
/// Guarantee: 2-competitive for total flow time on uniform obligatory tests, best possible there (Lindermayr, Schäfer,
/// Schlöter, Stougie, arXiv 2602.12716, abstract; the rule's wording and the tie rule are reconstructed). Not O(1) in
/// general: ratio ~ sqrt(m)/2 on family L2 (spec §3.3). With one operation per job it is SRPT, hence optimal.
/// O(log n) per event.
/// </summary>
public sealed class OperationSrptScheduler<T> : PriorityRuleScheduler<T> where T : struct, INumber<T>
{
    /// <summary>Creates the rule.</summary>
    public OperationSrptScheduler(TieRule tieRule = TieRule.ReleaseAscending) : base(tieRule) { }
    /// <inheritdoc/>
    public override string Name => "opsrpt";
    /// <inheritdoc/>
    protected override T ComputeKey(int job, SchedulerView<T> view) => view.OperationRemaining(job);
}
