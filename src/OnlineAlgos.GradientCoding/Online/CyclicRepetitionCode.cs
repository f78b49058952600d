using MathNet.Numerics.LinearAlgebra;
using OnlineAlgos.Core;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// Cyclic repetition gradient code, Tandon et al.'s randomised construction (spec §2.1): H (s x n) Gaussian with
/// H·1 = 0; row i has support {i..i+s} mod n, B[i,i] = 1 and the rest solves H[:,S_i\{i}] x = -H[:,i], so every row
/// lies in null(H) (dim n-s, contains 1) and any n-s rows span it with probability 1. Load (s+1)/n.
/// Decode: solve B_F^T a = 1 over the first n-s returned workers (the authors' choice) by Gaussian elimination with
/// partial pivoting that follows the cyclic band (O(n s^2)), then the residual check ||B_F^T a - 1||_inf &lt;=
/// <see cref="ResidualBound"/> (absolute 1e-9, per the spec's review note). Documented fallbacks when it fails:
/// (1) least squares on the same rows by Householder QR (MathNet, O(n (n-s)^2)); (2) least squares over ALL returned
/// workers by SVD (MathNet; better conditioned when more than n-s returned); if that also fails the result says so
/// and the caller should re-draw H
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

        var rows = new int[need];
        for (int i = 0, k = 0; i < n && k < need; i++) if (returned[i]) rows[k++] = i;
        var solution = new double[need];
        if (SolveBanded(rows, solution))
        {
            double res = Scatter(rows, solution, coefficients);
            if (res <= ResidualBound) return new DecodeResult(true, res, false, MaxAbs(coefficients));
        }
        // Fallback 1: least squares on the same rows by Householder QR (MathNet).
        var first = Solve(returned, need, coefficients, useSvd: false);
        if (first <= ResidualBound) return new DecodeResult(true, first, true, MaxAbs(coefficients));
        // Fallback 2: every returned row, minimum-norm least squares by SVD (MathNet).
        var second = Solve(returned, available, coefficients, useSvd: true);
        return new DecodeResult(second <= ResidualBound, second, true, MaxAbs(coefficients));
    }

    private double Scatter(int[] rows, double[] a, Span<double> coefficients)
    {
        coefficients.Slice(0, Workers).Clear();
        for (int k = 0; k < rows.Length; k++) coefficients[rows[k]] = a[k];
        return Residual(rows, a);
    }

    private double Residual(int[] rows, double[] a)
    {
        int n = Workers;
        var acc = new double[n];
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            foreach (int j in Support(i)) acc[j] += a[k] * _b[i * n + j];
        }
        double worst = 0;
        for (int j = 0; j < n; j++) worst = Math.Max(worst, Math.Abs(acc[j] - 1.0));
        return double.IsNaN(worst) ? double.PositiveInfinity : worst;
    }

    /// <summary>
    /// Solves a^T B_F = 1^T for the given rows F by Gaussian elimination with partial pivoting on B_F that follows the
    /// cyclic band: rows stay zero outside [lo, hi], so the cost is O(n s^2) instead of the dense O(n^3). Pivot columns
    /// give a square triangular system; the s non-pivot columns are checked afterwards by the residual.
    /// </summary>
    private bool SolveBanded(int[] rows, double[] a)
    {
        int n = Workers, m = rows.Length, s = Tolerance;
        var u = new double[m * n];
        var lo = new int[m];
        var hi = new int[m];
        for (int k = 0; k < m; k++)
        {
            int i = rows[k];
            foreach (int j in Support(i)) u[k * n + j] = _b[i * n + j];
            if (i + s < n) { lo[k] = i; hi[k] = i + s; }
            else { lo[k] = 0; hi[k] = n - 1; } // wraps around: treated as a dense row
        }
        var pivoted = new bool[m];
        var pivotRowOfColumn = new int[n];
        Array.Fill(pivotRowOfColumn, -1);
        var opsTarget = new List<int>();
        var opsSource = new List<int>();
        var opsFactor = new List<double>();
        int pivots = 0;
        for (int c = 0; c < n && pivots < m; c++)
        {
            // Threshold pivoting that prefers narrow rows: a row reaching the last column would spread fill across the
            // whole matrix, so it pivots only when no narrow row has at least 1e-3 of the column's largest entry (the
            // accuracy lost to the weaker pivot is won back by iterative refinement below).
            int p = -1, pNarrow = -1;
            double best = 0, bestNarrow = 0;
            for (int q = 0; q < m; q++)
            {
                if (pivoted[q] || lo[q] > c || hi[q] < c) continue;
                double v = Math.Abs(u[q * n + c]);
                if (v > best) { best = v; p = q; }
                if (hi[q] < n - 1 && v > bestNarrow) { bestNarrow = v; pNarrow = q; }
            }
            if (p < 0 || best < 1e-13) continue;
            if (pNarrow >= 0 && bestNarrow >= 1e-3 * best) p = pNarrow;
            pivoted[p] = true;
            pivotRowOfColumn[c] = p;
            pivots++;
            double pv = u[p * n + c];
            var prow = u.AsSpan(p * n, n);
            for (int q = 0; q < m; q++)
            {
                if (pivoted[q] || lo[q] > c || hi[q] < c) continue;
                double v = u[q * n + c];
                if (v == 0) continue;
                double f = v / pv;
                var qrow = u.AsSpan(q * n, n);
                for (int col = c + 1; col <= hi[p]; col++) qrow[col] -= f * prow[col];
                qrow[c] = 0;
                if (hi[p] > hi[q]) hi[q] = hi[p];
                opsTarget.Add(q); opsSource.Add(p); opsFactor.Add(f);
            }
            for (int q = 0; q < m; q++)
                if (!pivoted[q] && lo[q] <= c) lo[q] = c + 1;
        }
        if (pivots < m) return false;
        var order = new List<int>(m);
        var orderColumn = new List<int>(m);
        for (int c = 0; c < n; c++)
            if (pivotRowOfColumn[c] >= 0) { order.Add(pivotRowOfColumn[c]); orderColumn.Add(c); }

        // Solve b^T U_J = rhs_J^T (pivot columns in increasing order; rows pivoted later are zero there), then undo the
        // elimination: x^T = b^T E_K ... E_1 with E = I - f e_q e_p^T, i.e. v[p] -= f v[q] from the last op back.
        void SolveInto(double[] rhs, double[] x)
        {
            var b = new double[m];
            for (int t = 0; t < order.Count; t++)
            {
                int r = order[t], c = orderColumn[t];
                double sum = 0;
                for (int t2 = 0; t2 < t; t2++)
                {
                    int prev = order[t2];
                    if (hi[prev] >= c) sum += b[prev] * u[prev * n + c];
                }
                b[r] = (rhs[c] - sum) / u[r * n + c];
            }
            for (int k = opsTarget.Count - 1; k >= 0; k--) b[opsSource[k]] -= opsFactor[k] * b[opsTarget[k]];
            Array.Copy(b, x, m);
        }

        var ones = new double[n];
        Array.Fill(ones, 1.0);
        SolveInto(ones, a);
        // Iterative refinement (two steps at most): a += solve(1 - B_F^T a).
        var residual = new double[n];
        var delta = new double[m];
        for (int step = 0; step < 2; step++)
        {
            Array.Fill(residual, 1.0);
            for (int k = 0; k < m; k++)
            {
                int i = rows[k];
                foreach (int j in Support(i)) residual[j] -= a[k] * _b[i * n + j];
            }
            double worst = 0;
            foreach (double r in residual) worst = Math.Max(worst, Math.Abs(r));
            if (worst <= ResidualBound * 1e-3) break;
            SolveInto(residual, delta);
            for (int k = 0; k < m; k++) a[k] += delta[k];
        }
        return true;
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
