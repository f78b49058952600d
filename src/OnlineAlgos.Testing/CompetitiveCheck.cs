using FsCheck;
using FsCheck.Fluent;

namespace OnlineAlgos.Testing;

/// <summary>
/// Turns (a generator of instances, an online algorithm, an exact offline benchmark, a guarantee as data, and the
/// family's file format) into an FsCheck property. A failing instance is shrunk by the generator's shrinker; the
/// failure message holds the shrunk instance in file format, both costs, the measures and FsCheck's replay seed.
/// </summary>
/// <example>
/// <code>
/// var check = new CompetitiveCheck&lt;PagingInstance&gt;("lru", PagingGenerators.Instances(),
///     inst =&gt; PagingSimulator.Run(new LruPaging(), inst.Sequence, inst.K),
///     inst =&gt; BeladyPaging.Faults(inst.Sequence, inst.K),
///     inst =&gt; Guarantee.Competitive(inst.K),
///     inst =&gt; inst.ToText());
/// check.Verify(maxTest: 500);
/// </code>
/// </example>
public sealed class CompetitiveCheck<TInstance>
{
    private readonly string _name;
    private readonly Arbitrary<TInstance> _instances;
    private readonly Func<TInstance, Outcome> _online;
    private readonly Func<TInstance, double> _offline;
    private readonly Func<TInstance, Guarantee> _guarantee;
    private readonly Func<TInstance, string> _format;
    private Failure? _lastFailure;

    private sealed record Failure(TInstance Instance, Outcome Alg, double Opt, Guarantee Guarantee);

    /// <summary>Builds the check; the guarantee may depend on the instance (e.g. on k).</summary>
    public CompetitiveCheck(string algorithmName, Arbitrary<TInstance> instances, Func<TInstance, Outcome> online,
        Func<TInstance, double> offline, Func<TInstance, Guarantee> guarantee, Func<TInstance, string> format)
    {
        _name = algorithmName;
        _instances = instances;
        _online = online;
        _offline = offline;
        _guarantee = guarantee;
        _format = format;
    }

    /// <summary>Builds the check with one fixed guarantee.</summary>
    public CompetitiveCheck(string algorithmName, Arbitrary<TInstance> instances, Func<TInstance, Outcome> online,
        Func<TInstance, double> offline, Guarantee guarantee, Func<TInstance, string> format)
        : this(algorithmName, instances, online, offline, _ => guarantee, format) { }

    /// <summary>The seed <see cref="Verify"/> uses when none is given (see its remarks); null = FsCheck's random seed.</summary>
    public static (ulong Seed, ulong Gamma)? DefaultSeed(string name)
    {
        string? env = Environment.GetEnvironmentVariable("ONLINEALGOS_PROPERTY_SEED");
        if (string.Equals(env, "random", StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrEmpty(env))
        {
            if (!ConfigExtensions.TryParseReplay(env, out var pinned, out string error))
                throw new InvalidOperationException("ONLINEALGOS_PROPERTY_SEED: " + error);
            return pinned;
        }
        ulong seed = Core.Rng.DeriveSeed(0x6F6E6C696E65UL, name, 0);
        return (seed, Core.Rng.DeriveSeed(seed, name, 1) | 1UL);
    }

    /// <summary>Evaluates one instance: true when the guarantee holds.</summary>
    public bool HoldsOn(TInstance instance)
    {
        var alg = _online(instance);
        double opt = _offline(instance);
        var g = _guarantee(instance);
        if (g.Holds(alg.Cost, opt, alg.Measures)) return true;
        _lastFailure = new Failure(instance, alg, opt, g);
        return false;
    }

    /// <summary>The FsCheck property (use it with Check.One or return it from an FsCheck.Xunit [Property]).</summary>
    public Property ToProperty() =>
        Prop.ForAll(_instances, instance =>
        {
            if (HoldsOn(instance)) return;
            var f = _lastFailure!;
            // Throwing (rather than returning false) puts our message, with the instance, into FsCheck's report.
            throw new InvalidOperationException(CounterexampleException.Describe(
                _name, f.Guarantee, _format(f.Instance), f.Alg.Cost, f.Opt, f.Alg.Measures));
        });

    /// <summary>
    /// Runs the property on <paramref name="maxTest"/> instances; throws <see cref="CounterexampleException"/> with the
    /// shrunk instance on failure. <paramref name="replay"/> re-runs a reported (seed, gamma) pair.
    /// </summary>
    /// <remarks>
    /// Without <paramref name="replay"/> the seed is fixed, derived from the algorithm name, so a test run is
    /// reproducible (CI cannot fail by the luck of the draw). Set the environment variable
    /// <c>ONLINEALGOS_PROPERTY_SEED=random</c> to explore with fresh seeds, or to <c>seed,gamma</c> to pin one.
    /// </remarks>
    public void Verify(int maxTest = 200, (ulong Seed, ulong Gamma)? replay = null, int endSize = 100)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithEndSize(endSize).WithQuietOnSuccess(true);
        replay ??= DefaultSeed(_name);
        if (replay is { } r) config = config.WithReplay(r.Seed, r.Gamma);
        _lastFailure = null;
        try
        {
            Check.One(config, ToProperty());
        }
        catch (Exception ex) when (_lastFailure is not null && ex is not CounterexampleException)
        {
            // The last failing evaluation is the fully shrunk instance (later shrink candidates all passed).
            var f = _lastFailure;
            throw new CounterexampleException(_name, f.Guarantee, f.Instance, _format(f.Instance), f.Alg.Cost, f.Opt,
                f.Alg.Measures, ex.Message);
        }
    }
}
