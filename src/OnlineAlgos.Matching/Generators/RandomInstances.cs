using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;

namespace OnlineAlgos.Matching.Generators;

/// <summary>
/// Random Bernoulli-model instances of the spec's reproduction protocol (§5, generator parameters from the MAGNOLIA
/// code): Erdős–Rényi, bipartite preferential attachment (BA), geometric, complete; weights U[0,1] (or vertex-weighted:
/// one U[0,1] weight per offline node on all its edges); arrival probabilities by <see cref="ArrivalDistribution"/>.
/// Deterministic given the <see cref="Rng"/>.
/// </summary>
public static class RandomInstances
{
    private static double DrawP(Rng rng, ArrivalDistribution d) => d switch
    {
        ArrivalDistribution.Uniform => rng.NextDouble(),
        ArrivalDistribution.Rare => 0.3 * rng.NextDouble(),
        _ => 1.0,
    };

    private static MatchingInstance Build(Rng rng, int steps, int offline, ArrivalDistribution arrivals, bool vertexWeighted, double[,] mask)
    {
        var p = new double[steps];
        for (int t = 0; t < steps; t++) p[t] = DrawP(rng, arrivals);
        double[]? vw = null;
        if (vertexWeighted)
        {
            vw = new double[offline];
            for (int i = 0; i < offline; i++) vw[i] = rng.NextDouble();
            for (int t = 0; t < steps; t++)
                for (int i = 0; i < offline; i++)
                    if (mask[t, i] != 0) mask[t, i] = vw[i];
        }
        return MatchingInstance.Bernoulli(p, mask, vw);
    }

    /// <summary>Erdős–Rényi: edge (t, i) present with probability <paramref name="edgeProbability"/>, weight U[0,1].</summary>
    public static MatchingInstance ErdosRenyi(Rng rng, int steps, int offline, double edgeProbability,
        ArrivalDistribution arrivals = ArrivalDistribution.Uniform, bool vertexWeighted = false)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var w = new double[steps, offline];
        for (int t = 0; t < steps; t++)
            for (int i = 0; i < offline; i++)
                if (rng.NextDouble() < edgeProbability) w[t, i] = rng.NextDouble();
        return Build(rng, steps, offline, arrivals, vertexWeighted, w);
    }

    /// <summary>Complete bipartite graph with U[0,1] weights.</summary>
    public static MatchingInstance Complete(Rng rng, int steps, int offline,
        ArrivalDistribution arrivals = ArrivalDistribution.Uniform, bool vertexWeighted = false) =>
        ErdosRenyi(rng, steps, offline, 1.0, arrivals, vertexWeighted);

    /// <summary>
    /// Bipartite preferential attachment: each online node picks min(b, n) distinct offline targets from a list where
    /// every offline node appears once plus once per previous edge; weights U[0,1] (or 1 when unweighted).
    /// </summary>
    public static MatchingInstance BarabasiAlbert(Rng rng, int steps, int offline, int b, bool weighted = true,
        ArrivalDistribution arrivals = ArrivalDistribution.Uniform, bool vertexWeighted = false)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var w = new double[steps, offline];
        var urn = new List<int>();
        for (int i = 0; i < offline; i++) urn.Add(i);
        int deg = Math.Min(b, offline);
        var chosen = new HashSet<int>();
        for (int t = 0; t < steps; t++)
        {
            chosen.Clear();
            while (chosen.Count < deg) chosen.Add(urn[rng.NextInt(urn.Count)]);
            foreach (int i in chosen.Order())
            {
                w[t, i] = weighted ? rng.NextDouble() : 1.0;
                urn.Add(i);
            }
        }
        return Build(rng, steps, offline, arrivals, vertexWeighted, w);
    }

    /// <summary>
    /// Geometric: online and offline points uniform in [0,1]^2, w = (√2 − dist)/√2; only the top
    /// <paramref name="keepFraction"/> of the T·n entries are kept, the rest are zero (no edge).
    /// </summary>
    public static MatchingInstance Geometric(Rng rng, int steps, int offline, double keepFraction,
        ArrivalDistribution arrivals = ArrivalDistribution.Uniform, bool vertexWeighted = false)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var on = new (double X, double Y)[steps];
        var off = new (double X, double Y)[offline];
        for (int t = 0; t < steps; t++) on[t] = (rng.NextDouble(), rng.NextDouble());
        for (int i = 0; i < offline; i++) off[i] = (rng.NextDouble(), rng.NextDouble());
        var w = new double[steps, offline];
        var all = new List<double>(steps * offline);
        for (int t = 0; t < steps; t++)
            for (int i = 0; i < offline; i++)
            {
                double dx = on[t].X - off[i].X, dy = on[t].Y - off[i].Y;
                w[t, i] = (Math.Sqrt(2) - Math.Sqrt(dx * dx + dy * dy)) / Math.Sqrt(2);
                all.Add(w[t, i]);
            }
        all.Sort();
        int keep = (int)Math.Ceiling(keepFraction * all.Count);
        double cut = keep <= 0 ? double.PositiveInfinity : all[all.Count - keep];
        for (int t = 0; t < steps; t++)
            for (int i = 0; i < offline; i++)
                if (w[t, i] < cut) w[t, i] = 0;
        return Build(rng, steps, offline, arrivals, vertexWeighted, w);
    }
}
