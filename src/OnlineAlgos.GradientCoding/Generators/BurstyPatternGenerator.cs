using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Generators;

/// <summary>
/// Patterns admissible under a (B, W, lambda)-bursty model (spec §1, §6): random (each worker proposes to straggle with
/// probability p, in random order, kept only when the online checker still accepts), greedy adversarial (p = 1:
/// straggle whenever allowed) and the periodic lower-bound instance of spec §3.4. Every output passes the checker by
/// construction. Random/greedy cost O(n^2 B) per round.
/// </summary>
public static class BurstyPatternGenerator
{
    /// <summary>Random admissible pattern; p = 1 gives the greedy "straggle whenever allowed" adversary.</summary>
    public static StragglerPattern Random(BurstyModel model, int rounds, double p, Rng rng)
    {
        int n = model.Workers;
        var checker = new BurstyAdmissibilityChecker(model);
        var cells = new bool[rounds * n];
        var order = new int[n];
        var set = new bool[n];
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < n; i++) order[i] = i;
            rng.Shuffle(order.AsSpan());
            Array.Clear(set);
            foreach (int i in order)
            {
                if (!rng.NextBernoulli(p)) continue;
                set[i] = true;
                if (!checker.CanAdd(set)) set[i] = false;
            }
            if (!checker.TryAdd(set)) throw new InvalidOperationException("generator produced an inadmissible round");
            set.CopyTo(cells.AsSpan(r * n, n));
        }
        return new StragglerPattern(rounds, n, cells);
    }

    /// <summary>
    /// The periodic instance of spec §3.4: workers 0..lambda-1 straggle in rounds kP+offset .. kP+offset+B-1,
    /// P = W-1+B (bursts W apart). offset 0 opens with a burst (the review note's 0-based form).
    /// </summary>
    public static StragglerPattern Periodic(BurstyModel model, int rounds, int offset = 0)
    {
        int n = model.Workers, period = model.W - 1 + model.B;
        var cells = new bool[rounds * n];
        for (int r = 0; r < rounds; r++)
        {
            int phase = ((r - offset) % period + period) % period;
            if (r < offset || phase >= model.B) continue;
            for (int i = 0; i < model.Lambda; i++) cells[r * n + i] = true;
        }
        return new StragglerPattern(rounds, n, cells);
    }

    /// <summary>Enumerates every admissible pattern of the given length (depth-first with the online checker).
    /// Exponential: meant for n * rounds up to about 16.</summary>
    public static IEnumerable<StragglerPattern> All(BurstyModel model, int rounds)
    {
        int n = model.Workers;
        if (n > 20) throw new ArgumentException("exhaustive enumeration needs n <= 20");
        var stack = new List<bool[]>();
        return Recurse(model, rounds, stack);
    }

    private static IEnumerable<StragglerPattern> Recurse(BurstyModel model, int rounds, List<bool[]> prefix)
    {
        int n = model.Workers;
        if (prefix.Count == rounds)
        {
            var cells = new bool[rounds * n];
            for (int r = 0; r < rounds; r++) prefix[r].CopyTo(cells.AsSpan(r * n, n));
            yield return new StragglerPattern(rounds, n, cells);
            yield break;
        }
        for (int mask = 0; mask < (1 << n); mask++)
        {
            var set = new bool[n];
            for (int i = 0; i < n; i++) set[i] = (mask >> i & 1) != 0;
            var checker = new BurstyAdmissibilityChecker(model);
            foreach (var past in prefix) checker.TryAdd(past);
            if (!checker.CanAdd(set)) continue;
            prefix.Add(set);
            foreach (var p in Recurse(model, rounds, prefix)) yield return p;
            prefix.RemoveAt(prefix.Count - 1);
        }
    }
}
