using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Testing.Search;

namespace OnlineAlgos.Matching.Testing;

/// <summary>
/// Search moves over edge-weighted prophet-secretary matching instances for <see cref="AdversarialSearch{TInstance}"/>
/// and the search phase of <see cref="MatchingChecks"/>: growth (add a step, duplicate a step, add an offline node,
/// add an edge), shrink (drop a step, a node or an edge) and neutral moves (move a probability, scale a weight, set a
/// weight to 1 or to a tiny dw = 1e-4 — the "private arrival" of the Poisson traps). Sizes stay within
/// <c>maxOffline</c> nodes and <c>maxSteps</c> steps because the online optimum is a DP exponential in the node count.
/// Final shrinking: <see cref="MatchingGenerators.Shrink"/>. Probabilities are rounded to 4 digits and weights to 4
/// significant digits so that a witness prints compactly.
/// </summary>
public static class MatchingMoves
{
    /// <summary>The tiny weight of private arrivals.</summary>
    public const double Tiny = 1e-4;

    /// <summary>The moves (one arrival type per step: Bernoulli instances).</summary>
    public static SearchMoves<MatchingInstance> Create(int maxOffline = 6, int maxSteps = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOffline, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        return new SearchMoves<MatchingInstance>(
            rng => MatchingGenerators.Random(1 + rng.NextInt(maxOffline), 1 + rng.NextInt(maxSteps), 0.3 + 0.6 * rng.NextDouble(),
                rng.NextInt(4), rng.NextInt(3), false, 1, rng.NextUInt64()),
            (inst, rng) => Mutate(inst, rng, maxOffline, maxSteps),
            MatchingGenerators.Shrink);
    }

    private sealed class Step(double p, List<(int Node, double Weight)> edges)
    {
        public double P = p;
        public List<(int Node, double Weight)> Edges = edges;
    }

    private static MatchingInstance Mutate(MatchingInstance inst, Rng rng, int maxOffline, int maxSteps)
    {
        int n = inst.OfflineCount;
        var steps = BernoulliSteps(inst);
        int T = steps.Count;
        switch (rng.NextInt(10))
        {
            case 0 when T < maxSteps: // add a step
                steps.Insert(rng.NextInt(T + 1), RandomStep(rng, n));
                break;
            case 1 when T > 0 && T < maxSteps: DuplicateStep(steps, rng); break;
            case 2 when n < maxOffline: n = AddNode(steps, n, rng); break;
            case 3 when n > 1: n = DropNode(steps, n, rng); break;
            case 4 when T > 1: // drop a step
                steps.RemoveAt(rng.NextInt(T));
                break;
            case 5 when T > 0: MoveProbability(steps, rng); break;
            case 6 or 7 when T > 0: ChangeOrAddEdge(steps, n, rng); break;
            case 8 when T > 0: DropEdge(steps, rng); break;
            default: // a random probability to 1 or 1/2 (the pinning steps of F7)
                if (T > 0) steps[rng.NextInt(T)].P = rng.NextInt(2) == 0 ? 1 : 0.5;
                break;
        }
        return Rounded(steps, n);
    }

    // Multi-type steps are merged into their most likely type (the moves keep instances Bernoulli).
    private static List<Step> BernoulliSteps(MatchingInstance inst)
    {
        var steps = new List<Step>();
        foreach (var s in inst.Steps())
        {
            var ty = s[0];
            foreach (var t in s) if (t.Probability > ty.Probability) ty = t;
            steps.Add(new Step(ty.Probability, ty.Edges.Select(e => (e.Node, e.Weight)).ToList()));
        }
        return steps;
    }

    private static void DuplicateStep(List<Step> steps, Rng rng)
    {
        int T = steps.Count;
        var s = steps[rng.NextInt(T)];
        steps.Insert(rng.NextInt(T + 1), new Step(s.P, [.. s.Edges]));
    }

    // A new node n, joined to a few steps; returns the new node count.
    private static int AddNode(List<Step> steps, int n, Rng rng)
    {
        n++;
        foreach (var s in steps)
            if (rng.NextInt(3) == 0) s.Edges.Add((n - 1, RandomWeight(rng)));
        return n;
    }

    // Drops a random node (renumbering the later ones); returns the new node count.
    private static int DropNode(List<Step> steps, int n, Rng rng)
    {
        int d = rng.NextInt(n);
        n--;
        foreach (var s in steps)
            s.Edges = s.Edges.Where(e => e.Node != d).Select(e => (e.Node > d ? e.Node - 1 : e.Node, e.Weight)).ToList();
        return n;
    }

    private static void MoveProbability(List<Step> steps, Rng rng)
    {
        var s = steps[rng.NextInt(steps.Count)];
        s.P = rng.NextInt(4) == 0 ? (rng.NextInt(2) == 0 ? 1 : rng.NextDouble())
            : Math.Clamp(s.P + 0.15 * rng.NextGaussian(), 0, 1);
    }

    // Rescales a step's edge to a random node, or gives it a fresh weight (adding it when absent).
    private static void ChangeOrAddEdge(List<Step> steps, int n, Rng rng)
    {
        var s = steps[rng.NextInt(steps.Count)];
        int node = rng.NextInt(Math.Max(1, n));
        if (n == 0) return;
        int at = s.Edges.FindIndex(e => e.Node == node);
        double w = at >= 0 && rng.NextInt(2) == 0 ? s.Edges[at].Weight * Math.Exp(0.5 * rng.NextGaussian()) : RandomWeight(rng);
        if (at >= 0) s.Edges[at] = (node, w);
        else s.Edges.Add((node, w));
    }

    private static void DropEdge(List<Step> steps, Rng rng)
    {
        var s = steps[rng.NextInt(steps.Count)];
        if (s.Edges.Count > 0) s.Edges.RemoveAt(rng.NextInt(s.Edges.Count));
    }

    // The instance with probabilities rounded to 4 digits and weights to 4 significant digits (never empty).
    private static MatchingInstance Rounded(List<Step> steps, int n)
    {
        var list = new List<IReadOnlyList<ArrivalType>>(steps.Count);
        foreach (var s in steps)
        {
            var edges = s.Edges.OrderBy(e => e.Node).Select(e => new MatchingEdge(e.Node, Round(e.Weight))).ToList();
            list.Add([new ArrivalType(Math.Round(s.P, 4), edges)]);
        }
        if (list.Count == 0) list.Add([new ArrivalType(1, n > 0 ? [new MatchingEdge(0, 1)] : [])]);
        return new MatchingInstance(n, list);
    }

    private static Step RandomStep(Rng rng, int n)
    {
        var edges = new List<(int, double)>();
        for (int i = 0; i < n; i++)
            if (rng.NextInt(2) == 0) edges.Add((i, RandomWeight(rng)));
        return new Step(Math.Round(rng.NextDouble(), 4), edges);
    }

    private static double RandomWeight(Rng rng) => rng.NextInt(3) switch
    {
        0 => 1,
        1 => Tiny,
        _ => 0.05 + rng.NextDouble(),
    };

    private static double Round(double w)
    {
        if (w <= 0) return 0;
        w = Math.Min(w, 1e6);
        double scale = Math.Pow(10, 3 - Math.Floor(Math.Log10(w)));
        return Math.Round(w * scale) / scale;
    }
}
