using OnlineAlgos.Core;

namespace OnlineAlgos.Matching.Model;

/// <summary>
/// Which online node arrived at each step: the global type id, or -1 when nothing arrived. Sampling uses one uniform
/// per step (so two algorithms fed the same stream see the same arrivals: common random numbers).
/// </summary>
public static class Realization
{
    /// <summary>Draws the arrivals of every step into <paramref name="typeOfStep"/> (length T).</summary>
    public static void Sample(MatchingInstance instance, Rng rng, Span<int> typeOfStep)
    {
        for (int t = 0; t < instance.StepCount; t++)
        {
            double u = rng.NextDouble();
            int chosen = -1;
            int end = instance.TypeStart(t + 1);
            for (int j = instance.TypeStart(t); j < end; j++)
            {
                u -= instance.Probability(j);
                if (u < 0) { chosen = j; break; }
            }
            typeOfStep[t] = chosen;
        }
    }

    /// <summary>Number of distinct realizations of the given steps (product of (types + 1)), saturating at long.MaxValue.</summary>
    public static long Count(MatchingInstance instance, IReadOnlyList<int> steps)
    {
        long count = 1;
        foreach (int t in steps)
        {
            long k = instance.TypeStart(t + 1) - instance.TypeStart(t) + 1;
            if (count > long.MaxValue / k) return long.MaxValue;
            count *= k;
        }
        return count;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> once per realization of the given steps with its probability and the type per
    /// listed step (-1 = none). Realizations of probability 0 are skipped. O(Count · |steps|).
    /// </summary>
    public static void Enumerate(MatchingInstance instance, IReadOnlyList<int> steps, Action<double, int[]> visit)
    {
        var types = new int[steps.Count];
        Recurse(instance, steps, 0, 1.0, types, visit);
    }

    private static void Recurse(MatchingInstance inst, IReadOnlyList<int> steps, int k, double prob, int[] types, Action<double, int[]> visit)
    {
        if (k == steps.Count)
        {
            visit(prob, types);
            return;
        }
        int t = steps[k];
        double none = 1 - inst.ArrivalProbability(t);
        if (none > 0)
        {
            types[k] = -1;
            Recurse(inst, steps, k + 1, prob * none, types, visit);
        }
        for (int j = inst.TypeStart(t); j < inst.TypeStart(t + 1); j++)
        {
            double p = inst.Probability(j);
            if (p <= 0) continue;
            types[k] = j;
            Recurse(inst, steps, k + 1, prob * p, types, visit);
        }
    }
}
