using OnlineAlgos.Core;
using System.Numerics;
using FsCheck;

namespace OnlineAlgos.Testing;

/// <summary>Factory for <see cref="CompetitiveCheck{TInstance, TCost}"/> (infers both type arguments) and the
/// default seed rule.</summary>
public static class CompetitiveCheck
{
    /// <summary>Builds a check; the guarantee may depend on the instance (e.g. on k).</summary>
    public static CompetitiveCheck<TInstance, TCost> Create<TInstance, TCost>(string algorithmName,
        Arbitrary<TInstance> instances, Func<TInstance, Outcome<TCost>> online, Func<TInstance, TCost> offline,
        Func<TInstance, Core.Guarantee> guarantee, Func<TInstance, string> format) where TCost : INumber<TCost> =>
        new(algorithmName, instances, online, offline, guarantee, format);

    /// <summary>Builds a check for an algorithm that reports its cost only.</summary>
    public static CompetitiveCheck<TInstance, TCost> Create<TInstance, TCost>(string algorithmName,
        Arbitrary<TInstance> instances, Func<TInstance, TCost> online, Func<TInstance, TCost> offline,
        Func<TInstance, Core.Guarantee> guarantee, Func<TInstance, string> format) where TCost : INumber<TCost> =>
        new(algorithmName, instances, i => new Outcome<TCost>(online(i)), offline, guarantee, format);

    /// <summary>Builds a check with one fixed guarantee.</summary>
    public static CompetitiveCheck<TInstance, TCost> Create<TInstance, TCost>(string algorithmName,
        Arbitrary<TInstance> instances, Func<TInstance, Outcome<TCost>> online, Func<TInstance, TCost> offline,
        Core.Guarantee guarantee, Func<TInstance, string> format) where TCost : INumber<TCost> =>
        new(algorithmName, instances, online, offline, _ => guarantee, format);

    /// <summary>Builds a check with one fixed guarantee for an algorithm that reports its cost only.</summary>
    public static CompetitiveCheck<TInstance, TCost> Create<TInstance, TCost>(string algorithmName,
        Arbitrary<TInstance> instances, Func<TInstance, TCost> online, Func<TInstance, TCost> offline,
        Core.Guarantee guarantee, Func<TInstance, string> format) where TCost : INumber<TCost> =>
        new(algorithmName, instances, i => new Outcome<TCost>(online(i)), offline, _ => guarantee, format);

    /// <summary>The seed <c>Verify</c> uses when none is given; null = FsCheck's random seed
    /// (<c>ONLINEALGOS_PROPERTY_SEED=random</c>). <c>ONLINEALGOS_PROPERTY_SEED=seed,gamma</c> pins one.</summary>
    /// <exception cref="InvalidOperationException">The environment variable is malformed.</exception>
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
}
