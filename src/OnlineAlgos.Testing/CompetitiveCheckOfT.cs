using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.Testing.Search;

namespace OnlineAlgos.Testing;

/// <summary>
/// Turns (a generator of instances, an online algorithm, an exact offline benchmark, a guarantee as data, and the
/// family's file format) into an FsCheck property. Costs are typed: integer and <see cref="Rational"/> costs are
/// checked exactly, <c>double</c> costs with the guarantee's tolerance. A failing instance is shrunk by the generator's
/// shrinker; <see cref="Verify"/> throws a <see cref="CounterexampleException"/> with the shrunk instance in file
/// format, both costs, the measures and FsCheck's replay seed. The check holds no mutable state: one instance may be
/// verified from several threads.
/// </summary>
/// <typeparam name="TInstance">The family's instance type.</typeparam>
/// <typeparam name="TCost">The cost's number type.</typeparam>
/// <example>
/// <code>
/// var check = CompetitiveCheck.Create("lru", PagingGenerators.Instances(),
///     inst =&gt; PagingSimulator.Run(new LruPaging(), inst.Sequence, inst.K),
///     inst =&gt; BeladyPaging.Faults(inst.Sequence, inst.K),
///     inst =&gt; Guarantee.Competitive(inst.K),
///     inst =&gt; inst.ToText());
/// check.Verify(maxTest: 500);
/// </code>
/// </example>
public sealed class CompetitiveCheck<TInstance, TCost> where TCost : INumber<TCost>
{
    private readonly Arbitrary<TInstance> _instances;
    private readonly Func<TInstance, Outcome<TCost>> _online;
    private readonly Func<TInstance, TCost> _offline;
    private readonly Func<TInstance, Guarantee> _guarantee;
    private readonly Func<TInstance, string> _format;

    /// <summary>Builds the check; the guarantee may depend on the instance (e.g. on k).</summary>
    public CompetitiveCheck(string algorithmName, Arbitrary<TInstance> instances, Func<TInstance, Outcome<TCost>> online,
        Func<TInstance, TCost> offline, Func<TInstance, Guarantee> guarantee, Func<TInstance, string> format)
    {
        ArgumentNullException.ThrowIfNull(algorithmName);
        Name = algorithmName;
        _instances = instances ?? throw new ArgumentNullException(nameof(instances));
        _online = online ?? throw new ArgumentNullException(nameof(online));
        _offline = offline ?? throw new ArgumentNullException(nameof(offline));
        _guarantee = guarantee ?? throw new ArgumentNullException(nameof(guarantee));
        _format = format ?? throw new ArgumentNullException(nameof(format));
    }

    private CompetitiveCheck(CompetitiveCheck<TInstance, TCost> other, SearchMoves<TInstance>? moves, int budget)
        : this(other.Name, other._instances, other._online, other._offline, other._guarantee, other._format)
    {
        SearchMoves = moves;
        SearchBudget = budget;
    }

    /// <summary>The family's moves for the search phase of <see cref="Verify"/> (null: random sampling only).</summary>
    public SearchMoves<TInstance>? SearchMoves { get; }

    /// <summary>Evaluations the search phase of <see cref="Verify"/> may spend (0: none). The environment variable
    /// <c>ONLINEALGOS_SEARCH_BUDGET</c> overrides it for every check (e.g. a long nightly hunt, or 0 to switch the
    /// phase off); a budget passed to <see cref="Verify"/> or <see cref="Hunt"/> overrides both.</summary>
    public int SearchBudget { get; }

    /// <summary>The default budget of the search phase: small, so a property test stays well under a second.</summary>
    public const int DefaultSearchBudget = 400;

    /// <summary>The same check with a search phase after random sampling: an adversarial search
    /// (<see cref="AdversarialSearch{TInstance}"/>) over <paramref name="moves"/> maximising ALG/bound
    /// (bound/ALG when maximising), stopped at the first violation and shrunk while it still violates.</summary>
    public CompetitiveCheck<TInstance, TCost> WithSearch(SearchMoves<TInstance> moves, int budget = DefaultSearchBudget)
    {
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        return new CompetitiveCheck<TInstance, TCost>(this, moves, budget);
    }

    /// <summary>Name of the algorithm under test (it also derives the default seed).</summary>
    public string Name { get; }

    /// <summary>The generator the property draws from.</summary>
    public Arbitrary<TInstance> Instances => _instances;

    /// <summary>Evaluates one instance: both costs, the guarantee and whether it holds.</summary>
    public CheckResult<TInstance, TCost> Evaluate(TInstance instance)
    {
        var alg = _online(instance);
        var opt = _offline(instance);
        var g = _guarantee(instance);
        return new CheckResult<TInstance, TCost>(instance, alg, opt, g, g.Holds(alg.Cost, opt, alg.Measures));
    }

    /// <summary>Evaluates one instance: true when the guarantee holds.</summary>
    public bool HoldsOn(TInstance instance) => Evaluate(instance).Holds;

    /// <summary>The instance in the family's file format.</summary>
    public string Format(TInstance instance) => _format(instance);

    /// <summary>Throws <see cref="CounterexampleException"/> when the guarantee fails on <paramref name="instance"/>
    /// (a saved counterexample replayed as a regression test); returns the evaluation otherwise.</summary>
    public CheckResult<TInstance, TCost> Assert(TInstance instance)
    {
        var r = Evaluate(instance);
        if (!r.Holds) throw Counterexample(r, "", null);
        return r;
    }

    /// <summary>Replays a saved counterexample file: reads it, parses it with the family's
    /// <paramref name="parse"/> (text, source name for errors) and <see cref="Assert"/>s the guarantee on it — the one
    /// implementation behind every kit's <c>Replay(path, …)</c>.</summary>
    /// <exception cref="CounterexampleException">The guarantee still fails on the saved instance.</exception>
    public CheckResult<TInstance, TCost> Replay(string path, Func<string, string, TInstance> parse)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(parse);
        return Assert(parse(File.ReadAllText(path), path));
    }

    /// <summary>The FsCheck property (use it with Check.One or return it from an FsCheck.Xunit [Property]).</summary>
    public Property ToProperty() => Property(null);

    // The property; `sampled` (when given) records the passing instances closest to a violation, to seed the search.
    private Property Property(Sampled? sampled) =>
        Prop.ForAll(_instances, instance =>
        {
            var r = Evaluate(instance);
            // Throwing (rather than returning false) puts our message, with the instance, into FsCheck's report.
            if (!r.Holds) throw new InvalidOperationException(CounterexampleException.Describe(Name, r.Guarantee,
                _format(instance), Text(r.Algorithm.Cost), Text(r.Optimum), r.BoundText, r.Algorithm.Measures));
            sampled?.Offer(instance, Margin(r));
        });

    // The few sampled instances with the largest margins (thread-safe: FsCheck may run tests in parallel).
    private sealed class Sampled(int capacity)
    {
        private readonly List<(TInstance Instance, double Margin)> _best = [];
        private readonly Lock _lock = new();

        public void Offer(TInstance instance, double margin)
        {
            if (double.IsNaN(margin)) return;
            lock (_lock)
            {
                if (_best.Count == capacity && margin <= _best[^1].Margin) return;
                int at = _best.Count;
                while (at > 0 && _best[at - 1].Margin < margin) at--;
                _best.Insert(at, (instance, margin));
                if (_best.Count > capacity) _best.RemoveAt(_best.Count - 1);
            }
        }

        public List<TInstance> Instances()
        {
            lock (_lock) return _best.ConvertAll(b => b.Instance);
        }
    }

    /// <summary>
    /// Runs the property on <paramref name="maxTest"/> instances; throws <see cref="CounterexampleException"/> with the
    /// shrunk instance on failure. <paramref name="replay"/> re-runs a reported (seed, gamma) pair.
    /// </summary>
    /// <remarks>
    /// Without <paramref name="replay"/> the seed is fixed, derived from the algorithm name, so a test run is
    /// reproducible (CI cannot fail by the luck of the draw). Set the environment variable
    /// <c>ONLINEALGOS_PROPERTY_SEED=random</c> to explore with fresh seeds, or to <c>seed,gamma</c> to pin one.
    /// An algorithm that throws (for instance a <see cref="ModelViolationException"/>) fails the check too; the
    /// counterexample then carries the exception's message.
    /// </remarks>
    public void Verify(int maxTest = 200, (ulong Seed, ulong Gamma)? replay = null, int endSize = 100, int? searchBudget = null)
    {
        var report = Hunt(maxTest, replay, endSize, searchBudget);
        if (report.Counterexample is { } e) throw e;
    }

    /// <summary>
    /// Random sampling (as <see cref="Verify"/>), then, if <see cref="SearchMoves"/> is set, the search phase within
    /// <paramref name="searchBudget"/> (default <see cref="SearchBudget"/>, or <c>ONLINEALGOS_SEARCH_BUDGET</c>).
    /// Returns what was tried and the shrunk counterexample, if any, instead of throwing. The search seed derives
    /// from the replay pair, so the same pair reproduces the same hunt.
    /// </summary>
    public HuntReport Hunt(int maxTest = 200, (ulong Seed, ulong Gamma)? replay = null, int endSize = 100, int? searchBudget = null,
        Action<SearchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var runner = new CapturingRunner();
        var config = Config.Quick.WithMaxTest(maxTest).WithEndSize(endSize).WithQuietOnSuccess(true).WithRunner(runner);
        replay ??= CompetitiveCheck.DefaultSeed(Name);
        if (replay is { } r) config = config.WithReplay(r.Seed, r.Gamma);
        var sampled = new Sampled(2);
        Check.One(config, Property(sampled));
        if (runner.Result is TestResult.Failed failed)
        {
            string fsReport = Runner.onFinishedToString(Name, runner.Result);
            var shrunk = failed.Item3.IsEmpty ? failed.Item2 : failed.Item3;
            var instance = (TInstance)shrunk.Head;
            var replayPair = (failed.Item5.Seed, failed.Item5.Gamma);
            return new HuntReport(failed.Item1.NumberOfTests, 0, false, Failure(instance, fsReport, replayPair));
        }
        int tests = runner.Result is TestResult.Passed passed ? passed.Item1.NumberOfTests : maxTest;
        int budget = EffectiveBudget(searchBudget);
        if (SearchMoves is null || budget == 0) return new HuntReport(tests, 0, false, null);

        ulong seed = replay is { } pair ? Rng.DeriveSeed(pair.Seed ^ pair.Gamma, Name, 7) : Rng.DeriveSeed(0x68756E74UL, Name, 7);
        var search = new AdversarialSearch<TInstance>(SearchMoves, Margin);
        // Restarts 0 and 2 start from the two sampled instances nearest to a violation, 1 and 3 from the best so far.
        var seeds = sampled.Instances();
        if (seeds.Count == 2) seeds.Insert(1, seeds[0]);
        var result = search.Run(new SearchOptions(budget, seed, Restarts: 4, ShrinkBudget: budget), progress, seeds,
            stop: s => s == double.PositiveInfinity, shrinkWhile: (s, _) => s == double.PositiveInfinity, cancellation: cancellation);
        if (result.BestScore != double.PositiveInfinity) return new HuntReport(tests, result.Evaluations, true, null);
        string searchReport = string.Create(CultureInfo.InvariantCulture,
            $"Found by the adversarial search after {tests} random tests passed ({result.Evaluations} evaluations, search seed {seed}).\n");
        return new HuntReport(tests, result.Evaluations, true, Failure(result.Best, searchReport, replay));
    }

    private int EffectiveBudget(int? searchBudget)
    {
        if (searchBudget is { } explicitBudget) return explicitBudget;
        string? env = Environment.GetEnvironmentVariable("ONLINEALGOS_SEARCH_BUDGET");
        if (!string.IsNullOrEmpty(env))
        {
            if (!int.TryParse(env, NumberStyles.None, CultureInfo.InvariantCulture, out int b))
                throw new InvalidOperationException($"ONLINEALGOS_SEARCH_BUDGET: expected a non-negative integer, got '{env}'");
            return b;
        }
        return SearchBudget;
    }

    // Search score: how far ALG is past the bound (+∞ on a violation, decided exactly by the guarantee).
    private double Margin(TInstance instance)
    {
        CheckResult<TInstance, TCost> r;
        try { r = Evaluate(instance); }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException) { return double.PositiveInfinity; }
        return Margin(r);
    }

    // ALG/bound when minimising (bound/ALG when maximising): > 1 exactly on a violation, and scale-free, so the search
    // is not drawn to the empty instance (whose margin ALG − bound is 0) but to long ones whose ratio keeps growing.
    // A non-positive denominator (an instance where the bound is trivial) scores −1 − slack, below every ratio.
    private static double Margin(CheckResult<TInstance, TCost> r)
    {
        if (!r.Holds) return double.PositiveInfinity;
        double alg = double.CreateChecked(r.Algorithm.Cost), opt = double.CreateChecked(r.Optimum);
        double bound = r.Guarantee.Bound(opt, r.Algorithm.Measures);
        if (r.Guarantee.Objective == Objective.Minimize) return bound > 0 ? alg / bound : -1 - (bound - alg);
        return alg > 0 ? bound / alg : -1 - (alg - bound);
    }

    private CounterexampleException Failure(TInstance instance, string report, (ulong, ulong)? replayPair)
    {
        CheckResult<TInstance, TCost> evaluation;
        try
        {
            evaluation = Evaluate(instance);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new CounterexampleException(Name, _guarantee(instance), instance, _format(instance), ex.GetType().Name + ": " + ex.Message,
                "", "", null, report, replayPair);
        }
        return Counterexample(evaluation, report, replayPair);
    }

    private CounterexampleException Counterexample(CheckResult<TInstance, TCost> r, string report, (ulong, ulong)? replay) =>
        new(Name, r.Guarantee, r.Instance, _format(r.Instance), Text(r.Algorithm.Cost), Text(r.Optimum),
            r.BoundText, r.Algorithm.Measures, report, replay);

    // Exact types print exactly (p/q), floating-point types with every digit.
    private static string Text(TCost value) =>
        value.ToString(typeof(TCost) == typeof(double) || typeof(TCost) == typeof(float) ? "G17" : null,
            System.Globalization.CultureInfo.InvariantCulture);

    private sealed class CapturingRunner : IRunner
    {
        public TestResult? Result { get; private set; }
        public void OnStartFixture(Type t) { }
        public void OnArguments(int ntest, Microsoft.FSharp.Collections.FSharpList<object> args,
            Microsoft.FSharp.Core.FSharpFunc<int, Microsoft.FSharp.Core.FSharpFunc<Microsoft.FSharp.Collections.FSharpList<object>, string>> every) { }
        public void OnShrink(Microsoft.FSharp.Collections.FSharpList<object> args,
            Microsoft.FSharp.Core.FSharpFunc<Microsoft.FSharp.Collections.FSharpList<object>, string> everyShrink) { }
        public void OnFinished(string name, TestResult testResult) => Result = testResult;
    }
}
