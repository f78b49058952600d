using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OnlineAlgos.MoeBalancing.Model;

/// <summary>
/// Biased top-K routing R(S, p) (spec §1): token t takes the K experts with the largest s_{t,i} + p_i (or s_{t,i}·b_i
/// under <see cref="SelectionRule.Multiplicative"/>); ties go to the larger value first, then the smaller index, so
/// routing is deterministic. The bias only selects; gate weights stay the unbiased scores.
/// </summary>
/// <remarks>
/// O(T·E) per batch. For K ≤ 8 and E a multiple of 8 (the MoE shapes) on AVX-512 hardware the row is biased, scanned
/// for a lower bound of the K-th largest value, compressed to the few candidates above it and ranked branch-free (see
/// <c>SelectAvx512</c>); elsewhere a 256-bit filter or a plain insertion scan gives the identical result. No
/// allocation per call beyond stack scratch.
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
        bool avx512 = UseAvx512(e, k);
        // Candidate scratch of the AVX-512 path, allocated once per batch rather than per token (UseAvx512 implies E <= 512).
        Span<double> cv = avx512 ? stackalloc double[e + 24] : default;
        Span<long> ci = avx512 ? stackalloc long[e + 8] : default;
        for (int tok = 0; tok < t; tok++)
        {
            var src = data.Slice(tok * e, e);
            if (rule == SelectionRule.Additive) TensorPrimitives.Add(src, bias, row);
            else TensorPrimitives.Multiply(src, bias, row);
            var idx = assignment.Slice(tok * k, k);
            if (avx512) SelectAvx512(row, k, idx, vals, cv, ci);
            else SelectSortedPortable(row, k, idx, vals);
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
        if (UseAvx512(n, k))
        {
            Span<double> cv = stackalloc double[n + 24];
            Span<long> ci = stackalloc long[n + 8];
            SelectAvx512(values, k, indices, topValues, cv, ci);
            return;
        }
        SelectSortedPortable(values, k, indices, topValues);
    }

    /// <summary>The selection without AVX-512 (256-bit filter or scalar scan); internal so tests cover it on any CPU.</summary>
    internal static void SelectSortedPortable(ReadOnlySpan<double> values, int k, Span<int> indices, Span<double> topValues)
    {
        int n = values.Length;
        if (Vector256.IsHardwareAccelerated && k <= 8 && n >= 16 && (n & 7) == 0)
        {
            SelectSortedFiltered(values, k, indices, topValues);
            return;
        }
        // Seed with the first K entries in sorted order (insertion sort; strict '<' keeps the smaller index first on ties).
        for (int i = 0; i < k; i++) InsertSorted(values[i], i, i, indices, topValues);
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
                    InsertSorted(v, q, count, indices, topValues);
                    if (++count == k) threshold = topValues[k - 1];
                }
                else threshold = Insert(v, q, k, indices, topValues, threshold);
            }
        }
        if (count < k) throw NonFinite();
    }

    private static bool UseAvx512(int n, int k) => Avx512F.IsSupported && k <= 8 && n >= 16 && (n & 7) == 0 && n <= 512;

    // The minimum of the 8 lane-wise maxima (8-lane blocks) is at most the K-th largest value for K <= 8: the 8 lane
    // maxima are distinct entries. Raw vmaxpd ignores NaN, so NaN is detected separately instead of silently dropping a
    // score.
    private static double MaxLowerBoundAvx512(ReadOnlySpan<double> values)
    {
        ref double r0 = ref MemoryMarshal.GetReference(values);
        var mx = Vector512.Create(double.NegativeInfinity);
        var nan = Vector512<double>.Zero;
        for (int i = 0; i < values.Length; i += 8)
        {
            var v = Vector512.LoadUnsafe(ref r0, (nuint)i);
            mx = Avx512F.Max(mx, v);
            nan |= Avx512F.CompareUnordered(v, v);
        }
        if (nan != Vector512<double>.Zero) throw NonFinite();
        return HorizontalMin(mx);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double HorizontalMin(Vector512<double> v)
    {
        var h = Avx.Min(v.GetLower(), v.GetUpper());
        var q = Sse2.Min(h.GetLower(), h.GetUpper());
        return Math.Min(q.ToScalar(), q.GetElement(1));
    }

    // Entries >= t0 (MaxLowerBoundAvx512) are compressed in index order into cv (length >= n + 24) and ci; every top-K
    // entry is among them. Each candidate's rank in the order (value desc, index asc) is counted with one mask compare
    // per 8 candidates (two when ties force a rerank) and written to slot min(rank, K): no data-dependent branch, which
    // is what made the insertion scan slow (about one mispredict per candidate). More than 64 candidates (heavy ties)
    // fall back to the insertion scan over the candidates.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SelectAvx512(ReadOnlySpan<double> row, int k, Span<int> indices, Span<double> topValues,
        Span<double> cv, Span<long> ci)
    {
        int n = row.Length;
        double t0 = MaxLowerBoundAvx512(row);
        ref double r0 = ref MemoryMarshal.GetReference(row);
        ref double c0 = ref MemoryMarshal.GetReference(cv);
        ref long i0 = ref MemoryMarshal.GetReference(ci);
        var tv = Vector512.Create(t0);
        var lane = Vector512.Create(0L, 1, 2, 3, 4, 5, 6, 7);
        int m = 0;
        for (int i = 0; i < n; i += 8)
        {
            var v = Vector512.LoadUnsafe(ref r0, (nuint)i);
            var keep = Avx512F.CompareGreaterThanOrEqual(v, tv);
            Avx512F.Compress(Vector512<double>.Zero, keep, v).StoreUnsafe(ref c0, (nuint)m);
            Avx512F.Compress(Vector512<long>.Zero, keep.AsInt64(), lane + Vector512.Create((long)i)).StoreUnsafe(ref i0, (nuint)m);
            m += System.Numerics.BitOperations.PopCount(keep.ExtractMostSignificantBits());
        }
        if (m < k) throw NonFinite();
        if (m > 64)
        {
            SelectCandidatesByInsertion(cv[..m], ci[..m], k, indices, topValues);
            return;
        }
        // −inf padding so the fixed three-vector load in RankDistinct never counts stale entries.
        var pad = Vector512.Create(double.NegativeInfinity);
        pad.StoreUnsafe(ref c0, (nuint)m);
        pad.StoreUnsafe(ref c0, (nuint)(m + 8));
        pad.StoreUnsafe(ref c0, (nuint)(m + 16));
        Span<int> oi = stackalloc int[9];
        Span<double> ov = stackalloc double[9];
        if (!RankDistinct(ref c0, ref i0, m, k, oi, ov)) RankWithTies(ref c0, ref i0, m, k, oi, ov);
        oi[..k].CopyTo(indices);
        ov[..k].CopyTo(topValues);
    }

    // Without ties the rank of candidate j is #{c >= c_j} − 1: one compare per 8 candidates. Tied values get equal
    // counts, so the ranks then fail to be a permutation of 0..m−1 and the caller reranks with the tie rule.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool RankDistinct(ref double c0, ref long i0, int m, int k, Span<int> oi, Span<double> ov)
    {
        ulong seen = 0;
        var c1 = Vector512.LoadUnsafe(ref c0, 0);
        var c2 = Vector512.LoadUnsafe(ref c0, 8);
        var c3 = Vector512.LoadUnsafe(ref c0, 16);
        if (m <= 24)
        {
            for (int j = 0; j < m; j++)
            {
                double vj = Unsafe.Add(ref c0, j);
                var vb = Vector512.Create(vj);
                ulong ge = Avx512F.CompareGreaterThanOrEqual(c1, vb).ExtractMostSignificantBits()
                    | (Avx512F.CompareGreaterThanOrEqual(c2, vb).ExtractMostSignificantBits() << 8)
                    | (Avx512F.CompareGreaterThanOrEqual(c3, vb).ExtractMostSignificantBits() << 16);
                int rank = System.Numerics.BitOperations.PopCount(ge) - 1;
                seen |= 1UL << rank;
                int slot = BranchFreeMin(rank, k);
                oi[slot] = (int)Unsafe.Add(ref i0, j);
                ov[slot] = vj;
            }
        }
        else
        {
            int blocks = (m + 7) >> 3;
            for (int j = 0; j < m; j++)
            {
                double vj = Unsafe.Add(ref c0, j);
                var vb = Vector512.Create(vj);
                ulong ge = 0;
                for (int b = 0; b < blocks; b++)
                    ge |= (ulong)Avx512F.CompareGreaterThanOrEqual(Vector512.LoadUnsafe(ref c0, (nuint)(b << 3)), vb).ExtractMostSignificantBits() << (b << 3);
                int rank = System.Numerics.BitOperations.PopCount(ge) - 1;
                seen |= 1UL << rank;
                int slot = BranchFreeMin(rank, k);
                oi[slot] = (int)Unsafe.Add(ref i0, j);
                ov[slot] = vj;
            }
        }
        return seen == (m == 64 ? ulong.MaxValue : (1UL << m) - 1);
    }

    // rank_j = #{larger} + #{equal with a smaller index}: the order (value desc, index asc).
    private static void RankWithTies(ref double c0, ref long i0, int m, int k, Span<int> oi, Span<double> ov)
    {
        int blocks = (m + 7) >> 3;
        for (int j = 0; j < m; j++)
        {
            double vj = Unsafe.Add(ref c0, j);
            var vb = Vector512.Create(vj);
            ulong gt = 0, ge = 0;
            for (int b = 0; b < blocks; b++)
            {
                var c = Vector512.LoadUnsafe(ref c0, (nuint)(b << 3));
                gt |= (ulong)Avx512F.CompareGreaterThan(c, vb).ExtractMostSignificantBits() << (b << 3);
                ge |= (ulong)Avx512F.CompareGreaterThanOrEqual(c, vb).ExtractMostSignificantBits() << (b << 3);
            }
            int rank = System.Numerics.BitOperations.PopCount(gt | (ge & ((1UL << j) - 1)));
            int slot = BranchFreeMin(rank, k);
            oi[slot] = (int)Unsafe.Add(ref i0, j);
            ov[slot] = vj;
        }
    }

    private static void SelectCandidatesByInsertion(ReadOnlySpan<double> cv, ReadOnlySpan<long> ci, int k, Span<int> indices, Span<double> topValues)
    {
        for (int i = 0; i < k; i++) InsertSorted(cv[i], (int)ci[i], i, indices, topValues);
        double threshold = topValues[k - 1];
        for (int i = k; i < cv.Length; i++) threshold = Insert(cv[i], (int)ci[i], k, indices, topValues, threshold);
    }

    // The JIT turns Math.Min into a compare-and-jump here, and rank > K is a coin flip: mispredicts dominated the cost.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int BranchFreeMin(int a, int b)
    {
        int d = b - a;
        return a + (d & (d >> 31));
    }

    private static InvalidOperationException NonFinite() =>
        new("non-finite (NaN) routing values: a score times or plus its bias is NaN, so top-K is undefined");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Insert(double v, int i, int k, Span<int> indices, Span<double> topValues, double threshold)
    {
        if (!(v > threshold)) return threshold; // equal values lose to the earlier (smaller) index
        InsertSorted(v, i, k - 1, indices, topValues);
        return topValues[k - 1];
    }

    // Inserts (v, index) into the sorted prefix of length len (value desc; strict '<' keeps the earlier index first on
    // ties), growing it by one; a full buffer passes len = K - 1 so its last entry falls off.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InsertSorted(double v, int index, int len, Span<int> indices, Span<double> topValues)
    {
        int j = len - 1;
        while (j >= 0 && topValues[j] < v)
        {
            topValues[j + 1] = topValues[j];
            indices[j + 1] = indices[j];
            j--;
        }
        topValues[j + 1] = v;
        indices[j + 1] = index;
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
