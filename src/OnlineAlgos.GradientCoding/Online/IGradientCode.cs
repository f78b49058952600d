namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// An (n, s) gradient code (Tandon et al., ICML 2017): worker i sends f_i = sum_j B[i,j] g_j over partitions
/// j = 0..n-1, and the sum of all g_j is recoverable from any n-s workers. Load (s+1)/n.
/// </summary>
public interface IGradientCode
{
    /// <summary>Workers = partitions n.</summary>
    int Workers { get; }

    /// <summary>Straggler tolerance s.</summary>
    int Tolerance { get; }

    /// <summary>Encoding coefficient B[worker, partition] (0 outside the worker's support).</summary>
    double Coefficient(int worker, int partition);

    /// <summary>The partitions worker i holds (its support, s+1 of them).</summary>
    ReadOnlySpan<int> Support(int worker);

    /// <summary>
    /// Decoding vector for the returned set: fills <paramref name="coefficients"/> (length n, zero for workers not used)
    /// with a such that sum_i a_i B[i,·] = 1. Returns the residual ||B_F^T a - 1||_inf in <see cref="DecodeResult"/>;
    /// <see cref="DecodeResult.Success"/> is false when fewer than n-s returned or the residual exceeds the bound.
    /// </summary>
    DecodeResult Decode(ReadOnlySpan<bool> returned, Span<double> coefficients);
}

/// <summary>Outcome of a gradient-code decode.</summary>
/// <param name="Success">True when the coefficients reproduce the all-ones vector within the residual bound.</param>
/// <param name="Residual">||B_F^T a - 1||_inf of the returned coefficients.</param>
/// <param name="UsedFallback">True when the first attempt failed the residual check and the fallback was used.</param>
/// <param name="MaxCoefficient">max |a_i| (numerical health: coefficients of 1e3-1e5 amplify payload rounding).</param>
public readonly record struct DecodeResult(bool Success, double Residual, bool UsedFallback, double MaxCoefficient);
