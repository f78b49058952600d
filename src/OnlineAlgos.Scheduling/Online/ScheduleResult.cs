using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// Outcome of a schedule: completion times C_j, total flow time sum (C_j - r_j), the integral of the number of
/// alive jobs over time (equal to the total flow time, spec §1.1), and optionally the schedule as segments.
/// </summary>
public sealed class ScheduleResult<T> where T : struct, INumber<T>
{
    /// <summary>Creates a result.</summary>
    public ScheduleResult(string algorithm, T[] completionTimes, T totalFlowTime, T aliveIntegral,
        IReadOnlyList<ScheduleSegment<T>>? segments, long decisions)
    {
        Algorithm = algorithm;
        CompletionTimes = completionTimes;
        TotalFlowTime = totalFlowTime;
        AliveIntegral = aliveIntegral;
        Segments = segments;
        Decisions = decisions;
    }

    /// <summary>Algorithm name.</summary>
    public string Algorithm { get; }
    /// <summary>C_j per job.</summary>
    public IReadOnlyList<T> CompletionTimes { get; }
    /// <summary>sum_j (C_j - r_j).</summary>
    public T TotalFlowTime { get; }
    /// <summary>integral |A(t)| dt, accumulated independently of the completion times.</summary>
    public T AliveIntegral { get; }
    /// <summary>The schedule (when recorded): maximal segments of constant rate per job, in time order.</summary>
    public IReadOnlyList<ScheduleSegment<T>>? Segments { get; }
    /// <summary>Number of decision points (allocations asked for).</summary>
    public long Decisions { get; }

    /// <summary>max_j C_j (0 for no jobs).</summary>
    public T Makespan
    {
        get
        {
            T m = T.Zero;
            foreach (var c in CompletionTimes) if (c > m) m = c;
            return m;
        }
    }
}
