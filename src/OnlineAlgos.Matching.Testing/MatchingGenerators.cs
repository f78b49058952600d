using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;

namespace OnlineAlgos.Matching.Testing;

/// <summary>
/// FsCheck generators of matching instances (spec §6): n in 1..maxOffline, T in 1..maxSteps, p_t from {0, 1, U[0,1]},
/// edge weights from {1, U[0,1]} on a random edge set, vertex-weighted on/off, sometimes two arrival types per step;
/// mixed with the adversarial families F1, F2, F6, F7 at small sizes. Sized: FsCheck's size (0 at the first test,
/// growing over a run) caps n and T, so a run starts on tiny instances. Seeds come from <see cref="Seeds"/> (sized,
/// shrinking toward 0). Shrinking drops steps and offline nodes (renumbering densely), sets probabilities to 1 and
/// weights to 1, so a counterexample ends up small.
/// </summary>
public static class MatchingGenerators
{
    /// <summary>Arbitrary instances (random families and adversarial ones).</summary>
    public static Arbitrary<MatchingInstance> Instances(int maxOffline = 6, int maxSteps = 8) =>
        Arb.From(InstanceGen(maxOffline, maxSteps), Shrink);

    /// <summary>Arbitrary vertex-weighted instances.</summary>
    public static Arbitrary<MatchingInstance> VertexWeighted(int maxOffline = 6, int maxSteps = 8) =>
        Arb.From(RandomGen(maxOffline, maxSteps, forceVertexWeighted: true), Shrink);

    /// <summary>The generator behind <see cref="Instances"/>.</summary>
    public static Gen<MatchingInstance> InstanceGen(int maxOffline, int maxSteps) =>
        Gen.Frequency(
            (8, RandomGen(maxOffline, maxSteps, false)),
            (1, Adversarial(maxOffline)));

    /// <summary>Generator seeds: sized (0..size², so early tests use small seeds) and shrinking toward 0 (halving,
    /// then stepping down), unlike an unshrinkable <c>Gen.Choose</c>.</summary>
    public static Arbitrary<ulong> Seeds { get; } = Arb.From(SeedGen, ShrinkSeed);

    private static Gen<ulong> SeedGen => Gen.Sized(size => Gen.Choose(0, Math.Max(1, size * size)).Select(s => (ulong)s));

    /// <summary>Shrinks a seed toward 0: 0, half, and one less.</summary>
    public static IEnumerable<ulong> ShrinkSeed(ulong seed)
    {
        if (seed == 0) yield break;
        yield return 0;
        if (seed / 2 > 0) yield return seed / 2;
        if (seed - 1 > seed / 2) yield return seed - 1;
    }

    /// <summary>Upper bound of a count at FsCheck size <paramref name="size"/>: 1 at size 0, <paramref name="max"/>
    /// from size 50 on (the default end size is 100).</summary>
    public static int SizedMax(int size, int max) => Math.Clamp(1 + (int)((long)size * (max - 1) / 50), 1, Math.Max(1, max));

    private static Gen<MatchingInstance> RandomGen(int maxOffline, int maxSteps, bool forceVertexWeighted) =>
        Gen.Sized(size => RandomGen(SizedMax(size, maxOffline), SizedMax(size, maxSteps), forceVertexWeighted, SeedGen));

    private static Gen<MatchingInstance> RandomGen(int maxOffline, int maxSteps, bool forceVertexWeighted, Gen<ulong> seeds) =>
        from n in Gen.Choose(1, maxOffline)
        from T in Gen.Choose(1, maxSteps)
        from density in Gen.Elements(0.3, 0.6, 1.0)
        from pMode in Gen.Choose(0, 3)
        from wMode in Gen.Choose(0, 2)
        from vw in forceVertexWeighted ? Gen.Constant(true) : Gen.Elements(false, false, true)
        from types in Gen.Elements(1, 1, 1, 2)
        from seed in seeds
        select Random(n, T, density, pMode, wMode, vw, types, seed);

    private static Gen<MatchingInstance> Adversarial(int maxOffline) =>
        from family in Gen.Choose(0, 3)
        from size in Gen.Choose(3, Math.Max(3, Math.Min(maxOffline, 6)))
        from c in Gen.Elements(0.1108, 0.2761, 0.5)
        select family switch
        {
            0 => AdversarialFamilies.ProphetGap(0.1),
            1 => AdversarialFamilies.PoissonTrap(size, 0.01),
            2 => AdversarialFamilies.GreedyTrap(5),
            _ => AdversarialFamilies.SureNodeTrap(size - 1, c, 1e-4),
        };

    /// <summary>A random instance from explicit parameters (used by the generator; handy to reproduce a case).</summary>
    public static MatchingInstance Random(int n, int steps, double density, int pMode, int wMode, bool vertexWeighted, int typesPerStep, ulong seed)
    {
        var rng = new Rng(seed);
        double[]? vw = null;
        if (vertexWeighted)
        {
            vw = new double[n];
            for (int i = 0; i < n; i++) vw[i] = wMode == 0 ? 1 : Math.Round(0.05 + rng.NextDouble(), 3);
        }
        var list = new List<IReadOnlyList<ArrivalType>>();
        for (int t = 0; t < steps; t++)
        {
            var types = new List<ArrivalType>();
            double budget = 1;
            for (int j = 0; j < typesPerStep; j++)
            {
                double p = pMode switch
                {
                    0 => rng.NextDouble() < 0.5 ? 1 : 0,
                    1 => rng.NextDouble(),
                    2 => 0.3 * rng.NextDouble(),
                    _ => rng.NextInt(3) switch { 0 => 0, 1 => 1, _ => rng.NextDouble() },
                };
                p = Math.Round(Math.Min(p, budget) / (typesPerStep - j > 1 ? 2 : 1), 4);
                budget -= p;
                var edges = new List<MatchingEdge>();
                for (int i = 0; i < n; i++)
                {
                    if (rng.NextDouble() >= density) continue;
                    double w = vw is not null ? vw[i] : wMode == 0 ? 1 : wMode == 1 ? Math.Round(0.05 + rng.NextDouble(), 3) : (rng.NextDouble() < 0.5 ? 1 : Math.Round(rng.NextDouble() + 0.01, 3));
                    edges.Add(new MatchingEdge(i, w));
                }
                types.Add(new ArrivalType(p, edges));
            }
            list.Add(types);
        }
        return new MatchingInstance(n, list, vw);
    }

    /// <summary>Shrinks: drop a step, drop an offline node, set one probability to 1, set one weight to 1.</summary>
    public static IEnumerable<MatchingInstance> Shrink(MatchingInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var steps = instance.Steps();
        int n = instance.OfflineCount;
        double[]? vw = instance.IsVertexWeighted ? instance.VertexWeights.ToArray() : null;
        for (int t = steps.Count - 1; t >= 0; t--)
        {
            var s = steps.ToList();
            s.RemoveAt(t);
            yield return new MatchingInstance(n, s, vw);
        }
        for (int drop = n - 1; drop >= 0 && n > 1; drop--)
        {
            int d = drop;
            var s = steps.Select(ts => (IReadOnlyList<ArrivalType>)ts.Select(ty => new ArrivalType(ty.Probability,
                ty.Edges.Where(e => e.Node != d).Select(e => new MatchingEdge(e.Node > d ? e.Node - 1 : e.Node, e.Weight)).ToList())).ToList()).ToList();
            yield return new MatchingInstance(n - 1, s, vw?.Where((_, i) => i != d).ToArray());
        }
        if (vw is not null) yield return new MatchingInstance(n, steps, null);
        for (int t = 0; t < steps.Count; t++)
            if (steps[t].Count == 1 && steps[t][0].Probability is > 0 and < 1)
            {
                var s = steps.ToList();
                s[t] = new[] { new ArrivalType(1, steps[t][0].Edges) };
                yield return new MatchingInstance(n, s, vw);
            }
        if (vw is null)
            for (int t = 0; t < steps.Count; t++)
                for (int j = 0; j < steps[t].Count; j++)
                    for (int k = 0; k < steps[t][j].Edges.Count; k++)
                        if (steps[t][j].Edges[k].Weight != 1)
                        {
                            var s = steps.ToList();
                            var types = steps[t].ToList();
                            var edges = types[j].Edges.ToList();
                            edges[k] = edges[k] with { Weight = 1 };
                            types[j] = types[j] with { Edges = edges };
                            s[t] = types;
                            yield return new MatchingInstance(n, s, vw);
                        }
    }
}
