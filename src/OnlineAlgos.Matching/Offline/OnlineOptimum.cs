using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Online;

namespace OnlineAlgos.Matching.Offline;

/// <summary>
/// The exact online optimum OPT_on (the "philosopher", spec §4.2): the best expected value of any online policy, by
/// dynamic programming over (step, set of free offline nodes):
/// V_t(S) = (1 − Σ_j p_{t,j}) V_{t+1}(S) + Σ_j p_{t,j} max(V_{t+1}(S), max_{i∈S} w_{i,t,j} + V_{t+1}(S∖{i})).
/// Run per connected component (QuikGraph), so the exponent is the largest component's number of offline nodes c.
/// </summary>
/// <remarks>Time O(T · 2^c · edges per step), memory two layers of 2^c doubles (all layers for <see cref="Policy"/>).
/// Approximating OPT_on is PSPACE-hard (PPSW), so the exponential cost is inherent; beyond the limit use the
/// PPSW LP bound. Candidates are scanned in decreasing weight and cut off once w + V_{t+1}(S) cannot win.</remarks>
public static class OnlineOptimum
{
    /// <summary>Default limit on the offline nodes of one component for <see cref="Solve"/> (2^22 states per layer).</summary>
    public const int DefaultMaxComponentNodes = 22;

    /// <summary>Default limit on stored DP entries (all layers) for <see cref="Policy"/>.</summary>
    public const long DefaultMaxPolicyEntries = 1L << 24;

    /// <summary>Largest number of offline nodes in a component (0 when there is no edge).</summary>
    public static int LargestComponent(MatchingInstance instance)
    {
        int max = 0;
        foreach (var c in InstanceComponents.Compute(instance)) max = Math.Max(max, c.OfflineNodes.Count);
        return max;
    }

    /// <summary>OPT_on; throws <see cref="SolverException"/> (status TOO_LARGE) when a component has more than
    /// <paramref name="maxComponentNodes"/> offline nodes.</summary>
    public static double Solve(MatchingInstance instance, int maxComponentNodes = DefaultMaxComponentNodes)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var comps = InstanceComponents.Compute(instance);
        CheckSize(comps, maxComponentNodes);
        double total = 0;
        foreach (var comp in comps)
        {
            var layout = new ComponentLayout(instance, comp);
            int size = 1 << comp.OfflineNodes.Count;
            var next = new double[size];
            var cur = new double[size];
            for (int k = comp.Steps.Count - 1; k >= 0; k--)
            {
                layout.Layer(k, next, cur);
                (next, cur) = (cur, next);
            }
            total += next[size - 1];
        }
        return total;
    }

    /// <summary>As <see cref="Solve"/>, but false (value NaN, <paramref name="status"/> = TOO_LARGE) instead of a
    /// <see cref="SolverException"/> when a component is above the limit.</summary>
    public static bool TrySolve(MatchingInstance instance, out double value, out string status, int maxComponentNodes = DefaultMaxComponentNodes)
    {
        try
        {
            value = Solve(instance, maxComponentNodes);
            status = "OPTIMAL";
            return true;
        }
        catch (SolverException e)
        {
            value = double.NaN;
            status = e.Status;
            return false;
        }
    }

    /// <summary>The optimal online policy (all DP layers stored); throws <see cref="SolverException"/> (status TOO_LARGE)
    /// beyond the limits.</summary>
    public static OptimalOnlinePolicy Policy(MatchingInstance instance, int maxComponentNodes = DefaultMaxComponentNodes,
        long maxEntries = DefaultMaxPolicyEntries)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var comps = InstanceComponents.Compute(instance);
        CheckSize(comps, maxComponentNodes);
        long entries = 0;
        foreach (var c in comps) entries += (c.Steps.Count + 1L) << c.OfflineNodes.Count;
        if (entries > maxEntries)
            throw new SolverException("online-optimum DP", MatchingSolverStatus.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"storing the optimal online policy needs {entries} DP entries, above the limit {maxEntries}; use OnlineOptimum.Solve for the value alone, or the PPSW LP bound"));
        var layouts = new ComponentLayout[comps.Count];
        var layers = new double[comps.Count][][];
        for (int c = 0; c < comps.Count; c++)
        {
            layouts[c] = new ComponentLayout(instance, comps[c]);
            int steps = comps[c].Steps.Count, size = 1 << comps[c].OfflineNodes.Count;
            layers[c] = new double[steps + 1][];
            layers[c][steps] = new double[size];
            for (int k = steps - 1; k >= 0; k--)
            {
                layers[c][k] = new double[size];
                layouts[c].Layer(k, layers[c][k + 1], layers[c][k]);
            }
        }
        return new OptimalOnlinePolicy(instance, comps, layers);
    }

    private static void CheckSize(IReadOnlyList<InstanceComponent> comps, int maxComponentNodes)
    {
        if (maxComponentNodes > 30) throw new ArgumentOutOfRangeException(nameof(maxComponentNodes), "at most 30 (2^30 states)");
        foreach (var c in comps)
            if (c.OfflineNodes.Count > maxComponentNodes)
                throw new SolverException("online-optimum DP", MatchingSolverStatus.TooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"the exact online optimum needs a DP over 2^{c.OfflineNodes.Count} sets of free offline nodes (largest connected component: {c.OfflineNodes.Count} offline nodes, {c.Steps.Count} steps), above the limit of {maxComponentNodes} nodes; use the PPSW LP value instead, an upper bound on the online optimum"));
    }

    /// <summary>Per component: steps, and per type its (local bit, weight) lists in decreasing weight.</summary>
    internal sealed class ComponentLayout
    {
        private readonly MatchingInstance _inst;
        private readonly IReadOnlyList<int> _steps;
        private readonly int[] _bit;   // per global edge: local bit mask (only edges of this component's steps)

        public ComponentLayout(MatchingInstance instance, InstanceComponent comp)
        {
            _inst = instance;
            _steps = comp.Steps;
            var local = new int[instance.OfflineCount];
            for (int k = 0; k < comp.OfflineNodes.Count; k++) local[comp.OfflineNodes[k]] = k;
            _bit = new int[instance.EdgeCount];
            foreach (int t in comp.Steps)
                for (int e = instance.EdgeStart(instance.TypeStart(t)); e < instance.EdgeStart(instance.TypeStart(t + 1)); e++)
                    _bit[e] = 1 << local[instance.EdgeNode(e)];
        }

        public int Bit(int edge) => _bit[edge];

        /// <summary>cur = V_k from next = V_{k+1} (k indexes this component's steps).</summary>
        public void Layer(int k, double[] next, double[] cur)
        {
            int t = _steps[k];
            int j0 = _inst.TypeStart(t), j1 = _inst.TypeStart(t + 1);
            double none = 1 - _inst.ArrivalProbability(t);
            var w = _inst.EdgeWeights;
            int size = next.Length;
            for (int s = 0; s < size; s++)
            {
                double v = next[s];
                double acc = none * v;
                for (int j = j0; j < j1; j++)
                {
                    double best = v;
                    int e1 = _inst.EdgeStart(j + 1);
                    for (int e = _inst.EdgeStart(j); e < e1; e++)
                    {
                        double we = w[e];
                        if (we + v <= best) break; // later edges are lighter and V(S∖i) ≤ V(S)
                        int b = _bit[e];
                        if ((s & b) == 0) continue;
                        double c = we + next[s ^ b];
                        if (c > best) best = c;
                    }
                    acc += _inst.Probability(j) * best;
                }
                cur[s] = acc;
            }
        }
    }
}
