using OnlineAlgos.Core;

namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>
/// The one registry of MoE score generators (spec §5.5) by name, read by the CLI (<c>moe simulate --generator</c>) and
/// the studies. <c>drift</c> is the change-point drift (popularity re-drawn every 250 steps) the studies have always
/// used; the popularity random walk the CLI used to call <c>drift</c> is <c>drift-walk</c>.
/// </summary>
public static class ScoreGenerators
{
    /// <summary>Every generator name, in the order the CLI lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["iid", "zipf", "zipf-logit", "topics", "drift", "change-point", "drift-walk", "identical", "superstar", "binary"];

    /// <summary>
    /// The generator <paramref name="name"/>; <paramref name="setup"/> draws its fixed parameters (popularities, topic
    /// centres), the batches draw from the simulator's <see cref="Rng"/>. O(E) setup (O(E·topics·dim) for topics).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static IScoreGenerator Create(string name, ScoreGeneratorOptions options, Rng setup)
    {
        if (TryCreate(name, options, setup, out var generator)) return generator!;
        throw new ArgumentException($"unknown moe generator '{name}'; known: {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>Like <see cref="Create"/>, but false (and null) for an unknown name.</summary>
    public static bool TryCreate(string name, ScoreGeneratorOptions options, Rng setup, out IScoreGenerator? generator)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(setup);
        int e = options.Experts;
        double a = options.ZipfExponent;
        generator = name switch
        {
            "iid" => new IidSigmoidGenerator(e, 2.0),
            "zipf" => new ZipfGumbelGenerator(e, a, setup),
            "zipf-logit" => new ZipfGumbelGenerator(e, a, setup, logitSpace: true),
            "topics" => new TopicMixtureGenerator(e, setup),
            "drift" => new DriftGenerator(new ZipfGumbelGenerator(e, a, setup), DriftMode.ChangePoint, period: options.ChangePeriod ?? 250),
            "change-point" => new DriftGenerator(new ZipfGumbelGenerator(e, a, setup), DriftMode.ChangePoint, period: options.ChangePeriod ?? 500),
            "drift-walk" => new DriftGenerator(new ZipfGumbelGenerator(e, a, setup), DriftMode.RandomWalk, options.WalkStep),
            "identical" => new AdversarialGenerator(e, AdversarialKind.IdenticalRows, setup),
            "superstar" => new AdversarialGenerator(e, AdversarialKind.Superstar, setup),
            "binary" => new AdversarialGenerator(e, AdversarialKind.Binary, setup),
            _ => null,
        };
        return generator is not null;
    }
}
