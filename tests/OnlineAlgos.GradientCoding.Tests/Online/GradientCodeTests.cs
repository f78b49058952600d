using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Online;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Online;

public class GradientCodeTests
{
    private static IEnumerable<bool[]> AllSetsWithAtMost(int n, int s)
    {
        for (int mask = 0; mask < 1 << n; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) > s) continue;
            var returned = new bool[n];
            for (int i = 0; i < n; i++) returned[i] = (mask >> i & 1) == 0;
            yield return returned;
        }
    }

    private static double CheckRecovery(IGradientCode code, bool[] returned, Rng rng)
    {
        int n = code.Workers;
        var g = new double[n];
        for (int j = 0; j < n; j++) g[j] = rng.NextGaussian();
        double truth = 0;
        foreach (double v in g) truth += v;
        var a = new double[n];
        var res = code.Decode(returned, a);
        Assert.True(res.Success, $"decode failed, residual {res.Residual}");
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if (a[i] == 0) continue;
            Assert.True(returned[i], $"coefficient on straggler {i}");
            double f = 0;
            foreach (int j in code.Support(i)) f += code.Coefficient(i, j) * g[j];
            sum += a[i] * f;
        }
        return Math.Abs(sum - truth) / Math.Max(1, Math.Abs(truth));
    }

    [Theory]
    [InlineData(6, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 3)]
    [InlineData(4, 0)]
    [InlineData(5, 4)]
    public void Fractional_repetition_decodes_every_set_of_at_most_s_stragglers_exactly(int n, int s)
    {
        var code = new FractionalRepetitionCode(n, s);
        var rng = new Rng(1);
        foreach (var returned in AllSetsWithAtMost(n, s))
        {
            // integer coefficients on plain sums: error is pure float summation noise
            Assert.True(CheckRecovery(code, returned, rng) < 1e-12);
        }
        for (int i = 0; i < n; i++) Assert.Equal(s + 1, code.Support(i).Length);
    }

    [Fact]
    public void Fractional_repetition_fails_when_a_whole_group_straggles_and_rejects_bad_s()
    {
        var code = new FractionalRepetitionCode(6, 1);
        var a = new double[6];
        Assert.False(code.Decode([false, false, true, true, true, true], a).Success);
        Assert.Throws<ArgumentException>(() => new FractionalRepetitionCode(7, 1)); // (s+1) does not divide n
        Assert.Throws<ArgumentException>(() => new FractionalRepetitionCode(4, 4));
    }

    [Theory]
    [InlineData(7, 2)]
    [InlineData(9, 3)]
    [InlineData(10, 4)]
    [InlineData(5, 0)]
    [InlineData(6, 5)]
    public void Cyclic_repetition_decodes_every_set_of_at_most_s_stragglers(int n, int s)
    {
        var code = new CyclicRepetitionCode(n, s, new Rng(2));
        var rng = new Rng(3);
        foreach (var returned in AllSetsWithAtMost(n, s))
            Assert.True(CheckRecovery(code, returned, rng) <= 1e-9);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(1.0, code.Coefficient(i, i));
            for (int j = 0; j < n; j++)
                if ((j - i + n) % n > s) Assert.Equal(0.0, code.Coefficient(i, j)); // cyclic support
        }
    }

    [Fact]
    public void Cyclic_repetition_needs_n_minus_s_returns()
    {
        var code = new CyclicRepetitionCode(6, 2, new Rng(4));
        var a = new double[6];
        var res = code.Decode([false, false, false, true, true, true], a);
        Assert.False(res.Success);
    }

    [Theory]
    [InlineData(256, 15, 5)]
    [InlineData(256, 27, 6)]
    public void Cyclic_repetition_at_n_256_recovers_the_sum_to_1e_9_under_the_residual_check(int n, int s, ulong seed)
    {
        // Spec §6 item 5 and §2.1 review note: absolute residual bound 1e-9, fallback (SVD on all returned) or re-draw.
        var rng = new Rng(seed);
        int redraws = 0, checkedSets = 0;
        for (int draw = 0; draw < 3; draw++)
        {
            var code = new CyclicRepetitionCode(n, s, rng.Split());
            for (int k = 0; k < 4; k++)
            {
                var returned = new bool[n];
                Array.Fill(returned, true);
                if (k == 0) { int start = rng.NextInt(n); for (int t = 0; t < s; t++) returned[(start + t) % n] = false; }
                else { var idx = new int[n]; for (int i = 0; i < n; i++) idx[i] = i; rng.Shuffle(idx.AsSpan()); for (int t = 0; t < s; t++) returned[idx[t]] = false; }
                var a = new double[n];
                var res = code.Decode(returned, a);
                if (!res.Success) { redraws++; continue; } // the documented remedy: re-draw H
                Assert.True(res.Residual <= CyclicRepetitionCode.ResidualBound);
                Assert.True(CheckRecovery(code, returned, rng) <= 1e-9);
                checkedSets++;
            }
        }
        Assert.True(checkedSets >= 8, $"only {checkedSets} of 12 decodes passed the residual check ({redraws} need a re-draw)");
    }

    [Fact]
    public void Cyclic_repetition_decodes_every_round_of_a_500_round_synthetic_trace_at_n_256_s_27()
    {
        // The replay benchmark's setting: 500 straggler sets (4..23 stragglers, mu = 1) from the synthetic trace
        // generator and one draw of H. Measured: all 500 pass the 1e-9 residual check, 2 of them through the SVD
        // fallback. The old banded elimination failed it on 119 sets and 2 failed outright.
        var trace = new OnlineAlgos.GradientCoding.Generators.SyntheticTraceGenerator().Generate(256, 500, 0, new Rng(3));
        var pattern = trace.DerivePattern(1.0);
        var code = new CyclicRepetitionCode(256, 27, new Rng(4));
        var rng = new Rng(5);
        int fallbacks = 0;
        for (int r = 0; r < 500; r++)
        {
            var returned = new bool[256];
            for (int i = 0; i < 256; i++) returned[i] = !pattern.Round(r)[i];
            var a = new double[256];
            var res = code.Decode(returned, a);
            Assert.True(res.Success, $"round {r}: residual {res.Residual}");
            Assert.True(res.Residual <= CyclicRepetitionCode.ResidualBound);
            if (res.UsedFallback) fallbacks++;
            if (r % 50 == 0) Assert.True(CheckRecovery(code, returned, rng) <= 1e-9);
        }
        Assert.True(fallbacks <= 10, $"{fallbacks} of 500 decodes needed the SVD fallback (2 measured)");
    }

    [Theory]
    [InlineData(64, 15, 11)]
    [InlineData(256, 27, 12)]
    public void Banded_least_squares_equals_MathNet_dense_QR_on_the_same_rows(int n, int s, ulong seed)
    {
        // Independent cross-check of the banded Householder solver: on the first n - s returned workers the system has
        // full column rank, so the least-squares solution is unique and MathNet's dense QR must find the same one.
        var code = new CyclicRepetitionCode(n, s, new Rng(seed));
        var rng = new Rng(seed + 100);
        int compared = 0;
        for (int rep = 0; rep < 6; rep++)
        {
            var returned = new bool[n];
            Array.Fill(returned, true);
            int stragglers = rng.NextInt(s + 1);
            if (rep == 0) for (int t = 0; t < s; t++) returned[(n - s / 2 + t) % n] = false; // a block across the wrap
            else
            {
                var idx = new int[n];
                for (int i = 0; i < n; i++) idx[i] = i;
                rng.Shuffle(idx.AsSpan());
                for (int t = 0; t < stragglers; t++) returned[idx[t]] = false;
            }
            var a = new double[n];
            var res = code.Decode(returned, a);
            if (res.UsedFallback) continue; // the fallback solves a different (all-returned) system
            var rows = Enumerable.Range(0, n).Where(i => returned[i]).Take(n - s).ToArray();
            var bt = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, rows.Length, (j, k) => code.Coefficient(rows[k], j));
            var dense = bt.QR().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n, 1.0));
            double scale = dense.AbsoluteMaximum();
            for (int k = 0; k < rows.Length; k++)
                Assert.True(Math.Abs(a[rows[k]] - dense[k]) <= 1e-6 * scale, $"worker {rows[k]}: {a[rows[k]]} vs {dense[k]}");
            for (int i = 0; i < n; i++) if (!rows.Contains(i)) Assert.Equal(0.0, a[i]);
            compared++;
        }
        Assert.True(compared >= 4, $"only {compared} of 6 decodes took the banded path");
    }

    [Fact]
    public void Svd_fallback_over_all_returned_workers_is_the_minimum_norm_solution()
    {
        // With more than n - s returns B_F^T has rank n - s < |F|: the fallback must truncate, and its solution,
        // being minimum-norm, is no longer than the first-(n - s) least-squares solution padded with zeros.
        var code = new CyclicRepetitionCode(256, 27, new Rng(9));
        var rng = new Rng(10);
        for (int rep = 0; rep < 4; rep++)
        {
            var returned = new bool[256];
            Array.Fill(returned, true);
            var idx = new int[256];
            for (int i = 0; i < 256; i++) idx[i] = i;
            rng.Shuffle(idx.AsSpan());
            for (int t = 0; t < 5 + 5 * rep; t++) returned[idx[t]] = false;
            var svd = new double[256];
            double residual = code.DecodeBySvd(returned, svd);
            Assert.True(residual <= CyclicRepetitionCode.ResidualBound, $"SVD residual {residual}");
            var primary = new double[256];
            Assert.True(code.Decode(returned, primary).Success);
            double n1 = 0, n2 = 0;
            for (int i = 0; i < 256; i++) { n1 += svd[i] * svd[i]; n2 += primary[i] * primary[i]; }
            Assert.True(n1 <= n2 * (1 + 1e-6), $"min-norm {Math.Sqrt(n1)} > {Math.Sqrt(n2)}");
            for (int i = 0; i < 256; i++) if (!returned[i]) Assert.Equal(0.0, svd[i]);
        }
    }

    [Fact]
    public void Factory_prefers_fractional_repetition_when_s_plus_1_divides_n()
    {
        Assert.IsType<FractionalRepetitionCode>(GradientCodes.Create(256, 15, new Rng(1)));
        Assert.IsType<CyclicRepetitionCode>(GradientCodes.Create(256, 27, new Rng(1)));
    }
}

public class GradientCombinerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(1037)]
    public void Both_paths_agree_with_a_scalar_double_reference(int dim)
    {
        var rng = new Rng((ulong)dim);
        var parts = new List<float[]>();
        var coef = new double[9];
        for (int i = 0; i < 9; i++)
        {
            var f = new float[dim];
            for (int k = 0; k < dim; k++) f[k] = (float)rng.NextGaussian();
            parts.Add(f);
            coef[i] = i == 4 ? 0 : rng.NextGaussian() * 100;
        }
        var reference = new double[dim];
        for (int i = 0; i < 9; i++) for (int k = 0; k < dim; k++) reference[k] += coef[i] * parts[i][k];
        var d = new double[dim];
        GradientCombiner.CombineDouble(parts, coef, d);
        var s = new float[dim];
        GradientCombiner.CombineSingle(parts, coef, s);
        for (int k = 0; k < dim; k++)
        {
            Assert.Equal(reference[k], d[k], 9);
            Assert.True(Math.Abs(reference[k] - s[k]) <= 1e-3 * (1 + Math.Abs(reference[k])));
        }
    }
}
