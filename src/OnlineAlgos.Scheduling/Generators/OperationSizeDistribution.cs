using OnlineAlgos.Core;

namespace OnlineAlgos.Scheduling.Generators;

/// <summary>Distribution of one operation's size in the generated workloads (spec §5.1 G1): LogNormal(0, sigma) or
/// Pareto(alpha, xmin = 1) capped at a maximum.</summary>
public sealed record OperationSizeDistribution(string Kind, double Parameter, double Cap = 1e4)
{
    /// <summary>LogNormal(0, sigma).</summary>
    public static OperationSizeDistribution LogNormal(double sigma) => new("lognormal", sigma);
    /// <summary>Pareto(alpha, xmin = 1) capped at <paramref name="cap"/>.</summary>
    public static OperationSizeDistribution Pareto(double alpha = 1.5, double cap = 1e4) => new("pareto", alpha, cap);

    /// <summary>One sample.</summary>
    public double Sample(Rng rng) => Kind == "lognormal"
        ? Math.Exp(Parameter * rng.NextGaussian())
        : Math.Min(Cap, Math.Pow(1 - rng.NextDouble(), -1 / Parameter));

    /// <summary>Mean (exact for the capped Pareto: (alpha - cap^(1-alpha))/(alpha - 1)).</summary>
    public double Mean => Kind == "lognormal"
        ? Math.Exp(Parameter * Parameter / 2)
        : (Parameter - Math.Pow(Cap, 1 - Parameter)) / (Parameter - 1);

    /// <summary>Short label for tables, e.g. <c>lognormal(1)</c>.</summary>
    public override string ToString() => $"{Kind}({Parameter.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
