using OnlineAlgos.Core;

namespace OnlineAlgos.GradientCoding.Model;

/// <summary>Loss of the gradient workload.</summary>
public enum WorkloadLoss
{
    /// <summary>0.5 (x·theta - y)^2.</summary>
    LeastSquares,
    /// <summary>log(1 + exp(-y x·theta)), y in {-1, +1}.</summary>
    Logistic,
}

/// <summary>
/// A small data-parallel regression workload for decoding checks (issue item 4): job t has its own data set D_t
/// (m points of dimension d, drawn from the Rng) and parameter theta_t; its full gradient is the sum of per-point
/// gradients. A scheme's units (data fractions) map to contiguous point ranges by cumulative size, so the unit
/// gradients sum exactly to the full gradient. Gradient of a range O(points d).
/// </summary>
public sealed class LeastSquaresWorkload
{
    private readonly double[] _x;     // jobs x m x d
    private readonly double[] _y;     // jobs x m
    private readonly double[] _theta; // jobs x d

    /// <summary>Draws the data.</summary>
    public LeastSquaresWorkload(int jobs, int points, int dimension, Rng rng, WorkloadLoss loss = WorkloadLoss.LeastSquares)
    {
        Jobs = jobs; Points = points; Dimension = dimension; Loss = loss;
        _x = new double[jobs * points * dimension];
        _y = new double[jobs * points];
        _theta = new double[jobs * dimension];
        for (int k = 0; k < _x.Length; k++) _x[k] = rng.NextGaussian();
        for (int k = 0; k < _theta.Length; k++) _theta[k] = rng.NextGaussian();
        for (int k = 0; k < _y.Length; k++)
            _y[k] = loss == WorkloadLoss.Logistic ? (rng.NextBernoulli(0.5) ? 1 : -1) : rng.NextGaussian();
    }

    /// <summary>Jobs.</summary>
    public int Jobs { get; }
    /// <summary>Points per job.</summary>
    public int Points { get; }
    /// <summary>Dimension d.</summary>
    public int Dimension { get; }
    /// <summary>Loss.</summary>
    public WorkloadLoss Loss { get; }

    /// <summary>Adds the gradient over points [from, to) of job t to <paramref name="into"/>.</summary>
    public void AddRangeGradient(int job, int from, int to, Span<double> into)
    {
        int d = Dimension;
        var theta = _theta.AsSpan(job * d, d);
        for (int p = from; p < to; p++)
        {
            var x = _x.AsSpan((job * Points + p) * d, d);
            double dot = 0;
            for (int k = 0; k < d; k++) dot += x[k] * theta[k];
            double y = _y[job * Points + p];
            double factor = Loss == WorkloadLoss.LeastSquares ? dot - y : -y / (1 + Math.Exp(y * dot));
            for (int k = 0; k < d; k++) into[k] += factor * x[k];
        }
    }

    /// <summary>The uncoded full gradient of job t.</summary>
    public double[] FullGradient(int job)
    {
        var g = new double[Dimension];
        AddRangeGradient(job, 0, Points, g);
        return g;
    }
}
