using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Testing;

namespace OnlineAlgos.Paging.Testing;

/// <summary>
/// One-call checks of a paging algorithm against the exact offline optimum (Belady, costs <c>long</c> = faults with
/// cold misses): <see cref="Competitive"/> runs a shrinking property over <see cref="PagingGenerators"/>;
/// <see cref="CompetitiveWithPredictions"/> does the same over instances with one prediction bit per request
/// (<see cref="PredictionGenerators"/>) and reports the errors η₀, η₁ (measures <c>eta0</c>, <c>eta1</c>) to the
/// guarantee; <see cref="Replay"/> re-evaluates a saved counterexample file. Every run goes through
/// <see cref="PagingSimulator"/>, so an algorithm that breaks the paging model fails with ModelViolationException.
/// </summary>
public static class PagingChecks
{
    /// <summary>The check (not yet run) of <paramref name="factory"/>'s algorithm against Belady with the guarantee
    /// for each instance's k. Coins of randomized algorithms: <c>new Rng(seed)</c> per instance.</summary>
    /// <remarks>After random sampling, <c>Verify</c> runs a search phase of <paramref name="searchBudget"/>
    /// evaluations over <see cref="PagingMoves"/> (sequences up to <c>max(200, maxN)</c> requests, k in
    /// [<paramref name="minK"/>, <paramref name="maxK"/>]); 0 switches it off.</remarks>
    public static CompetitiveCheck<PagingInstance, long> Check(string name, Func<IOnlinePagingAlgorithm> factory,
        Func<int, Guarantee> guaranteeForK, int maxK = 6, int maxN = 120, ulong seed = 0,
        int searchBudget = CompetitiveCheck<PagingInstance, long>.DefaultSearchBudget, int minK = 1)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(guaranteeForK);
        return CompetitiveCheck.Create(name, PagingGenerators.Instances(maxK, maxN, minK),
            inst => PagingSimulator.Run(factory(), inst.Sequence, inst.K, new Rng(seed)),
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            inst => guaranteeForK(inst.K),
            inst => inst.ToText())
            .WithSearch(PagingMoves.Create(minK: Math.Min(minK, maxK), maxK: maxK, maxLength: Math.Max(200, maxN)), searchBudget);
    }

    /// <summary>Runs <see cref="Check"/> for <paramref name="maxTest"/> instances.</summary>
    /// <exception cref="CounterexampleException">The guarantee failed; the message holds the shrunk instance.</exception>
    public static void Competitive(string name, Func<IOnlinePagingAlgorithm> factory, Func<int, Guarantee> guaranteeForK,
        int maxTest = 300, int maxK = 6, int maxN = 120, ulong seed = 0,
        int searchBudget = CompetitiveCheck<PagingInstance, long>.DefaultSearchBudget, int minK = 1) =>
        Check(name, factory, guaranteeForK, maxK, maxN, seed, searchBudget, minK).Verify(maxTest);

    /// <summary>The check (not yet run) of an algorithm built from the instance's prediction bits, with measures
    /// eta0/eta1 against the ground truth of <paramref name="setup"/> at the instance's k.</summary>
    public static CompetitiveCheck<PagingInstance, long> CheckWithPredictions(string name, Func<byte[], IOnlinePagingAlgorithm> create,
        PredictionSetup setup, Func<int, Guarantee> guaranteeForK, int maxK = 6, int maxN = 120, ulong seed = 0,
        int searchBudget = CompetitiveCheck<PagingInstance, long>.DefaultSearchBudget)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(guaranteeForK);
        return CompetitiveCheck.Create(name, PredictionGenerators.WithBits(setup, maxK, maxN),
            inst => RunWithPredictions(create, inst, setup, seed),
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            inst => guaranteeForK(inst.K),
            inst => inst.ToText())
            .WithSearch(PagingMoves.Create(maxK: maxK, maxLength: Math.Max(200, maxN), bits: true), searchBudget);
    }

    /// <summary>Runs <see cref="CheckWithPredictions"/> for <paramref name="maxTest"/> instances.</summary>
    /// <exception cref="CounterexampleException">The guarantee failed; the message holds the shrunk instance.</exception>
    public static void CompetitiveWithPredictions(string name, Func<byte[], IOnlinePagingAlgorithm> create, PredictionSetup setup,
        Func<int, Guarantee> guaranteeForK, int maxTest = 300, int maxK = 6, int maxN = 120, ulong seed = 0,
        int searchBudget = CompetitiveCheck<PagingInstance, long>.DefaultSearchBudget) =>
        CheckWithPredictions(name, create, setup, guaranteeForK, maxK, maxN, seed, searchBudget).Verify(maxTest);

    /// <summary>One run with the prediction errors as measures: cost = faults, measures eta0, eta1.</summary>
    public static Outcome<long> RunWithPredictions(Func<byte[], IOnlinePagingAlgorithm> create, PagingInstance instance, PredictionSetup setup, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(instance);
        long cost = PagingSimulator.Run(create(instance.Sequence.Bits.ToArray()), instance.Sequence, instance.K, new Rng(seed));
        return new Outcome<long>(cost, Measures(instance, setup));
    }

    /// <summary>
    /// For a randomized algorithm's bound on the expected cost: <paramref name="runs"/> runs with seeds seed, seed+1, …;
    /// the cost reported is mean − 3·(standard error), so "cost ≤ bound" reads mean ≤ bound + 3·SE (one-sided, ≈ 99.9 %
    /// under the normal approximation). Measures are η₀, η₁ as in <see cref="RunWithPredictions"/>. O(runs · n).
    /// </summary>
    public static Outcome<double> MeanMinus3StandardErrors(Func<byte[], IOnlinePagingAlgorithm> create, PagingInstance instance,
        PredictionSetup setup, int runs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var bits = instance.Sequence.Bits.ToArray();
        double sum = 0, sq = 0;
        for (int r = 0; r < runs; r++)
        {
            double c = PagingSimulator.Run(create(bits), instance.Sequence, instance.K, new Rng(seed + (ulong)r));
            sum += c;
            sq += c * c;
        }
        double mean = sum / runs;
        double variance = runs > 1 ? Math.Max(0, (sq - runs * mean * mean) / (runs - 1)) : 0;
        return new Outcome<double>(mean - 3 * Math.Sqrt(variance / runs), Measures(instance, setup));
    }

    /// <summary>η₀ and η₁ of the instance's bits against the ground truth of <paramref name="setup"/>, as measures.</summary>
    public static Dictionary<string, double> Measures(PagingInstance instance, PredictionSetup setup)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var e = PredictionErrors.Compute(instance.Sequence.Bits, GroundTruthBits.For(setup, instance.Sequence, instance.K));
        return new Dictionary<string, double> { ["eta0"] = e.Eta0, ["eta1"] = e.Eta1 };
    }

    /// <summary>
    /// Replays a saved counterexample (text format with a <c># k=K</c> line): reads and parses the file, runs the
    /// algorithm and Belady, and returns both costs with the guarantee's verdict.
    /// </summary>
    /// <exception cref="CounterexampleException">The guarantee still fails on the saved instance.</exception>
    /// <exception cref="InstanceFormatException">The file is malformed.</exception>
    public static CheckResult<PagingInstance, long> Replay(string path, Func<IOnlinePagingAlgorithm> factory, Func<int, Guarantee> guaranteeForK, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Check(Path.GetFileNameWithoutExtension(path), factory, guaranteeForK, seed: seed).Replay(path, PagingInstance.Parse);
    }
}
