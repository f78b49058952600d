using OnlineAlgos.Core;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// Ordered pivotal sampling (Srinivasan FOCS'01, Gandhi et al. J.ACM'06; spec §2.2): rounds y ∈ [0,1]^k to 0/1 along
/// a fixed order so that (P1) E[Y_l] = y_l, (P2) Σ Y ∈ {⌊Σ y⌋, ⌈Σ y⌉}, (P3) every prefix count is the floor or ceiling
/// of the prefix sum, (P4) negative cylinder dependence. Hence Pr[some of the first m selected] = min(1, Σ_{r≤m} y_r)
/// exactly. One "holder" carries the fractional residue; each later item either merges with it (sum &lt; 1) or one of
/// the two settles at 1 (overflow). O(k) time, at most k uniforms, no allocation.
/// </summary>
/// <remarks>Values within 1e-12 of 0 or 1 are treated as 0 or 1, and the residue is kept in [0, 1].
/// <see cref="Distribution"/> enumerates the same procedure's branches exactly (for tests and exact evaluation).</remarks>
public static class PivotalSampling
{
    /// <summary>Largest input of <see cref="Distribution"/>.</summary>
    public const int MaxDistributionItems = 24;

    /// <summary>Values closer than this to 0 or 1 are snapped.</summary>
    public const double Snap = 1e-12;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Clamp(double v) => v <= Snap ? 0 : v >= 1 - Snap ? 1 : v;

    /// <summary>Samples: writes 0/1 selections into <paramref name="selected"/> (same length as y).</summary>
    public static void Sample(ReadOnlySpan<double> y, Span<bool> selected, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        int k = y.Length;
        if (selected.Length < k) throw new ArgumentException("selected is shorter than y", nameof(selected));
        selected[..k].Clear();
        if (k == 0) return;
        int holder = 0;
        double a = Clamp(y[0]);
        for (int r = 1; r < k; r++)
        {
            double b = Clamp(y[r]);
            double sum = a + b;
            if (sum < 1)
            {
                if (sum <= 0) continue;
                if (rng.NextDouble() * sum < b) holder = r;
                a = Clamp(sum);
            }
            else
            {
                double denom = 2 - sum;
                if (denom <= Snap)
                {
                    selected[holder] = true;
                    holder = r;
                    a = 1;
                    continue;
                }
                if (rng.NextDouble() * denom < 1 - b)
                {
                    selected[holder] = true;
                    holder = r;
                }
                else
                {
                    selected[r] = true;
                }
                a = Clamp(sum - 1);
            }
        }
        if (a >= 1 || (a > 0 && rng.NextDouble() < a)) selected[holder] = true;
    }

    /// <summary>
    /// The exact output distribution of <see cref="Sample"/>: every reachable selection (bit l = item l, k ≤ 62) with
    /// its probability, by enumerating the procedure's two-way branches (2^k paths at most) and merging equal
    /// selections. Probabilities sum to 1. At most <see cref="MaxDistributionItems"/> items.
    /// </summary>
    public static IReadOnlyList<(ulong Selected, double Probability)> Distribution(ReadOnlySpan<double> y)
    {
        int k = y.Length;
        if (k > MaxDistributionItems) throw new ArgumentOutOfRangeException(nameof(y), $"exact enumeration handles at most {MaxDistributionItems} items (2^k branches)");
        var result = new Dictionary<ulong, double>();
        if (k == 0)
        {
            result[0] = 1;
            return ToList(result);
        }
        var vals = new double[k];
        for (int i = 0; i < k; i++) vals[i] = Clamp(y[i]);
        // States: (holder, residue a, selection) with probability.
        var states = new List<(int Holder, double A, ulong Sel, double P)> { (0, vals[0], 0UL, 1.0) };
        for (int r = 1; r < k; r++)
        {
            var nextStates = new List<(int, double, ulong, double)>(states.Count * 2);
            double b = vals[r];
            foreach (var (holder, a, sel, p) in states)
            {
                double sum = a + b;
                if (sum < 1)
                {
                    if (sum <= 0) { nextStates.Add((holder, a, sel, p)); continue; }
                    double na = Clamp(sum);
                    double pNew = b / sum;
                    if (pNew > 0) nextStates.Add((r, na, sel, p * pNew));
                    if (pNew < 1) nextStates.Add((holder, na, sel, p * (1 - pNew)));
                }
                else
                {
                    double denom = 2 - sum;
                    if (denom <= Snap)
                    {
                        nextStates.Add((r, 1, sel | 1UL << holder, p));
                        continue;
                    }
                    double na = Clamp(sum - 1);
                    double pOld = (1 - b) / denom;
                    if (pOld > 0) nextStates.Add((r, na, sel | 1UL << holder, p * pOld));
                    if (pOld < 1) nextStates.Add((holder, na, sel | 1UL << r, p * (1 - pOld)));
                }
            }
            states = nextStates;
        }
        foreach (var (holder, a, sel, p) in states)
        {
            if (a > 0) Add(result, sel | 1UL << holder, p * a);
            if (a < 1) Add(result, sel, p * (1 - a));
        }
        return ToList(result);
    }

    private static void Add(Dictionary<ulong, double> d, ulong key, double p)
    {
        d.TryGetValue(key, out double old);
        d[key] = old + p;
    }

    private static List<(ulong, double)> ToList(Dictionary<ulong, double> d)
    {
        var list = new List<(ulong, double)>(d.Count);
        foreach (var kv in d) list.Add((kv.Key, kv.Value));
        list.Sort(static (x, y) => x.Item1.CompareTo(y.Item1));
        return list;
    }
}
