using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;
using OnlineAlgos.Testing;
using OnlineAlgos.Testing.Search;

namespace OnlineAlgos.Scheduling.Testing;

/// <summary>
/// Checking a scheduler is one call: <see cref="Competitive(string, Func{IOnlineScheduler{Rational}}, Guarantee, int, FsCheck.Arbitrary{SchedulingInstance{Rational}}, SearchMoves{SchedulingInstance{Rational}})"/>
/// runs an FsCheck property comparing the scheduler's total flow time (simulated in exact <see cref="Rational"/>
/// arithmetic; the simulator's <see cref="SchedulerView{T}"/> polices what it may see) with OPT = SRPT on total sizes
/// (<see cref="SrptOptimum"/>), exactly: no tolerance. A failure throws a shrunk <see cref="CounterexampleException"/>
/// whose <see cref="CounterexampleException.InstanceText"/> is the instance's JSON; <c>Replay</c> re-checks a
/// saved file. Default instances: <see cref="SchedulingGenerators.Instances"/> (general; pass
/// <see cref="SchedulingGenerators.UniformTests"/> for OpSRPT's 2-competitiveness, with
/// <see cref="SchedulingMoves.UniformTests"/> as the search phase's moves; the default moves are
/// <see cref="SchedulingMoves.General"/>).
/// </summary>
public static class SchedulingChecks
{
    // Custom instances without moves: the search cannot know their space, so it does not run (budget 0).
    private static readonly SearchMoves<SchedulingInstance<Rational>> NoMoves = SchedulingMoves.General();

    /// <summary>The check of the scheduler <paramref name="factory"/> builds (a fresh one per instance).</summary>
    public static CompetitiveCheck<SchedulingInstance<Rational>, Rational> Create(string name, Func<IOnlineScheduler<Rational>> factory,
        Guarantee guarantee, FsCheck.Arbitrary<SchedulingInstance<Rational>>? instances = null,
        SearchMoves<SchedulingInstance<Rational>>? moves = null, int searchBudget = CompetitiveCheck<SchedulingInstance<Rational>, Rational>.DefaultSearchBudget)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return CompetitiveCheck.Create(name, instances ?? SchedulingGenerators.Instances(),
            (SchedulingInstance<Rational> i) => ScheduleSimulator.Run(i, factory()).TotalFlowTime,
            i => SrptOptimum.Cost(i), guarantee, i => i.ToText())
            .WithSearch(moves ?? (instances is null ? SchedulingMoves.General() : NoMoves), moves is null && instances is not null ? 0 : searchBudget);
    }

    /// <summary>The check of the registered scheduler <paramref name="name"/> (<see cref="SchedulingAlgorithms"/>).</summary>
    /// <exception cref="ArgumentException">Unknown name (message lists the known ones).</exception>
    public static CompetitiveCheck<SchedulingInstance<Rational>, Rational> Create(string name, Guarantee guarantee,
        SchedulingAlgorithmOptions? options = null, FsCheck.Arbitrary<SchedulingInstance<Rational>>? instances = null,
        SearchMoves<SchedulingInstance<Rational>>? moves = null, int searchBudget = CompetitiveCheck<SchedulingInstance<Rational>, Rational>.DefaultSearchBudget)
    {
        SchedulingAlgorithms.Create<Rational>(name, options); // an unknown name fails now, with the registry's list
        return Create(name, () => SchedulingAlgorithms.Create<Rational>(name, options), guarantee, instances, moves, searchBudget);
    }

    /// <summary>Verifies the guarantee on <paramref name="maxTest"/> generated instances (fixed seed unless
    /// <c>ONLINEALGOS_PROPERTY_SEED</c> says otherwise).</summary>
    /// <exception cref="CounterexampleException">The guarantee fails (or the scheduler breaks the model) on a shrunk instance.</exception>
    public static void Competitive(string name, Func<IOnlineScheduler<Rational>> factory, Guarantee guarantee, int maxTest = 200,
        FsCheck.Arbitrary<SchedulingInstance<Rational>>? instances = null, SearchMoves<SchedulingInstance<Rational>>? moves = null) =>
        Create(name, factory, guarantee, instances, moves).Verify(maxTest);

    /// <summary>Verifies the guarantee of the registered scheduler <paramref name="name"/>.</summary>
    /// <exception cref="CounterexampleException">The guarantee fails on a shrunk instance.</exception>
    public static void Competitive(string name, Guarantee guarantee, int maxTest = 200, SchedulingAlgorithmOptions? options = null,
        FsCheck.Arbitrary<SchedulingInstance<Rational>>? instances = null, SearchMoves<SchedulingInstance<Rational>>? moves = null) =>
        Create(name, guarantee, options, instances, moves).Verify(maxTest);

    /// <summary>Replays a saved counterexample file (the instance's JSON): parses it, runs the scheduler and OPT, and
    /// returns the result when the guarantee now holds.</summary>
    /// <exception cref="CounterexampleException">The guarantee still fails on the saved instance.</exception>
    /// <exception cref="InstanceFormatException">The file is not a scheduling instance.</exception>
    public static CheckResult<SchedulingInstance<Rational>, Rational> Replay(string path, string name,
        Func<IOnlineScheduler<Rational>> factory, Guarantee guarantee)
    {
        return Create(name, factory, guarantee).Replay(path, SchedulingInstance<Rational>.Parse);
    }

    /// <summary>Replays a saved counterexample file against the registered scheduler <paramref name="name"/>.</summary>
    /// <exception cref="CounterexampleException">The guarantee still fails on the saved instance.</exception>
    public static CheckResult<SchedulingInstance<Rational>, Rational> Replay(string path, string name, Guarantee guarantee,
        SchedulingAlgorithmOptions? options = null) =>
        Replay(path, name, () => SchedulingAlgorithms.Create<Rational>(name, options), guarantee);

    /// <summary>The score a worst-case search maximises for the registered scheduler <paramref name="name"/>: its
    /// total flow time over the exact optimum (SRPT on the operations).</summary>
    public static RatioScore<SchedulingInstance<Rational>> WorstRatioScore(string name) => new(i =>
        (ScheduleSimulator.Run(i, SchedulingAlgorithms.Create<Rational>(name)).TotalFlowTime.ToDouble(), SrptOptimum.Cost(i).ToDouble()), Objective.Minimize);
}
