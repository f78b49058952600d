using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Offline;
using OnlineAlgos.GradientCoding.Online;
using OnlineAlgos.Testing;

namespace OnlineAlgos.GradientCoding.Testing;

/// <summary>
/// One-call checks of a sequential gradient coding scheme against the family's benchmarks, over
/// <see cref="SgcGenerators"/> instances (sized, shrinking), through the policing <see cref="PatternSimulator"/>:
/// <see cref="Feasibility(string, int)"/> (every job decodes by its deadline, spec §6 items 3-5) and
/// <see cref="LoadAtLeastLp(string, int)"/> (property 9: the load a scheme uses on a tolerated pattern is at least
/// the clairvoyant LP, reconstructed). A scheme is a registry name (<see cref="SgcAlgorithms"/>, built with s = λ for
/// <c>gc</c> and the instance's (B, W, λ) otherwise) or a factory returning null where the scheme does not exist.
/// <see cref="Replay"/> re-checks a saved counterexample file in one call.
/// </summary>
public static class SgcChecks
{
    /// <summary>Missed deadlines ≤ 1·0 (the offline optimum misses none).</summary>
    public static readonly Guarantee DecodeByDeadline = SgcAlgorithms.DecodeByDeadline;

    /// <summary>Measured load ≥ 1·LP; 1e-7 slack because GLOP works in doubles (ClairvoyantLoadLp remarks).</summary>
    public static readonly Guarantee AtLeastClairvoyantLp = new(1, Objective: Objective.Maximize, RelativeTolerance: 1e-7,
        Source: "spec §4.2, §6 item 9 (reconstructed)");

    /// <summary>The registry scheme <paramref name="name"/> on an instance's model (GC with s = λ), or null where it
    /// does not exist (GC with λ = n, SR-SGC without B | W−1 or with s &gt; n−1).</summary>
    /// <exception cref="ArgumentException">Not a scheme name of <see cref="SgcAlgorithms"/>.</exception>
    public static Func<SgcInstance, ISequentialGradientScheme?> Registered(string name)
    {
        var kind = SgcAlgorithms.Kind(name);
        return x =>
        {
            var m = x.Model;
            var options = kind == SgcSchemeKind.Gc
                ? new SgcAlgorithmOptions(m.Workers, S: m.Lambda)
                : new SgcAlgorithmOptions(m.Workers, B: m.B, W: m.W, Lambda: m.Lambda);
            return SgcAlgorithms.TryCreate(name, options, out var spec) ? spec!.CreateScheme(x.Jobs) : null;
        };
    }

    /// <summary>The feasibility check of a scheme (ALG = missed deadlines, OPT = 0).</summary>
    public static CompetitiveCheck<SgcInstance, long> FeasibilityCheck(string name, Func<SgcInstance, ISequentialGradientScheme?> scheme,
        int maxN = 10, int maxW = 6, int maxJ = 20, bool bDividesWMinus1 = false)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return CompetitiveCheck.Create(name, SgcGenerators.Instances(maxN, maxW, maxJ, bDividesWMinus1),
            x => scheme(x) is { } s ? (long)PatternSimulator.MissedDeadlines(s, x.Pattern) : 0L, _ => 0L, DecodeByDeadline, x => x.ToText());
    }

    /// <summary>Checks in one call that the registry scheme decodes every job by its deadline.</summary>
    /// <exception cref="CounterexampleException">A shrunk admissible pattern on which a job misses its deadline.</exception>
    public static void Feasibility(string name, int maxTest = 300) =>
        FeasibilityCheck(name, Registered(name), bDividesWMinus1: SgcAlgorithms.Kind(name) == SgcSchemeKind.SrSgc).Verify(maxTest);

    /// <summary>Checks in one call that a scheme decodes every job by its deadline.</summary>
    /// <exception cref="CounterexampleException">A shrunk admissible pattern on which a job misses its deadline.</exception>
    public static void Feasibility(string name, Func<SgcInstance, ISequentialGradientScheme?> scheme, int maxTest = 300,
        int maxN = 10, int maxW = 6, int maxJ = 20) => FeasibilityCheck(name, scheme, maxN, maxW, maxJ).Verify(maxTest);

    /// <summary>The property-9 check of a scheme: ALG = the most data a worker got in one round on a tolerated
    /// pattern, OPT = the clairvoyant LP at the scheme's delay; instances where the scheme does not exist or misses a
    /// deadline are not property 9's business (ALG = OPT = 0).</summary>
    public static CompetitiveCheck<SgcInstance, double> LoadCheck(string name, Func<SgcInstance, ISequentialGradientScheme?> scheme,
        int maxN = 10, int maxW = 6, int maxJ = 16, bool bDividesWMinus1 = false)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return CompetitiveCheck.Create(name, SgcGenerators.Instances(maxN, maxW, maxJ, bDividesWMinus1),
            x => scheme(x) is { } s && PatternSimulator.Run(s, x.Pattern) is { Missed: 0 } run ? run.MaxWork : 0.0,
            x =>
            {
                if (scheme(x) is not { } s || PatternSimulator.MissedDeadlines(s, x.Pattern) > 0) return 0.0;
                return ClairvoyantLoadLp.TrySolve(x.Pattern, x.Jobs, s.Delay, out var lp) ? lp.Load : double.PositiveInfinity;
            },
            AtLeastClairvoyantLp, x => x.ToText());
    }

    /// <summary>Checks property 9 for the registry scheme in one call.</summary>
    /// <exception cref="CounterexampleException">A shrunk tolerated pattern whose LP exceeds the scheme's load.</exception>
    public static void LoadAtLeastLp(string name, int maxTest = 300) =>
        LoadCheck(name, Registered(name), bDividesWMinus1: SgcAlgorithms.Kind(name) == SgcSchemeKind.SrSgc).Verify(maxTest);

    /// <summary>Checks property 9 for a scheme in one call.</summary>
    /// <exception cref="CounterexampleException">A shrunk tolerated pattern whose LP exceeds the scheme's load.</exception>
    public static void LoadAtLeastLp(string name, Func<SgcInstance, ISequentialGradientScheme?> scheme, int maxTest = 300,
        int maxN = 10, int maxW = 6, int maxJ = 16) => LoadCheck(name, scheme, maxN, maxW, maxJ).Verify(maxTest);

    /// <summary>
    /// Replays a saved instance file (<see cref="SgcInstance.ToText"/> format, e.g. under instances/gradient-coding):
    /// reads and parses it, runs the feasibility check of the scheme (a registry name unless a factory is given) and
    /// returns the evaluation (ALG = missed deadlines).
    /// </summary>
    /// <exception cref="CounterexampleException">The instance still makes the scheme miss a deadline.</exception>
    /// <exception cref="InstanceFormatException">The file is malformed.</exception>
    public static CheckResult<SgcInstance, long> Replay(string path, string name, Func<SgcInstance, ISequentialGradientScheme?>? scheme = null)
    {
        return FeasibilityCheck(name, scheme ?? Registered(name)).Replay(path, SgcInstance.Parse);
    }
}
