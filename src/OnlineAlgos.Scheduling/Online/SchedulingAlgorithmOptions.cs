namespace OnlineAlgos.Scheduling.Online;

/// <summary>What the factories of <see cref="SchedulingAlgorithms"/> need. Defaults are the spec's: tie rule
/// (key, release, id); chunked θ = 1; LAPS β = 1/2; MLF base quantum 1.</summary>
/// <param name="TieRule">Tie rule of the priority rules (opsrpt, slf-op, chunked).</param>
/// <param name="ChunkedTheta">θ of the chunked skeleton.</param>
/// <param name="LapsBeta">β of LAPS (fraction of the latest-arrived jobs that share the processor).</param>
/// <param name="MlfQuantum">Base quantum of MLF.</param>
public sealed record SchedulingAlgorithmOptions(
    TieRule TieRule = TieRule.ReleaseAscending,
    double ChunkedTheta = 1,
    double LapsBeta = 0.5,
    double MlfQuantum = 1)
{
    /// <summary>The defaults.</summary>
    public static SchedulingAlgorithmOptions Default { get; } = new();

    /// <summary>Tie rules by CLI name, in the order the properties and studies run them.</summary>
    public static IReadOnlyList<string> TieRuleNames { get; } = new[] { "release-asc", "release-desc", "id" };

    /// <summary>The tie rule named <paramref name="name"/> (<c>release-asc</c>, <c>release-desc</c>, <c>id</c>).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static TieRule ParseTieRule(string name) => name switch
    {
        "release-asc" => TieRule.ReleaseAscending,
        "release-desc" => TieRule.ReleaseDescending,
        "id" => TieRule.IdAscending,
        _ => throw new ArgumentException($"unknown tie rule '{name}'; known: {string.Join(", ", TieRuleNames)}", nameof(name)),
    };
}
