using OnlineAlgos.Core;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// The registry of the sequential-gradient-coding family (CLI family <c>sgc</c>): the four schemes (<c>uncoded</c>,
/// <c>gc</c>, <c>sr-sgc</c>, <c>m-sgc</c>) and the two offline benchmarks (<c>clairvoyant-lp</c>, <c>lower-bound</c>), in
/// the order of README's table. The CLI, the <c>sgc-replay</c> study and the testing kit resolve names here only.
/// </summary>
public static class SgcAlgorithms
{
    private const string Family = "sgc";
    private const string Krishnan = "Krishnan et al. ICLR 2023";

    /// <summary>Missed deadlines ≤ 1·0 on every pattern the scheme's model admits (the offline optimum misses none):
    /// Krishnan et al. ICLR 2023 (spec §3.2-3.3, §6 items 3-5); gc with s = λ per round. The testing kit checks it.</summary>
    public static Guarantee DecodeByDeadline { get; } = Guarantee.Competitive(1, 0, Krishnan + " (spec §3.2-3.3, §6 items 3-5)");

    /// <summary>Every scheme and benchmark, schemes first (uncoded, gc, sr-sgc, m-sgc), then the offline benchmarks.</summary>
    public static IReadOnlyList<AlgorithmInfo> All { get; } =
    [
        new(Family, "uncoded", AlgorithmRole.Online, false,
            "no coding: each worker computes 1/n of the job, the master waits for every worker",
            "T = 0, load = 1/n, tolerates no straggler", "baseline", false, "O(n) per round"),
        new(Family, "gc", AlgorithmRole.Online, false,
            "gradient coding per round (GcScheme over FractionalRepetitionCode / CyclicRepetitionCode): each job decoded in its round",
            "T = 0, load = (s+1)/n under any s stragglers per round", "Tandon et al. 2017", false,
            "O(n) per round to count; CRC decode O(n s^2)") { GuaranteeFor = _ => DecodeByDeadline },
        new(Family, "sr-sgc", AlgorithmRole.Online, false,
            "selective-reattempt SGC: (n,s)-GC per job, lost jobs re-attempted B rounds later; needs B | W-1",
            "T = B, load = (ceil(B*lambda/(W-1+B))+1)/n under (B,W,lambda) bursts", Krishnan, false, "O(n) per round") { GuaranteeFor = _ => DecodeByDeadline },
        new(Family, "m-sgc", AlgorithmRole.Online, false,
            "multiplexed SGC: W-1+B mini-task slots per worker per round, uncoded D1 pieces plus GC-coded D2 groups",
            "T = W-2+B, load = (lambda+1)(W-1+B)/(n(B+(W-1)(lambda+1))) under (B,W,lambda) bursts", Krishnan, false,
            "O(n (W+B)) per round") { GuaranteeFor = _ => DecodeByDeadline },
        new(Family, "clairvoyant-lp", AlgorithmRole.Offline, false,
            "per-pattern LP (GLOP) of spec §4.2, knowing the whole straggler pattern; ExactLoad gives the optimum as an exact fraction",
            "LP <= load of any scheme that decodes every job by t+T on that pattern (spec §6 item 9)",
            "spec §4.2 formulation", true, "one LP with O(n J T) variables"),
        new(Family, "lower-bound", AlgorithmRole.Offline, false,
            "SchemeLoads.LowerBound: the counting argument on the periodic instance",
            "load >= (W-1+B)/(n(W-1+B)-lambda*B) for any scheme with delay T", "spec §3.4 counting argument", true, "O(1)"),
    ];

    /// <summary>The online schemes' names in table order: uncoded, gc, sr-sgc, m-sgc.</summary>
    public static IReadOnlyList<string> Schemes { get; } = ["uncoded", "gc", "sr-sgc", "m-sgc"];

    /// <summary>
    /// The scheme <paramref name="name"/> with its validated parameters (its <see cref="SgcSchemeSpec.CreateScheme"/>
    /// gives the per-run state machine). O(1).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones), an offline benchmark, or
    /// parameters the scheme rejects (e.g. GC with s &gt; n−1, SR-SGC without B | W−1).</exception>
    public static SgcSchemeSpec Create(string name, SgcAlgorithmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Kind(name) switch
        {
            SgcSchemeKind.Uncoded => SgcSchemeSpec.Uncoded(options.Workers),
            SgcSchemeKind.Gc => SgcSchemeSpec.Gc(options.Workers, options.S),
            SgcSchemeKind.SrSgc => SgcSchemeSpec.SrSgc(options.Workers, options.B, options.W, options.Lambda),
            _ => SgcSchemeSpec.MSgc(options.Workers, options.B, options.W, options.Lambda),
        };
    }

    /// <summary>Like <see cref="Create"/>, but false (and null) for an unknown name, a benchmark or invalid parameters.</summary>
    public static bool TryCreate(string name, SgcAlgorithmOptions options, out SgcSchemeSpec? scheme)
    {
        scheme = null;
        if (options is null || !TryKind(name, out _)) return false;
        try
        {
            scheme = Create(name, options);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The kind of the scheme <paramref name="name"/> (for <see cref="Offline.ParameterSearch"/>).</summary>
    /// <exception cref="ArgumentException">Not a scheme name (the message lists the known ones).</exception>
    public static SgcSchemeKind Kind(string name)
    {
        if (TryKind(name, out var kind)) return kind;
        foreach (var a in All)
            if (a.Name == name && a.Role == AlgorithmRole.Offline)
                throw new ArgumentException($"'{name}' is an offline benchmark of the sgc family, not a scheme; schemes: {string.Join(", ", Schemes)}", nameof(name));
        throw new ArgumentException(UnknownMessage(name), nameof(name));
    }

    /// <summary>The error message for an unknown name, listing every registered name.</summary>
    public static string UnknownMessage(string? name)
    {
        var names = new string[All.Count];
        for (int i = 0; i < names.Length; i++) names[i] = All[i].Name;
        return $"unknown sgc algorithm '{name}'; known: {string.Join(", ", names)}";
    }

    private static bool TryKind(string? name, out SgcSchemeKind kind)
    {
        switch (name)
        {
            case "uncoded": kind = SgcSchemeKind.Uncoded; return true;
            case "gc": kind = SgcSchemeKind.Gc; return true;
            case "sr-sgc": kind = SgcSchemeKind.SrSgc; return true;
            case "m-sgc": kind = SgcSchemeKind.MSgc; return true;
            default: kind = default; return false;
        }
    }
}
