using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Offline;

/// <summary>Feasibility rules and the default capacity of spec §1's BAP and CAP_C.</summary>
public static class AssignmentProblem
{
    /// <summary>Default capacity C = ⌈T·K/E⌉, the tightest feasible one.</summary>
    public static int DefaultCapacity(int tokens, int k, int experts) => (int)(((long)tokens * k + experts - 1) / experts);

    /// <summary>Null when feasible, else why not. <paramref name="balanced"/>: BAP (column sums = L); else CAP_C (≤ C).</summary>
    public static string? Check(ScoreMatrix scores, int k, int capacity, bool balanced)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int t = scores.Tokens, e = scores.Experts;
        if (k < 1 || k > e) return $"K = {k} must be between 1 and E = {e}";
        if (capacity < 0) return $"capacity must be >= 0, got {capacity}";
        long tk = (long)t * k;
        if (balanced)
        {
            if (tk % e != 0) return $"L = T·K/E = {t}·{k}/{e} is not an integer: the balanced problem is infeasible (use a capacity, e.g. C = {DefaultCapacity(t, k, e)})";
            if (capacity != tk / e) return $"balanced problem needs capacity L = {tk / e}";
        }
        else if ((long)e * capacity < tk)
        {
            return $"capacity C = {capacity} is too small: E·C = {(long)e * capacity} < T·K = {tk}";
        }
        if (t > 0 && capacity > t && balanced) return $"L = {capacity} exceeds T = {t}";
        return null;
    }

    /// <summary>Token lists from a 0/1 matrix of chosen pairs: each token's experts sorted best first (score desc, index asc).</summary>
    internal static int[] SortedAssignment(ScoreMatrix scores, int k, bool[] chosen)
    {
        int t = scores.Tokens, e = scores.Experts;
        var a = new int[t * k];
        Span<int> buf = stackalloc int[k];
        for (int tok = 0; tok < t; tok++)
        {
            int c = 0;
            for (int i = 0; i < e; i++)
                if (chosen[tok * e + i])
                {
                    if (c == k) throw new InvalidOperationException($"token {tok} got more than K experts");
                    buf[c++] = i;
                }
            if (c != k) throw new InvalidOperationException($"token {tok} got {c} experts, expected K = {k}");
            // insertion sort by score desc, index asc
            for (int x = 1; x < k; x++)
            {
                int v = buf[x];
                double sv = scores[tok, v];
                int y = x - 1;
                while (y >= 0 && scores[tok, buf[y]] < sv) { buf[y + 1] = buf[y]; y--; }
                buf[y + 1] = v;
            }
            buf.CopyTo(a.AsSpan(tok * k, k));
        }
        return a;
    }
}
