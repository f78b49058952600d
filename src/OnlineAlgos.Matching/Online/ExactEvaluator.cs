using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// Exact expected value of an online algorithm (spec issue item 4): propagates the distribution of the available set
/// step by step through the algorithm's exact decision distribution (<see cref="IOnlineMatchingAlgorithm.Outcomes"/>),
/// per connected component (components evolve independently). Needs n ≤ 64; throws
/// <see cref="SolverException"/> (status TOO_LARGE) when a component's reachable sets exceed <c>maxStates</c>.
/// Time O(Σ_t states_t · types · outcomes).
/// </summary>
public static class ExactEvaluator
{
    /// <summary>Default limit on reachable available-sets per step.</summary>
    public const int DefaultMaxStates = 1 << 18;

    /// <summary>E[value of the algorithm].</summary>
    public static double Value(MatchingInstance instance, IOnlineMatchingAlgorithm algorithm, int maxStates = DefaultMaxStates) =>
        Evaluate(instance, algorithm, maxStates, detailed: false).Value;

    /// <summary>Value plus availability and edge-match probabilities.</summary>
    public static ExactEvaluation Evaluate(MatchingInstance instance, IOnlineMatchingAlgorithm algorithm, int maxStates = DefaultMaxStates, bool detailed = true)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(algorithm);
        int n = instance.OfflineCount, T = instance.StepCount;
        if (n > 64) throw new SolverException("exact evaluator", MatchingSolverStatus.TooLarge, $"exact evaluation handles at most 64 offline nodes, the instance has {n}; use Monte Carlo");
        var avail = detailed ? new double[T * n] : Array.Empty<double>();
        var matched = detailed ? new double[instance.EdgeCount] : Array.Empty<double>();
        if (detailed)
            for (int t = 0; t < T; t++)
                for (int i = 0; i < n; i++) avail[t * n + i] = 1; // nodes outside components stay available
        double value = 0;
        var outcomes = new List<MatchingTransition>();
        foreach (var comp in InstanceComponents.Compute(instance))
            EvaluateComponent(instance, algorithm, comp, maxStates, detailed, avail, matched, outcomes, ref value);
        return new ExactEvaluation(value, avail, matched);
    }

    // Propagates one component's distribution of available sets through all steps, adding its edges' expected
    // weights to value (in the same order as one loop over all components would).
    private static void EvaluateComponent(MatchingInstance instance, IOnlineMatchingAlgorithm algorithm, InstanceComponent comp, int maxStates,
        bool detailed, double[] avail, double[] matched, List<MatchingTransition> outcomes, ref double value)
    {
        int n = instance.OfflineCount, T = instance.StepCount;
        ulong full = 0;
        foreach (int i in comp.OfflineNodes) full |= 1UL << i;
        var dist = new Dictionary<ulong, double> { [full] = 1 };
        int k = 0;
        for (int t = 0; t < T; t++)
        {
            bool inComp = k < comp.Steps.Count && comp.Steps[k] == t;
            if (detailed) RecordAvailability(dist, comp.OfflineNodes, avail, t * n);
            if (!inComp) continue;
            k++;
            var next = Transition(instance, algorithm, t, dist, detailed, matched, outcomes, ref value);
            if (next.Count > maxStates)
                throw new SolverException("exact evaluator", MatchingSolverStatus.TooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"exact evaluation of {algorithm.Name} reached {next.Count} distinct available sets at step {t}, above the limit {maxStates}; use Monte Carlo"));
            dist = next;
        }
    }

    // avail[row + i]: the probability that node i is still available at the step.
    private static void RecordAvailability(Dictionary<ulong, double> dist, IReadOnlyList<int> nodes, double[] avail, int row)
    {
        foreach (int i in nodes)
        {
            double a = 0;
            foreach (var kv in dist)
                if ((kv.Key >> i & 1) != 0) a += kv.Value;
            avail[row + i] = a;
        }
    }

    // The distribution after step t: no arrival, or each type's arrival followed by each of the algorithm's outcomes
    // (checked against the model); matched edges add their expected weight to value (and to matched when detailed).
    private static Dictionary<ulong, double> Transition(MatchingInstance instance, IOnlineMatchingAlgorithm algorithm, int t,
        Dictionary<ulong, double> dist, bool detailed, double[] matched, List<MatchingTransition> outcomes, ref double value)
    {
        var next = new Dictionary<ulong, double>(dist.Count * 2);
        double none = 1 - instance.ArrivalProbability(t);
        double sum = value; // a local in the loop, not a store through the ref per matched edge; same additions in the same order
        foreach (var (set, pr) in dist)
        {
            if (none > 0) Add(next, set, pr * none);
            for (int j = instance.TypeStart(t); j < instance.TypeStart(t + 1); j++)
            {
                double pj = instance.Probability(j);
                if (pj <= 0) continue;
                outcomes.Clear();
                algorithm.Outcomes(j, set, outcomes);
                foreach (var o in outcomes)
                {
                    if (o.Probability <= 0) continue;
                    double w = pr * pj * o.Probability;
                    if (o.Edge >= 0)
                    {
                        int i = instance.EdgeNode(o.Edge);
                        if (instance.TypeOfEdge(o.Edge) != j || (set >> i & 1) == 0)
                            throw new ModelViolationException(algorithm.Name, t, $"matched edge {o.Edge}, which is not an edge of the arrived type to an available node");
                        sum += w * instance.EdgeWeight(o.Edge);
                        if (detailed) matched[o.Edge] += w;
                    }
                    if ((o.Removed & ~set) != 0)
                        throw new ModelViolationException(algorithm.Name, t, "discarded nodes that are not available");
                    Add(next, set & ~o.Removed, w);
                }
            }
        }
        value = sum;
        return next;
    }

    private static void Add(Dictionary<ulong, double> d, ulong key, double p)
    {
        ref double slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(d, key, out _);
        slot += p;
    }
}
