namespace OnlineAlgos.Matching.Testing;

/// <summary>Which exact benchmark <see cref="MatchingChecks"/> compares an algorithm's expected value with.</summary>
public enum MatchingBenchmark
{
    /// <summary>OPT_on, the exact online optimum (DP; the benchmark of 0.678-type guarantees).</summary>
    OnlineOptimum,
    /// <summary>The PPSW LP value, an upper bound on OPT_on (so a guarantee against it is stronger).</summary>
    Lp,
    /// <summary>E[OPT_off], the expected offline optimum (the prophet benchmark of balanced prices); exact when the
    /// realizations of every component can be enumerated (always on the kit's generated instances).</summary>
    OfflineOptimum,
}
