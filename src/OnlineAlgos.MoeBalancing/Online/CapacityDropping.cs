using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// Capacity-factor token dropping (Switch / GShard; Megatron <c>--moe-expert-capacity-factor</c>; spec §4.3 item 2):
/// after (optionally biased) top-K routing, each expert with more than C assignments keeps C of them by
/// <see cref="DropPolicy"/>; the dropped assignments contribute 0 (the token keeps its residual path).
/// O(T·K + Σ_i n_i log n_i).
/// </summary>
public static class CapacityDropping
{
    /// <summary>C = ⌈CF·T·K/E⌉ (capacity factor CF &gt; 0).</summary>
    public static int Capacity(double capacityFactor, int tokens, int k, int experts)
    {
        if (!(capacityFactor > 0) || double.IsInfinity(capacityFactor)) throw new ArgumentOutOfRangeException(nameof(capacityFactor), "capacity factor must be > 0");
        // Subtract a tiny epsilon so CF·L that is an integer up to rounding is not bumped to the next integer.
        return (int)Math.Ceiling(capacityFactor * tokens * k / experts - 1e-9);
    }

    /// <summary>Applies capacity <paramref name="capacity"/> to a routed batch.</summary>
    public static DropResult Apply(ScoreMatrix scores, ReadOnlySpan<int> assignment, int k, int capacity, DropPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must be >= 0");
        int t = scores.Tokens, e = scores.Experts;
        var kept = new bool[t * k];
        var perExpert = new List<int>[e];
        for (int i = 0; i < e; i++) perExpert[i] = new List<int>();
        for (int slot = 0; slot < t * k; slot++) perExpert[assignment[slot]].Add(slot);
        var loads = new int[e];
        long dropped = 0, waste = 0;
        double obj = 0;
        for (int i = 0; i < e; i++)
        {
            var slots = perExpert[i]; // already in token order (slots increase with t)
            if (slots.Count > capacity && policy == DropPolicy.HighestScore)
            {
                int ei = i;
                slots.Sort((a, b) =>
                {
                    int c = scores.Data[(b / k) * e + ei].CompareTo(scores.Data[(a / k) * e + ei]);
                    return c != 0 ? c : a.CompareTo(b);
                });
            }
            int keep = Math.Min(capacity, slots.Count);
            for (int j = 0; j < keep; j++)
            {
                kept[slots[j]] = true;
                obj += scores.Data[(slots[j] / k) * e + i];
            }
            loads[i] = keep;
            dropped += slots.Count - keep;
            waste += capacity - keep;
        }
        return new DropResult(kept, loads, dropped, obj, waste);
    }
}
