namespace OnlineAlgos.Matching.Model;

/// <summary>An expected value with its standard error (0 when exact) and how it was obtained.</summary>
public readonly record struct ValueEstimate(double Value, double StdErr, EstimateMethod Method)
{
    /// <summary>The <c>method</c> text of FORMATS.md: exact, lp, monte-carlo or skipped.</summary>
    public string MethodName => Method switch
    {
        EstimateMethod.Exact => "exact",
        EstimateMethod.Lp => "lp",
        EstimateMethod.MonteCarlo => "monte-carlo",
        _ => "skipped",
    };
}
