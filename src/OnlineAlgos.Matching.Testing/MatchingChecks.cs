using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;
using OnlineAlgos.Matching.Online;
using OnlineAlgos.Testing;

namespace OnlineAlgos.Matching.Testing;

/// <summary>
/// Checking a matching algorithm is one call: <see cref="Competitive(string, Func{MatchingAlgorithmOptions, IOnlineMatchingAlgorithm}, Guarantee, int, MatchingBenchmark, FsCheck.Arbitrary{MatchingInstance})"/>
/// runs an FsCheck property over <see cref="MatchingGenerators.Instances"/> comparing the algorithm's exact expected
/// value (<see cref="ExactEvaluator"/>) with an exact benchmark; a failure throws a shrunk
/// <see cref="CounterexampleException"/> whose <see cref="CounterexampleException.InstanceText"/> is the instance's JSON
/// (save it with <see cref="CounterexampleException.SaveInstance"/>, replay it with <c>Replay</c>).
/// Costs are <c>double</c> expected values computed exactly up to rounding, so the guarantee is checked with its
/// <see cref="Guarantee.RelativeTolerance"/> (1e-9 by default: slack 1e-9·max(1, |bound|)).
/// </summary>
public static class MatchingChecks
{
    /// <summary>The check of the algorithm built by <paramref name="factory"/> (it gets the instance, its PPSW LP
    /// solution and <c>new Rng(1)</c>) against <paramref name="benchmark"/>.</summary>
    public static CompetitiveCheck<MatchingInstance, double> Create(string name,
        Func<MatchingAlgorithmOptions, IOnlineMatchingAlgorithm> factory, Guarantee guarantee,
        MatchingBenchmark benchmark = MatchingBenchmark.OnlineOptimum, FsCheck.Arbitrary<MatchingInstance>? instances = null,
        int searchBudget = DefaultSearchBudget)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return CompetitiveCheck.Create(name, instances ?? MatchingGenerators.Instances(),
            (MatchingInstance i) => ExpectedValue(i, factory),
            i => Benchmark(i, benchmark), guarantee, i => i.ToText())
            .WithSearch(MatchingMoves.Create(), instances is null ? searchBudget : 0);
    }

    /// <summary>Evaluations of the search phase after random sampling (<see cref="MatchingMoves"/>; each evaluation
    /// solves an LP and the online-optimum DP, so it is smaller than the other families'). With custom
    /// <c>instances</c> (e.g. vertex-weighted ones, where a stronger bound holds) the search does not run: its
    /// edge-weighted moves would leave that class.</summary>
    public const int DefaultSearchBudget = 100;

    /// <summary>The check of the registered algorithm <paramref name="name"/> (<see cref="MatchingAlgorithms"/>).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static CompetitiveCheck<MatchingInstance, double> Create(string name, Guarantee guarantee,
        MatchingBenchmark benchmark = MatchingBenchmark.OnlineOptimum, FsCheck.Arbitrary<MatchingInstance>? instances = null,
        int searchBudget = DefaultSearchBudget)
    {
        MatchingAlgorithms.Info(name); // an unknown name fails now, with the registry's list, not inside the property
        return Create(name, o => MatchingAlgorithms.Create(name, o), guarantee, benchmark, instances, searchBudget);
    }

    /// <summary>Verifies the guarantee on <paramref name="maxTest"/> generated instances (fixed seed unless
    /// <c>ONLINEALGOS_PROPERTY_SEED</c> says otherwise).</summary>
    /// <exception cref="CounterexampleException">The guarantee fails (or the algorithm throws) on a shrunk instance.</exception>
    public static void Competitive(string name, Func<MatchingAlgorithmOptions, IOnlineMatchingAlgorithm> factory, Guarantee guarantee,
        int maxTest = 100, MatchingBenchmark benchmark = MatchingBenchmark.OnlineOptimum, FsCheck.Arbitrary<MatchingInstance>? instances = null) =>
        Create(name, factory, guarantee, benchmark, instances).Verify(maxTest);

    /// <summary>Verifies the guarantee of the registered algorithm <paramref name="name"/>.</summary>
    /// <exception cref="CounterexampleException">The guarantee fails on a shrunk instance.</exception>
    public static void Competitive(string name, Guarantee guarantee, int maxTest = 100,
        MatchingBenchmark benchmark = MatchingBenchmark.OnlineOptimum, FsCheck.Arbitrary<MatchingInstance>? instances = null) =>
        Create(name, guarantee, benchmark, instances).Verify(maxTest);

    /// <summary>Replays a saved counterexample file (the instance's JSON): parses it, evaluates the algorithm and the
    /// benchmark, and returns the result when the guarantee now holds.</summary>
    /// <exception cref="CounterexampleException">The guarantee still fails on the saved instance.</exception>
    /// <exception cref="InstanceFormatException">The file is not a matching instance.</exception>
    public static CheckResult<MatchingInstance, double> Replay(string path, string name,
        Func<MatchingAlgorithmOptions, IOnlineMatchingAlgorithm> factory, Guarantee guarantee,
        MatchingBenchmark benchmark = MatchingBenchmark.OnlineOptimum)
    {
        return Create(name, factory, guarantee, benchmark).Replay(path, MatchingInstance.Parse);
    }

    /// <summary>Replays a saved counterexample file against the registered algorithm <paramref name="name"/>.</summary>
    /// <exception cref="CounterexampleException">The guarantee still fails on the saved instance.</exception>
    public static CheckResult<MatchingInstance, double> Replay(string path, string name, Guarantee guarantee,
        MatchingBenchmark benchmark = MatchingBenchmark.OnlineOptimum) =>
        Replay(path, name, o => MatchingAlgorithms.Create(name, o), guarantee, benchmark);

    /// <summary>The score a worst-case search minimises for the registered algorithm <paramref name="name"/>: its exact
    /// expected value over <paramref name="benchmark"/> (a maximisation problem, so the least ratio is the worst).</summary>
    public static OnlineAlgos.Testing.Search.RatioScore<MatchingInstance> WorstRatioScore(string name, MatchingBenchmark benchmark) =>
        new(i => (ExpectedValue(i, o => MatchingAlgorithms.Create(name, o)), Benchmark(i, benchmark)), Objective.Maximize);

    /// <summary>The algorithm's exact expected value on <paramref name="instance"/> (LP solved once, seed 1).</summary>
    public static double ExpectedValue(MatchingInstance instance, Func<MatchingAlgorithmOptions, IOnlineMatchingAlgorithm> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var algorithm = factory(new MatchingAlgorithmOptions(instance, PpswLinearProgram.Solve(instance), new Rng(1)));
        return ExactEvaluator.Value(instance, algorithm);
    }

    /// <summary>The benchmark's value on <paramref name="instance"/> (OPT_on by DP, the LP value, or E[OPT_off]).</summary>
    public static double Benchmark(MatchingInstance instance, MatchingBenchmark benchmark) => benchmark switch
    {
        MatchingBenchmark.OnlineOptimum => OnlineOptimum.Solve(instance),
        MatchingBenchmark.Lp => PpswLinearProgram.Solve(instance).Value,
        MatchingBenchmark.OfflineOptimum => OfflineOptimum.Solve(instance, new Rng(1)).Value,
        _ => throw new ArgumentOutOfRangeException(nameof(benchmark)),
    };
}
