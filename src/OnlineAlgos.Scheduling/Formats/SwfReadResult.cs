using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;

namespace OnlineAlgos.Scheduling.Formats;

/// <summary>An SWF log as an instance, with the counts the spec asks to report (spec §5.2 sanity).</summary>
/// <param name="Instance">The instance (exact rationals; convert to double for large runs).</param>
/// <param name="Lines">Job lines read.</param>
/// <param name="DroppedStatus">Jobs dropped as failed or cancelled.</param>
/// <param name="DroppedZeroRuntime">Jobs dropped for run time 0.</param>
/// <param name="DroppedUnknownRuntime">Jobs dropped for run time −1 (unknown).</param>
/// <param name="ChainLinksWithThinkTime">Chain mode: links whose think time (field 18) was &gt; 0 and is ignored.</param>
/// <param name="ScaleFactor">Factor applied to sizes to reach the target load (1 when not scaled).</param>
public sealed record SwfReadResult(SchedulingInstance<Rational> Instance, int Lines, int DroppedStatus, int DroppedZeroRuntime,
    int DroppedUnknownRuntime, int ChainLinksWithThinkTime, Rational ScaleFactor);
