using OnlineAlgos.Matching.Model;

namespace OnlineAlgos.Matching.Tests;

/// <summary>Independent, deliberately naive reference computations for cross-checks on tiny instances.</summary>
public static class BruteForce
{
    /// <summary>Max-weight matching by trying every assignment of rows (recursion over rows, each row picks a free
    /// column or nothing).</summary>
    public static double Matching(int rows, int cols, double[] w)
    {
        var used = new bool[cols];
        double Rec(int r)
        {
            if (r == rows) return 0;
            double best = Rec(r + 1);
            for (int c = 0; c < cols; c++)
            {
                if (used[c] || w[r * cols + c] <= 0) continue;
                used[c] = true;
                best = Math.Max(best, w[r * cols + c] + Rec(r + 1));
                used[c] = false;
            }
            return best;
        }
        return Rec(0);
    }

    /// <summary>
    /// OPT_on by expectimax over the full history tree (no memoisation, free nodes as a list): at each step, each
    /// arrival type, the best of all decisions. Equivalent to enumerating every (history-dependent) policy.
    /// </summary>
    public static double OnlineOptimum(MatchingInstance inst)
    {
        double Rec(int t, List<int> free)
        {
            if (t == inst.StepCount) return 0;
            double v = (1 - inst.ArrivalProbability(t)) * Rec(t + 1, free);
            for (int j = inst.TypeStart(t); j < inst.TypeStart(t + 1); j++)
            {
                double best = Rec(t + 1, free);
                foreach (int i in free.ToList())
                {
                    double w = inst.Weight(j, i);
                    if (w <= 0) continue;
                    var rest = free.Where(k => k != i).ToList();
                    best = Math.Max(best, w + Rec(t + 1, rest));
                }
                v += inst.Probability(j) * best;
            }
            return v;
        }
        return Rec(0, Enumerable.Range(0, inst.OfflineCount).ToList());
    }

    /// <summary>E[OPT_off] by enumerating all realizations of all steps and brute-force matchings.</summary>
    public static double OfflineOptimum(MatchingInstance inst)
    {
        double total = 0;
        Realization.Enumerate(inst, Enumerable.Range(0, inst.StepCount).ToList(), (p, types) =>
        {
            var rows = types.Where(j => j >= 0).ToList();
            var w = new double[rows.Count * inst.OfflineCount];
            for (int r = 0; r < rows.Count; r++)
                for (int i = 0; i < inst.OfflineCount; i++) w[r * inst.OfflineCount + i] = inst.Weight(rows[r], i);
            total += p * Matching(rows.Count, inst.OfflineCount, w);
        });
        return total;
    }
}
