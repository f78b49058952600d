using MathNet.Numerics.LinearAlgebra;
using OnlineAlgos.Core;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// Cyclic repetition gradient code, Tandon et al.'s randomised construction (spec §2.1): H (s x n) Gaussian with
/// H·1 = 0; row i has support {i..i+s} mod n, B[i,i] = 1 and the rest solves H[:,S_i\{i}] x = -H[:,i], so every row
/// lies in null(H) (dim n-s, contains 1) and any n-s rows span it with probability 1. Load (s+1)/n.
/// Decode: least squares B_F^T a = 1 over the first n-s returned workers (Householder QR, O(n (n-s)^2)), then the
/// residual check ||B_F^T a - 1||_inf &lt;= <see cref="ResidualBound"/> (absolute 1e-9, per the spec's review note).
/// Documented fallback when it fails: least squares over ALL returned workers by SVD (better conditioned when more
/// than n-s returned); if that also fails the result says so and the caller should re-draw H
/// (<see cref="GradientCodes.Create"/> prefers fractional repetition when (s+1) | n). Build O(n s^3).
/// </summary>
public sealed class CyclicRepetitionCode : IGradientCode
{
    /// <summary>Absolute residual bound of the decode check (spec §2.1 review note).</summary>
    public const double ResidualBound = 1e-9;

    private readonly double[] _b;        // n x n row-major encoding matrix
    private readonly int[] _supports;

    /// <summary>Draws H from <paramref name="rng"/> and builds B. Requires 0 &lt;= s &lt;= n-1.</summary>
    public CyclicRepetitionCode(int n, int s, Rng rng)
    {
        if (n < 1) throw new ArgumentException($"n must be >= 1, got {n}");
        if (s < 0 || s > n - 1) throw new ArgumentException($"GC needs 0 <= s <= n-1 = {n - 1}, got s={s}");
        Workers = n;
        Tolerance = s;
        _b = new double[n * n];
        _supports = new int[n * (s + 1)];
        for (int i = 0; i < n; i++)
            for (int k = 0; k <= s; k++) _supports[i * (s + 1) + k] = (i + k) % n;
        if (s == 0)
        {
            for (int i = 0; i < n; i++) _b[i * n + i] = 1.0;
            return;
        }
        var h = Matrix<double>.Build.Dense(s, n);
        for (int r = 0; r < s; r++)
        {
            double sum = 0;
            for (int c = 0; c < n - 1; c++) { double v = rng.NextGaussian(); h[r, c] = v; sum += v; }
            h[r, n - 1] = -sum;
        }
        for (int i = 0; i < n; i++)
        {
            var a = Matrix<double>.Build.Dense(s, s);
            var rhs = Vector<double>.Build.Dense(s);
            for (int r = 0; r < s; r++)
            {
                rhs[r] = -h[r, i];
                for (int k = 1; k <= s; k++) a[r, k - 1] = h[r, (i + k) % n];
            }
            var x = a.LU().Solve(rhs);
            _b[i * n + i] = 1.0;
            for (int k = 1; k <= s; k++) _b[i * n + (i + k) % n] = x[k - 1];
        }
    }

    /// <inheritdoc />
    public int Workers { get; }

    /// <inheritdoc />
    public int Tolerance { get; }

    /// <inheritdoc />
    public double Coefficient(int worker, int partition) => _b[worker * Workers + partition];

    /// <inheritdoc />
    public ReadOnlySpan<int> Support(int worker) => _supports.AsSpan(worker * (Tolerance + 1), Tolerance + 1);

    /// <summary>Largest |B[i,j]|.</summary>
    public double MaxEncodingCoefficient()
    {
        double m = 0;
        foreach (double v in _b) m = Math.Max(m, Math.Abs(v));
        return m;
    }

    /// <inheritdoc />
    public DecodeResult Decode(ReadOnlySpan<bool> returned, Span<double> coefficients)
    {
        int n = Workers, need = n - Tolerance;
        coefficients.Slice(0, n).Clear();
        int available = 0;
        for (int i = 0; i < n; i++) if (returned[i]) available++;
        if (available < need) return new DecodeResult(false, double.PositiveInfinity, false, 0);

        var first = Solve(returned, need, coefficients, useSvd: false);
        if (first <= ResidualBound) return new DecodeResult(true, first, false, MaxAbs(coefficients));
        // Fallback: every returned row, minimum-norm least squares by SVD.
        var second = Solve(returned, available, coefficients, useSvd: true);
        return new DecodeResult(second <= ResidualBound, second, true, MaxAbs(coefficients));
    }

    private double Solve(ReadOnlySpan<bool> returned, int take, Span<double> coefficients, bool useSvd)
    {
        int n = Workers;
        var rows = new int[take];
        for (int i = 0, k = 0; i < n && k < take; i++) if (returned[i]) rows[k++] = i;
        var bt = Matrix<double>.Build.Dense(n, take);
        for (int k = 0; k < take; k++)
        {
            int i = rows[k];
            foreach (int j in Support(i)) bt[j, k] = _b[i * n + j];
        }
        var ones = Vector<double>.Build.Dense(n, 1.0);
        var a = useSvd ? bt.Svd(true).Solve(ones) : bt.QR().Solve(ones);
        coefficients.Slice(0, n).Clear();
        for (int k = 0; k < take; k++) coefficients[rows[k]] = a[k];
        // Residual from the encoding rows directly (not from the factorisation).
        double worst = 0;
        var acc = new double[n];
        for (int k = 0; k < take; k++)
        {
            int i = rows[k];
            foreach (int j in Support(i)) acc[j] += a[k] * _b[i * n + j];
        }
        for (int j = 0; j < n; j++) worst = Math.Max(worst, Math.Abs(acc[j] - 1.0));
        return double.IsNaN(worst) ? double.PositiveInfinity : worst;
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        double m = 0;
        foreach (double x in v) m = Math.Max(m, Math.Abs(x));
        return m;
    }
}
