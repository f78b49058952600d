using System.Numerics.Tensors;

namespace OnlineAlgos.MoeBalancing.Model;

/// <summary>
/// Group-limited biased top-K routing (spec A2e, DeepSeek-V3 inference code): the E experts form G contiguous groups
/// of E/G; a group's score is the sum of its two largest biased scores (its one score when groups have size 1); the
/// <c>topGroups</c> best groups are kept (ties: smaller group index) and every other expert is masked out; the token
/// then takes the K largest biased scores among the kept experts with <see cref="TopKRouter"/>'s tie order. As in
/// <see cref="TopKRouter"/> the bias only selects; gate weights (V3: the unbiased scores normalised, × 2.5) are left
/// to the caller. With topGroups = G it equals plain top-K routing. O(T·E) per batch plus O(T·G log G).
/// </summary>
public static class GroupLimitedRouter
{
    /// <summary>
    /// Routes every token: the K chosen experts of token t, best first, go to assignment[t·K .. t·K+K), per-expert
    /// counts to <paramref name="loads"/> (cleared first). V3 uses G = 8, topGroups = 4, K = 8 over E = 256.
    /// </summary>
    public static void Route(ScoreMatrix scores, ReadOnlySpan<double> bias, int k, int groups, int topGroups,
        Span<int> assignment, Span<int> loads)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int e = scores.Experts, t = scores.Tokens;
        if (bias.Length != e) throw new ArgumentException($"bias has {bias.Length} entries, expected E = {e}", nameof(bias));
        if (groups < 1 || e % groups != 0)
            throw new ArgumentException($"groups must divide the number of experts E = {e}, got {groups}", nameof(groups));
        int size = e / groups;
        if (topGroups < 1 || topGroups > groups)
            throw new ArgumentException($"topGroups must be in 1..{groups}, got {topGroups}", nameof(topGroups));
        if (k < 1 || k > topGroups * size)
            throw new ArgumentException($"K must be in 1..{topGroups * size} (experts in the kept groups), got {k}", nameof(k));
        if (assignment.Length < t * k) throw new ArgumentException("assignment must have room for T·K entries", nameof(assignment));
        if (loads.Length < e) throw new ArgumentException("loads must have length E", nameof(loads));
        loads[..e].Clear();
        Span<double> row = e <= 512 ? stackalloc double[e] : new double[e];
        Span<double> groupScore = groups <= 256 ? stackalloc double[groups] : new double[groups];
        Span<bool> kept = groups <= 256 ? stackalloc bool[groups] : new bool[groups];
        Span<double> vals = k <= 256 ? stackalloc double[k] : new double[k];
        for (int tok = 0; tok < t; tok++)
        {
            var src = scores.Row(tok);
            TensorPrimitives.Add(src, bias, row);
            for (int g = 0; g < groups; g++)
            {
                double a = double.NegativeInfinity, b = double.NegativeInfinity; // two largest of the group
                for (int i = g * size; i < (g + 1) * size; i++)
                {
                    double v = row[i];
                    if (v > a) { b = a; a = v; }
                    else if (v > b) b = v;
                }
                groupScore[g] = size == 1 ? a : a + b;
            }
            kept.Clear();
            for (int r = 0; r < topGroups; r++)
            {
                int best = -1;
                for (int g = 0; g < groups; g++)
                    if (!kept[g] && (best < 0 || groupScore[g] > groupScore[best])) best = g;
                kept[best] = true;
            }
            for (int g = 0; g < groups; g++)
                if (!kept[g]) row.Slice(g * size, size).Fill(double.NegativeInfinity);
            var idx = assignment.Slice(tok * k, k);
            TopKRouter.SelectSorted(row, k, idx, vals);
            for (int j = 0; j < k; j++) loads[idx[j]]++;
        }
    }

    /// <summary>Routes and returns a fresh assignment (T·K) and loads (E).</summary>
    public static (int[] Assignment, int[] Loads) Route(ScoreMatrix scores, ReadOnlySpan<double> bias, int k, int groups, int topGroups)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var a = new int[scores.Tokens * k];
        var l = new int[scores.Experts];
        Route(scores, bias, k, groups, topGroups, a, l);
        return (a, l);
    }
}
