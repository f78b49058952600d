namespace OnlineAlgos.Matching.Model;

/// <summary>How a reported value was obtained (the <c>method</c> column of <c>matching solve</c>).</summary>
public enum EstimateMethod
{
    /// <summary>Exact (enumeration or DP); standard error 0.</summary>
    Exact,
    /// <summary>An LP value (a bound).</summary>
    Lp,
    /// <summary>Monte Carlo mean with its standard error.</summary>
    MonteCarlo,
    /// <summary>Not computed (too large); the reason is reported separately.</summary>
    Skipped,
}
