using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Paging.Offline;

/// <summary>
/// OPTMarking, the best marking algorithm (spec §4.1 item 5): marking phases, evicting the unmarked page whose next
/// request is furthest (exact next arrivals). Its cost equals Σ_i c_i of the k-phase partition
/// (<see cref="PhasePartition.TotalCleanPages"/>) and is at most 2·OPT. O(n·k) by simulation.
/// </summary>
public static class OptimalMarkingPaging
{
    /// <summary>Faults of OPTMarking with cache size k, by simulation (tests compare it with Σ c_i).</summary>
    public static long Faults(RequestSequence sequence, int k) =>
        PagingSimulator.Run(new FollowPredictionMarkingPaging(NextArrivalPredictions.Exact(sequence)), sequence, k);
}
