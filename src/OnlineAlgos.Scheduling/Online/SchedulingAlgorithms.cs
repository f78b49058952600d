using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using OnlineAlgos.Core;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// The scheduling registry: every online scheduler and offline benchmark by CLI name, in table order (the online
/// ones in the order studies and the CLI list them, then <c>opt</c> = <see cref="Offline.SrptOptimum"/> and <c>lp</c> =
/// <see cref="Offline.TimeIndexedLpBound"/>). The CLI, the studies and the testing kit read it; there is no other name
/// mapping.
/// </summary>
public static class SchedulingAlgorithms
{
    private const string Family = "scheduling";

    /// <summary>Every algorithm and benchmark in table order.</summary>
    public static IReadOnlyList<AlgorithmInfo> All { get; } = new[]
    {
        Online("opsrpt", "operation SRPT: run the job whose revealed operation has the least remaining work",
            "ALG <= 2*OPT (uniform obligatory tests)", "Lindermayr et al. 2026; rule wording and tie rules reconstructed, checked exactly for 3 tie rules, worst found 1.693", false,
            "O(log n) per event") with { GuaranteeFor = _ => Guarantee.Competitive(2, 0, "Lindermayr et al. 2026 (uniform obligatory tests)") },
        Online("slf-op", "shortest lower bound first (revealed work so far plus the current operation)", "", "none in this model (adaptation)", false, "O(log n) per event"),
        Online("chunked", "chunked explore skeleton with pluggable chunking and priority rules (stand-in for the paper's O(m^2) algorithm)", "",
            "none claimed; reconstruction", true, "O(log n) per event"),
        Online("rr", "round robin (processor sharing among alive jobs)", "ALG <= (2-2/(n+1))*OPT (batch inputs)", "Motwani-Phillips-Torng 1994", false, "O(n) per event"),
        Online("setf", "shortest elapsed time first", "(1+eps)-speed (1+1/eps)-competitive", "Kalyanasundaram-Pruhs", false, "O(n) per event"),
        Online("laps", "latest arrival processor sharing, beta = 1/2", "(1+eps)-speed O(1/eps^2)-competitive", "Edmonds-Pruhs", false, "O(n) per event"),
        Online("mlf", "multilevel feedback, base quantum 1", "", "none (baseline)", false, "O(log n) per event"),
        Online("fifo", "first in first out", "", "none (baseline)", false, "O(1) per event"),
        new AlgorithmInfo(Family, "opt", AlgorithmRole.Offline, false, "SRPT on total sizes (offline optimum)", "exact", "Schrage 1968", false, "O(n log n)"),
        new AlgorithmInfo(Family, "lp", AlgorithmRole.Offline, false, "time-indexed LP lower bound (GLOP, tolerance 1e-6)", "lower bound",
            "derivation reconstructed; the paper's LP was NOT FOUND", true, "n x horizon/D variables"),
    };

    /// <summary>Online schedulers' names accepted by <see cref="Create{T}"/>, in the order studies and the CLI list them.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Where(a => a.Role == AlgorithmRole.Online).Select(a => a.Name).ToArray();

    private static AlgorithmInfo Online(string name, string summary, string guarantee, string source, bool reconstructed, string complexity) =>
        new(Family, name, AlgorithmRole.Online, false, summary, guarantee, source, reconstructed, complexity);

    /// <summary>The scheduler named <paramref name="name"/> (see <see cref="Names"/>).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static IOnlineScheduler<T> Create<T>(string name, SchedulingAlgorithmOptions? options = null) where T : struct, INumber<T> =>
        TryCreate<T>(name, options, out var scheduler) ? scheduler
            : throw new ArgumentException($"unknown scheduling algorithm '{name}'; known: {string.Join(", ", Names)}", nameof(name));

    /// <summary>The scheduler named <paramref name="name"/>, or false for an unknown name.</summary>
    public static bool TryCreate<T>(string name, SchedulingAlgorithmOptions? options, [NotNullWhen(true)] out IOnlineScheduler<T>? scheduler)
        where T : struct, INumber<T>
    {
        var o = options ?? SchedulingAlgorithmOptions.Default;
        scheduler = name switch
        {
            "opsrpt" => new OperationSrptScheduler<T>(o.TieRule),
            "slf-op" => new ShortestLowerBoundFirstScheduler<T>(o.TieRule),
            "chunked" => new ChunkedExploreScheduler<T>(T.CreateChecked(o.ChunkedTheta), o.TieRule),
            "rr" => new RoundRobinScheduler<T>(),
            "setf" => new SetfScheduler<T>(),
            "laps" => new LapsScheduler<T>(o.LapsBeta),
            "mlf" => new MultilevelFeedbackScheduler<T>(T.CreateChecked(o.MlfQuantum)),
            "fifo" => new FifoScheduler<T>(),
            _ => null,
        };
        return scheduler is not null;
    }
}
