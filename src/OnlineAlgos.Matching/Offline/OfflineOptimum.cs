using Google.OrTools.Graph;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;

namespace OnlineAlgos.Matching.Offline;

/// <summary>
/// The offline optimum OPT_off (the "prophet", spec §4.1): per realization the maximum-weight matching between the
/// arrived online nodes and the offline nodes, with OR-Tools' <c>LinearSumAssignment</c> on a square k × k matrix
/// (k = max(rows, cols), padding with zero-weight arcs, weights negated to minimise cost). Costs are integers, so
/// weights are scaled by 2^36 / max weight and rounded; the reported value is the exact double sum of the chosen
/// edges, at most k · 2^-37 · max weight below the true optimum. Its expectation is exact by enumerating
/// realizations per connected component when they are few, by Monte Carlo otherwise.
/// </summary>
public static class OfflineOptimum
{
    private const double Scale = 68719476736.0; // 2^36

    /// <summary>
    /// Maximum-weight matching of a rows × cols weight matrix (row-major, weights ≥ 0, 0 = no edge). Writes each
    /// row's column (or -1) into <paramref name="mateOfRow"/> and returns the matched weight. O(k^3) worst case.
    /// </summary>
    public static double MaxWeightMatching(int rows, int cols, ReadOnlySpan<double> weights, Span<int> mateOfRow)
    {
        if (weights.Length != rows * cols) throw new ArgumentException("weights must have rows * cols entries", nameof(weights));
        double max = 0;
        foreach (double w in weights)
        {
            if (!(w >= 0) || !double.IsFinite(w)) throw new ArgumentException("weights must be finite and >= 0", nameof(weights));
            max = Math.Max(max, w);
        }
        for (int r = 0; r < rows; r++) mateOfRow[r] = -1;
        if (max == 0 || rows == 0 || cols == 0) return 0;
        int k = Math.Max(rows, cols);
        using var lsa = new LinearSumAssignment();
        double scale = Scale / max;
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++)
            {
                double w = r < rows && c < cols ? weights[r * cols + c] : 0;
                lsa.AddArcWithCost(r, c, -(long)Math.Round(w * scale));
            }
        var status = lsa.Solve();
        if (status != LinearSumAssignment.Status.OPTIMAL)
            throw new SolverException("LinearSumAssignment", status.ToString(), $"no optimal assignment on a {k} x {k} matrix");
        double value = 0;
        for (int r = 0; r < rows; r++)
        {
            int c = lsa.RightMate(r);
            if (c < cols && weights[r * cols + c] > 0)
            {
                mateOfRow[r] = c;
                value += weights[r * cols + c];
            }
        }
        return value;
    }

    /// <summary>OPT_off of one realization (type per step, -1 = none); optionally the matched node per step.</summary>
    public static double RealizationValue(MatchingInstance instance, ReadOnlySpan<int> typeOfStep, Span<int> matchedNodeOfStep = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        int n = instance.OfflineCount;
        var arrived = new List<int>();
        for (int t = 0; t < instance.StepCount; t++)
            if (typeOfStep[t] >= 0 && instance.EdgeStart(typeOfStep[t]) < instance.EdgeStart(typeOfStep[t] + 1)) arrived.Add(t);
        if (!matchedNodeOfStep.IsEmpty) matchedNodeOfStep[..instance.StepCount].Fill(-1);
        if (arrived.Count == 0 || n == 0) return 0;
        var w = new double[arrived.Count * n];
        for (int r = 0; r < arrived.Count; r++)
        {
            int j = typeOfStep[arrived[r]];
            for (int e = instance.EdgeStart(j); e < instance.EdgeStart(j + 1); e++) w[r * n + instance.EdgeNode(e)] = instance.EdgeWeight(e);
        }
        var mate = new int[arrived.Count];
        double value = MaxWeightMatching(arrived.Count, n, w, mate);
        if (!matchedNodeOfStep.IsEmpty)
            for (int r = 0; r < arrived.Count; r++) matchedNodeOfStep[arrived[r]] = mate[r];
        return value;
    }

    /// <summary>
    /// E[OPT_off]: per connected component, exact by enumerating its realizations when there are at most
    /// <paramref name="maxExactRealizations"/>, else the mean of <paramref name="samples"/> sampled realizations
    /// (standard errors add in quadrature). Method is exact only when every component was enumerated.
    /// </summary>
    /// <exception cref="SolverException">LinearSumAssignment did not reach optimality on a realization.</exception>
    public static ValueEstimate Solve(MatchingInstance instance, Rng rng, long maxExactRealizations = 1 << 16, int samples = 4000)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(rng);
        if (samples < 2) throw new ArgumentOutOfRangeException(nameof(samples), "at least 2 samples");
        double total = 0, variance = 0;
        bool exact = true;
        foreach (var comp in InstanceComponents.Compute(instance))
        {
            var sub = ComponentMatrix.Create(instance, comp);
            if (Realization.Count(instance, comp.Steps) <= maxExactRealizations)
            {
                double v = 0;
                Realization.Enumerate(instance, comp.Steps, (p, types) => v += p * sub.Value(types));
                total += v;
            }
            else
            {
                exact = false;
                var types = new int[comp.Steps.Count];
                double mean = 0, m2 = 0;
                for (int s = 0; s < samples; s++)
                {
                    for (int k = 0; k < types.Length; k++) types[k] = SampleType(instance, comp.Steps[k], rng);
                    double x = sub.Value(types);
                    double d = x - mean;
                    mean += d / (s + 1);
                    m2 += d * (x - mean);
                }
                total += mean;
                variance += m2 / (samples - 1) / samples;
            }
        }
        return exact ? new ValueEstimate(total, 0, EstimateMethod.Exact) : new ValueEstimate(total, Math.Sqrt(variance), EstimateMethod.MonteCarlo);
    }

    /// <summary>As <see cref="Solve"/>, but false (and <paramref name="status"/> set to the solver's status) instead of
    /// a <see cref="SolverException"/>.</summary>
    public static bool TrySolve(MatchingInstance instance, Rng rng, out ValueEstimate result, out string status,
        long maxExactRealizations = 1 << 16, int samples = 4000)
    {
        try
        {
            result = Solve(instance, rng, maxExactRealizations, samples);
            status = "OPTIMAL";
            return true;
        }
        catch (SolverException e)
        {
            result = new ValueEstimate(double.NaN, double.NaN, EstimateMethod.Skipped);
            status = e.Status;
            return false;
        }
    }

    /// <summary>
    /// Per offline node, E[weight of the edge that the offline optimum matches to it] (used by the balanced prices of
    /// Feldman–Gravin–Lucier): exact enumeration per component when small, else <paramref name="samples"/> samples.
    /// </summary>
    public static double[] ExpectedNodeWeights(MatchingInstance instance, Rng rng, long maxExactRealizations = 1 << 16, int samples = 4000)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var result = new double[instance.OfflineCount];
        foreach (var comp in InstanceComponents.Compute(instance))
        {
            var sub = ComponentMatrix.Create(instance, comp);
            var perNode = new double[comp.OfflineNodes.Count];
            if (Realization.Count(instance, comp.Steps) <= maxExactRealizations)
            {
                Realization.Enumerate(instance, comp.Steps, (p, types) => sub.Value(types, perNode, p));
            }
            else
            {
                var types = new int[comp.Steps.Count];
                for (int s = 0; s < samples; s++)
                {
                    for (int k = 0; k < types.Length; k++) types[k] = SampleType(instance, comp.Steps[k], rng);
                    sub.Value(types, perNode, 1.0 / samples);
                }
            }
            for (int k = 0; k < perNode.Length; k++) result[comp.OfflineNodes[k]] = perNode[k];
        }
        return result;
    }

    private static int SampleType(MatchingInstance inst, int t, Rng rng)
    {
        double u = rng.NextDouble();
        for (int j = inst.TypeStart(t); j < inst.TypeStart(t + 1); j++)
        {
            u -= inst.Probability(j);
            if (u < 0) return j;
        }
        return -1;
    }

    /// <summary>Weight rows of one component's steps, for per-realization matchings.</summary>
    private sealed class ComponentMatrix
    {
        private readonly MatchingInstance _inst;
        private readonly int[] _local;
        private readonly int _cols;
        private readonly double[] _buffer;
        private readonly int[] _mate, _rowType;

        private ComponentMatrix(MatchingInstance inst, int[] local, int cols, int steps)
        {
            _inst = inst;
            _local = local;
            _cols = cols;
            _buffer = new double[steps * cols];
            _mate = new int[steps];
            _rowType = new int[steps];
        }

        public static ComponentMatrix Create(MatchingInstance inst, InstanceComponent comp)
        {
            var local = new int[inst.OfflineCount];
            for (int k = 0; k < comp.OfflineNodes.Count; k++) local[comp.OfflineNodes[k]] = k;
            return new ComponentMatrix(inst, local, comp.OfflineNodes.Count, comp.Steps.Count);
        }

        public double Value(int[] types, double[]? perNode = null, double weight = 0)
        {
            int rows = 0;
            foreach (int j in types)
            {
                if (j < 0 || _inst.EdgeStart(j) == _inst.EdgeStart(j + 1)) continue;
                var row = _buffer.AsSpan(rows * _cols, _cols);
                row.Clear();
                for (int e = _inst.EdgeStart(j); e < _inst.EdgeStart(j + 1); e++) row[_local[_inst.EdgeNode(e)]] = _inst.EdgeWeight(e);
                _rowType[rows] = j;
                rows++;
            }
            if (rows == 0) return 0;
            double v = MaxWeightMatching(rows, _cols, _buffer.AsSpan(0, rows * _cols), _mate.AsSpan(0, rows));
            if (perNode is not null)
                for (int r = 0; r < rows; r++)
                    if (_mate[r] >= 0) perNode[_mate[r]] += weight * _buffer[r * _cols + _mate[r]];
            return v;
        }
    }
}
