using MathNet.Numerics.Distributions;

namespace OnlineAlgos.Core;

/// <summary>
/// Summary of a sample of ratios (ALG/OPT and the like): count, mean, sample standard deviation, min, max, quantiles,
/// a two-sided 95 % confidence interval of the mean (Student t, MathNet), and the label of the worst (largest, or
/// smallest for maximisation problems) instance.
/// </summary>
/// <remarks>Quantiles use linear interpolation between order statistics (type 7, as R and NumPy). O(n log n).</remarks>
public sealed class RatioStatistics
{
    private readonly double[] _sorted;

    /// <summary>Number of values.</summary>
    public int Count { get; }
    /// <summary>Arithmetic mean (NaN when empty).</summary>
    public double Mean { get; }
    /// <summary>Sample standard deviation (0 when fewer than 2 values).</summary>
    public double StdDev { get; }
    /// <summary>Smallest value.</summary>
    public double Min { get; }
    /// <summary>Largest value.</summary>
    public double Max { get; }
    /// <summary>Half width of the 95 % confidence interval of the mean (0 when fewer than 2 values).</summary>
    public double Ci95HalfWidth { get; }
    /// <summary>Label of the worst instance (see <see cref="Compute"/>); null when empty or unlabelled.</summary>
    public string? WorstLabel { get; }
    /// <summary>Value of the worst instance.</summary>
    public double Worst { get; }

    /// <summary>Standard error of the mean.</summary>
    public double StdErr => Count > 1 ? StdDev / Math.Sqrt(Count) : 0;
    /// <summary>Lower end of the 95 % confidence interval.</summary>
    public double Ci95Low => Mean - Ci95HalfWidth;
    /// <summary>Upper end of the 95 % confidence interval.</summary>
    public double Ci95High => Mean + Ci95HalfWidth;

    private RatioStatistics(double[] sorted, double mean, double sd, double ci, string? worstLabel, double worst)
    {
        _sorted = sorted;
        Count = sorted.Length;
        Mean = mean;
        StdDev = sd;
        Min = sorted.Length > 0 ? sorted[0] : double.NaN;
        Max = sorted.Length > 0 ? sorted[^1] : double.NaN;
        Ci95HalfWidth = ci;
        WorstLabel = worstLabel;
        Worst = worst;
    }

    /// <summary>Statistics of <paramref name="values"/>; <paramref name="labels"/> (same length, optional) names each.</summary>
    /// <param name="values">The ratios; NaN is rejected.</param>
    /// <param name="labels">Instance labels, or null.</param>
    /// <param name="largerIsWorse">True for minimisation ratios (ALG/OPT ≥ 1), false when smaller is worse.</param>
    public static RatioStatistics Compute(ReadOnlySpan<double> values, IReadOnlyList<string>? labels = null, bool largerIsWorse = true)
    {
        if (labels is not null && labels.Count != values.Length)
            throw new ArgumentException("labels must have one entry per value", nameof(labels));
        var sorted = values.ToArray();
        foreach (double v in sorted)
            if (double.IsNaN(v)) throw new ArgumentException("a ratio is NaN", nameof(values));
        Array.Sort(sorted);
        int n = sorted.Length;
        if (n == 0) return new RatioStatistics(sorted, double.NaN, 0, 0, null, double.NaN);
        // Welford for numerical stability.
        double mean = 0, m2 = 0;
        for (int i = 0; i < n; i++)
        {
            double d = values[i] - mean;
            mean += d / (i + 1);
            m2 += d * (values[i] - mean);
        }
        double sd = n > 1 ? Math.Sqrt(m2 / (n - 1)) : 0;
        double ci = n > 1 ? StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n) : 0;
        int worstIdx = 0;
        for (int i = 1; i < n; i++)
            if (largerIsWorse ? values[i] > values[worstIdx] : values[i] < values[worstIdx]) worstIdx = i;
        return new RatioStatistics(sorted, mean, sd, ci, labels?[worstIdx], values[worstIdx]);
    }

    /// <summary>The q-quantile, q in [0, 1].</summary>
    public double Quantile(double q)
    {
        if (q is < 0 or > 1 || double.IsNaN(q)) throw new ArgumentOutOfRangeException(nameof(q), "q must be in [0, 1]");
        if (_sorted.Length == 0) return double.NaN;
        double h = (_sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, _sorted.Length - 1);
        return _sorted[lo] + (h - lo) * (_sorted[hi] - _sorted[lo]);
    }
}
