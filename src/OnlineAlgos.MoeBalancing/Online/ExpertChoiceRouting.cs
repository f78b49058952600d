using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// Expert-choice routing (spec §4.3 item 4): each expert takes its C highest-scoring tokens (ties to the smaller token
/// index). Perfectly balanced, but a token may get 0 or more than K experts, and it leaks future tokens in a causal
/// LM ([W]); used only as an upper-bound reference. With C = L integer its objective is UB_EC. O(E·T log T).
/// </summary>
public static class ExpertChoiceRouting
{
    /// <summary>Per-token number of experts received, and the objective.</summary>
    public static (int[] ExpertsPerToken, double Objective) Route(ScoreMatrix scores, int capacity)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        int t = scores.Tokens, e = scores.Experts;
        var order = new int[t];
        var key = new double[t];
        var per = new int[t];
        double obj = 0;
        int take = Math.Min(capacity, t);
        for (int i = 0; i < e; i++)
        {
            for (int r = 0; r < t; r++)
            {
                order[r] = r;
                key[r] = -scores.Data[r * e + i];
            }
            Array.Sort(key, order); // unstable: fix ties below by sorting equal keys by index
            int s = 0;
            while (s < t)
            {
                int f = s;
                while (f + 1 < t && key[f + 1] == key[s]) f++;
                if (f > s) Array.Sort(order, s, f - s + 1);
                s = f + 1;
            }
            for (int j = 0; j < take; j++)
            {
                per[order[j]]++;
                obj -= key[j];
            }
        }
        return (per, obj);
    }
}
