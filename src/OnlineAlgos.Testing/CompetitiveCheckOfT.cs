using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;

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
    public Property ToProperty() =>
        Prop.ForAll(_instances, instance =>
        {
            var r = Evaluate(instance);
            // Throwing (rather than returning false) puts our message, with the instance, into FsCheck's report.
            if (!r.Holds) throw new InvalidOperationException(CounterexampleException.Describe(Name, r.Guarantee,
                _format(instance), Text(r.Algorithm.Cost), Text(r.Optimum), r.BoundText, r.Algorithm.Measures));
        });

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
    public void Verify(int maxTest = 200, (ulong Seed, ulong Gamma)? replay = null, int endSize = 100)
    {
        var runner = new CapturingRunner();
        var config = Config.Quick.WithMaxTest(maxTest).WithEndSize(endSize).WithQuietOnSuccess(true).WithRunner(runner);
        replay ??= CompetitiveCheck.DefaultSeed(Name);
        if (replay is { } r) config = config.WithReplay(r.Seed, r.Gamma);
        Check.One(config, ToProperty());
        if (runner.Result is not TestResult.Failed failed) return;
        string report = Runner.onFinishedToString(Name, runner.Result);
        var shrunk = failed.Item3.IsEmpty ? failed.Item2 : failed.Item3;
        var instance = (TInstance)shrunk.Head;
        var replayPair = (failed.Item5.Seed, failed.Item5.Gamma);
        CheckResult<TInstance, TCost> evaluation;
        try
        {
            evaluation = Evaluate(instance);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new CounterexampleException(Name, _guarantee(instance), instance, _format(instance), ex.GetType().Name + ": " + ex.Message,
                "", "", null, report, replayPair);
        }
        throw Counterexample(evaluation, report, replayPair);
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
