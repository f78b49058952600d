using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OnlineAlgos.MoeBalancing.Model;

/// <summary>
/// Biased top-K routing R(S, p) (spec §1): token t takes the K experts with the largest s_{t,i} + p_i (or s_{t,i}·b_i
/// under <see cref="SelectionRule.Multiplicative"/>); ties go to the larger value first, then the smaller index, so
/// routing is deterministic. The bias only selects; gate weights stay the unbiased scores.
/// </summary>
/// <remarks>
/// O(T·E) per batch: the bias is added with a SIMD <see cref="TensorPrimitives"/> call, then one pass keeps a sorted
/// size-K buffer; 256-bit vector compares against the current K-th value skip whole blocks of 4 scores that cannot
/// enter, so most scores cost one vector compare. No allocation per call beyond stack scratch.
/// </remarks>
public static class TopKRouter
{
    /// <summary>
    /// Routes every token of <paramref name="scores"/>: writes the K chosen experts of token t, best first, to
    /// assignment[t·K .. t·K+K) and the per-expert counts n_i to <paramref name="loads"/> (cleared first).
    /// </summary>
    public static void Route(ScoreMatrix scores, ReadOnlySpan<double> bias, int k, Span<int> assignment, Span<int> loads,
        SelectionRule rule = SelectionRule.Additive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int e = scores.Experts, t = scores.Tokens;
        Validate(e, bias.Length, k);
        if (assignment.Length < t * k) throw new ArgumentException("assignment must have room for T·K entries", nameof(assignment));
        if (loads.Length < e) throw new ArgumentException("loads must have length E", nameof(loads));
        loads[..e].Clear();
        Span<double> row = e <= 512 ? stackalloc double[e] : new double[e];
        Span<double> vals = k <= 256 ? stackalloc double[k] : new double[k];
        var data = scores.Data.AsSpan();
        for (int tok = 0; tok < t; tok++)
        {
            var src = data.Slice(tok * e, e);
            if (rule == SelectionRule.Additive) TensorPrimitives.Add(src, bias, row);
            else TensorPrimitives.Multiply(src, bias, row);
            var idx = assignment.Slice(tok * k, k);
            SelectSorted(row, k, idx, vals);
            for (int j = 0; j < k; j++) loads[idx[j]]++;
        }
    }

    /// <summary>Routes and returns a fresh assignment (T·K) and loads (E); convenience for tests and tools.</summary>
    public static (int[] Assignment, int[] Loads) Route(ScoreMatrix scores, ReadOnlySpan<double> bias, int k,
        SelectionRule rule = SelectionRule.Additive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var a = new int[scores.Tokens * k];
        var l = new int[scores.Experts];
        Route(scores, bias, k, a, l, rule);
        return (a, l);
    }

    /// <summary>
    /// The K largest entries of <paramref name="values"/> (ties: smaller index first), best first: indices into
    /// <paramref name="indices"/>, values into <paramref name="topValues"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SelectSorted(ReadOnlySpan<double> values, int k, Span<int> indices, Span<double> topValues)
    {
        int n = values.Length;
        if (Vector256.IsHardwareAccelerated && k <= 8 && n >= 16 && (n & 7) == 0)
        {
            SelectSortedFiltered(values, k, indices, topValues);
            return;
        }
        // Seed with the first K entries in sorted order (insertion sort; strict '<' keeps the smaller index first on ties).
        for (int i = 0; i < k; i++)
        {
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && topValues[j] < v)
            {
                topValues[j + 1] = topValues[j];
                indices[j + 1] = indices[j];
                j--;
            }
            topValues[j + 1] = v;
            indices[j + 1] = i;
        }
        double threshold = topValues[k - 1];
        for (int i = k; i < n; i++) threshold = Insert(values[i], i, k, indices, topValues, threshold);
    }

    // Two SIMD passes for K <= 8 and E divisible by 8. Pass 1: lane-wise maxima of the blocks at even and odd 4-offsets
    // give the maxima of 8 disjoint strided groups; their minimum t0 is at most the K-th largest value (8 distinct
    // elements reach it). Pass 2: only entries >= t0 are candidates (ties at t0 kept, since the index tie-break may
    // admit them); inserting the candidates in index order gives exactly the full scan's top-K, because the top-K of a
    // totally ordered set (value desc, index asc) is the top-K of any subset that contains it.
    private static void SelectSortedFiltered(ReadOnlySpan<double> values, int k, Span<int> indices, Span<double> topValues)
    {
        int n = values.Length;
        ref double r0 = ref MemoryMarshal.GetReference(values);
        var m0 = Vector256.LoadUnsafe(ref r0, 0);
        var m1 = Vector256.LoadUnsafe(ref r0, 4);
        for (int i = 8; i < n; i += 8)
        {
            m0 = Vector256.Max(m0, Vector256.LoadUnsafe(ref r0, (nuint)i));
            m1 = Vector256.Max(m1, Vector256.LoadUnsafe(ref r0, (nuint)(i + 4)));
        }
        var mm = Vector256.Min(m0, m1);
        double t0 = Math.Min(Math.Min(mm[0], mm[1]), Math.Min(mm[2], mm[3]));
        var tv = Vector256.Create(t0);
        int count = 0;
        double threshold = double.NegativeInfinity;
        for (int i = 0; i < n; i += 4)
        {
            uint mask = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref r0, (nuint)i), tv).ExtractMostSignificantBits();
            while (mask != 0)
            {
                int q = i + System.Numerics.BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                double v = values[q];
                if (count < k)
                {
                    int j = count - 1;
                    while (j >= 0 && topValues[j] < v)
                    {
                        topValues[j + 1] = topValues[j];
                        indices[j + 1] = indices[j];
                        j--;
                    }
                    topValues[j + 1] = v;
                    indices[j + 1] = q;
                    if (++count == k) threshold = topValues[k - 1];
                }
                else threshold = Insert(v, q, k, indices, topValues, threshold);
            }
        }
        if (count < k) throw new InvalidOperationException("non-finite (NaN) routing values: the SIMD filter found fewer than K candidates");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Insert(double v, int i, int k, Span<int> indices, Span<double> topValues, double threshold)
    {
        if (!(v > threshold)) return threshold; // equal values lose to the earlier (smaller) index
        int j = k - 2;
        while (j >= 0 && topValues[j] < v)
        {
            topValues[j + 1] = topValues[j];
            indices[j + 1] = indices[j];
            j--;
        }
        topValues[j + 1] = v;
        indices[j + 1] = i;
        return topValues[k - 1];
    }

    /// <summary>Sum of the K largest of s_t + p for one row: the token's term of the dual function D(p).</summary>
    public static double TopKSum(ReadOnlySpan<double> row, ReadOnlySpan<double> bias, int k, Span<double> scratch, Span<int> idxScratch, Span<double> valScratch)
    {
        TensorPrimitives.Add(row, bias, scratch);
        SelectSorted(scratch, k, idxScratch, valScratch);
        double s = 0;
        for (int j = 0; j < k; j++) s += valScratch[j];
        return s;
    }

    /// <summary>
    /// margin_t(p): the K-th minus the (K+1)-th largest of s_t + p (spec T4); +infinity when K = E. Routing of token t
    /// cannot change while every bias moves by less than half of it.
    /// </summary>
    public static double Margin(ReadOnlySpan<double> row, ReadOnlySpan<double> bias, int k)
    {
        int e = row.Length;
        if (k >= e) return double.PositiveInfinity;
        Span<double> tmp = e <= 512 ? stackalloc double[e] : new double[e];
        TensorPrimitives.Add(row, bias, tmp);
        Span<int> idx = stackalloc int[k + 1];
        Span<double> vals = stackalloc double[k + 1];
        SelectSorted(tmp, k + 1, idx, vals);
        return vals[k - 1] - vals[k];
    }

    internal static void Validate(int experts, int biasLength, int k)
    {
        if (biasLength != experts) throw new ArgumentException($"bias has {biasLength} entries, expected E = {experts}");
        if (k < 1 || k > experts) throw new ArgumentOutOfRangeException(nameof(k), $"K must be in 1..E = {experts}, got {k}");
    }
}
