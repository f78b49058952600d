using System.Numerics;

namespace OnlineAlgos.Scheduling.Model;

/// <summary>One job as written in an instance file: external id, release date and its operation sizes in processing
/// order (spec §1.1). Validation happens in <see cref="SchedulingInstance{T}"/>.</summary>
/// <param name="Id">External id (any text; the instance remaps jobs to dense ints 0..n-1 in list order).</param>
/// <param name="Release">Release date r_j &gt;= 0.</param>
/// <param name="Operations">Operation sizes p_{j,1..m_j} &gt;= 0, at least one.</param>
/// <param name="Estimate">Optional size estimate of the robust-estimate parent model (spec §1.3); null when absent.</param>
public sealed record SchedulingJob<T>(string Id, T Release, IReadOnlyList<T> Operations, T? Estimate = null)
    where T : struct, INumber<T>;
