using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>The online schedulers by CLI name, with the spec's default parameters.</summary>
public static class SchedulingAlgorithms
{
    /// <summary>Names accepted by <see cref="TryCreate{T}"/>, in the order studies and the CLI list them.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "opsrpt", "slf-op", "chunked", "rr", "setf", "laps", "mlf", "fifo" };

    /// <summary>
    /// The scheduler named <paramref name="name"/> (see <see cref="Names"/>), or null. Defaults: tie rule
    /// (key, release, id); chunked theta = 1; LAPS beta = 1/2; MLF quantum 1.
    /// </summary>
    public static IOnlineScheduler<T>? TryCreate<T>(string name, TieRule tieRule = TieRule.ReleaseAscending) where T : struct, INumber<T> =>
        name switch
        {
            "opsrpt" => new OperationSrptScheduler<T>(tieRule),
            "slf-op" => new ShortestLowerBoundFirstScheduler<T>(tieRule),
            "chunked" => new ChunkedExploreScheduler<T>(T.One, tieRule),
            "rr" => new RoundRobinScheduler<T>(),
            "setf" => new SetfScheduler<T>(),
            "laps" => new LapsScheduler<T>(0.5),
            "mlf" => new MultilevelFeedbackScheduler<T>(T.One),
            "fifo" => new FifoScheduler<T>(),
            _ => null,
        };
}
