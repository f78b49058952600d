using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace OnlineAlgos.MoeBalancing.Model;

/// <summary>
/// Biased top-K routing R(S, p) (spec §1): token t takes the K experts with the largest s_{t,i} + p_i (or s_{t,i}·b_i
/// under <see cref="SelectionRule.Multiplicative"/>); ties go to the larger value first, then the smaller index, so
/// routing is deterministic. The bias only selects; gate weights stay the unbiased scores.
/// </summary>
/// <remarks>
/// O(T·E) per batch: the bias is added with a SIMD <see cref="TensorPrimitives"/> call, then one pass keeps a sorted
/// size-K buffer and rejects most scores with a single comparison against the current K-th value. No allocation per
/// token; the caller supplies a scratch row of length E.
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
        for (int i = k; i < values.Length; i++)
        {
            double v = values[i];
            if (!(v > threshold)) continue; // equal values lose to the earlier (smaller) index
            int j = k - 2;
            while (j >= 0 && topValues[j] < v)
            {
                topValues[j + 1] = topValues[j];
                indices[j + 1] = indices[j];
                j--;
            }
            topValues[j + 1] = v;
            indices[j + 1] = i;
            threshold = topValues[k - 1];
        }
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
