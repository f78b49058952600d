using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// Runs a scheme with real gradients (issue item 4): every non-straggling worker computes its coded task results from
/// the workload's data (sum of coefficient x unit gradient), the master stores them, and at each job's deadline it
/// decodes with the scheme's coefficients and compares with the uncoded full gradient. Units are mapped to point
/// ranges by cumulative data size (rounded to whole points; the decoded sum is exact whatever the split).
/// Cost per round: O(tasks x support x points/units x d).
/// </summary>
public static class CodedGradientRunner
{
    /// <summary>Result: jobs decoded on time, worst relative error ||decoded - full|| / ||full||, worst decode residual,
    /// decodes that needed the fallback.</summary>
    public sealed record Result(int DecodedOnTime, double WorstRelativeError, double WorstResidual, int Fallbacks, int FailedDecodes);

    /// <summary>Runs <paramref name="scheme"/> (fresh, with gradient codes) over <paramref name="pattern"/>.</summary>
    public static Result Run(ISequentialGradientScheme scheme, StragglerPattern pattern, LeastSquaresWorkload workload)
    {
        if (workload.Jobs < scheme.Jobs) throw new ArgumentException("workload has fewer jobs than the scheme");
        var master = new Master(scheme, workload, UnitBounds(scheme, workload));
        var clean = new bool[scheme.Workers];
        for (int r = 0; r < scheme.Rounds; r++)
        {
            scheme.PlanRound(r);
            var st = r < pattern.Rounds ? pattern.Round(r) : clean;
            master.StoreResults(st);
            scheme.CompleteRound(st);
            int due = r - scheme.Delay;
            if (due < 0 || due >= scheme.Jobs) continue;
            if (scheme.DecodedRound(due) < 0) continue;
            master.Decode(due);
        }
        return master.Summary();
    }

    // Point range [bounds[u], bounds[u+1]) of each unit, by cumulative unit size rounded to whole points.
    private static int[] UnitBounds(ISequentialGradientScheme scheme, LeastSquaresWorkload workload)
    {
        int units = scheme.UnitsPerJob;
        var bounds = new int[units + 1];
        double cum = 0;
        for (int u = 0; u < units; u++) { cum += scheme.UnitSize(u); bounds[u + 1] = (int)Math.Round(cum * workload.Points); }
        bounds[units] = workload.Points;
        for (int u = 1; u <= units; u++) bounds[u] = Math.Clamp(bounds[u], bounds[u - 1], workload.Points);
        return bounds;
    }

    // The master's store of task results and the running totals of the decodes.
    private sealed class Master
    {
        private readonly ISequentialGradientScheme scheme;
        private readonly LeastSquaresWorkload workload;
        private readonly int[] bounds;
        private readonly int units, d, n;
        private readonly Dictionary<int, double[]> unitGrad = new(); // job -> units x d
        private readonly Dictionary<(int Job, int Key), double[]> results = new();
        private readonly List<(int Unit, double Coefficient)> combo = new();
        private readonly List<(int Key, double Coefficient)> decode = new();
        private int onTime, fallbacks, failed;
        private double worstErr, worstRes;

        public Master(ISequentialGradientScheme scheme, LeastSquaresWorkload workload, int[] bounds)
        {
            this.scheme = scheme;
            this.workload = workload;
            this.bounds = bounds;
            units = scheme.UnitsPerJob;
            d = workload.Dimension;
            n = scheme.Workers;
        }

        // Every non-straggling worker's task results of this round (a key already stored is the same combination).
        public void StoreResults(ReadOnlySpan<bool> st)
        {
            for (int i = 0; i < n; i++)
            {
                if (st[i]) continue;
                foreach (var task in scheme.Tasks(i))
                {
                    if (results.ContainsKey((task.Job, task.Key))) continue; // same key = same combination
                    var ug = UnitGradients(task.Job);
                    scheme.TaskCombination(task.Key, combo);
                    var f = new double[d];
                    foreach (var (u, c) in combo)
                        for (int k = 0; k < d; k++) f[k] += c * ug[u * d + k];
                    results[(task.Job, task.Key)] = f;
                }
            }
        }

        // The job's per-unit gradients (units x d), computed on first use.
        private double[] UnitGradients(int job)
        {
            if (unitGrad.TryGetValue(job, out var ug)) return ug;
            ug = new double[units * d];
            for (int u = 0; u < units; u++) workload.AddRangeGradient(job, bounds[u], bounds[u + 1], ug.AsSpan(u * d, d));
            unitGrad[job] = ug;
            return ug;
        }

        // Decodes the due job with the scheme's coefficients and compares it with the full gradient.
        public void Decode(int due)
        {
            onTime++;
            var res = scheme.DecodeCoefficients(due, decode);
            if (res.UsedFallback) fallbacks++;
            if (!res.Success) failed++;
            worstRes = Math.Max(worstRes, res.Residual);
            var g = new double[d];
            foreach (var (key, c) in decode)
            {
                var f = results[(due, key)];
                for (int k = 0; k < d; k++) g[k] += c * f[k];
            }
            var full = workload.FullGradient(due);
            worstErr = Math.Max(worstErr, RelativeError(g, full));
            unitGrad.Remove(due);
        }

        public Result Summary() => new(onTime, worstErr, worstRes, fallbacks, failed);

        // ||g - full|| / ||full|| (full = 0 divides by the smallest double).
        private double RelativeError(double[] g, double[] full)
        {
            double num = 0, den = 0;
            for (int k = 0; k < d; k++) { num += (g[k] - full[k]) * (g[k] - full[k]); den += full[k] * full[k]; }
            return Math.Sqrt(num / Math.Max(den, double.Epsilon));
        }
    }
}
