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
        int units = scheme.UnitsPerJob, d = workload.Dimension, n = scheme.Workers;
        var bounds = new int[units + 1];
        double cum = 0;
        for (int u = 0; u < units; u++) { cum += scheme.UnitSize(u); bounds[u + 1] = (int)Math.Round(cum * workload.Points); }
        bounds[units] = workload.Points;
        for (int u = 1; u <= units; u++) bounds[u] = Math.Clamp(bounds[u], bounds[u - 1], workload.Points);

        var unitGrad = new Dictionary<int, double[]>(); // job -> units x d
        var results = new Dictionary<(int Job, int Key), double[]>();
        var combo = new List<(int Unit, double Coefficient)>();
        var decode = new List<(int Key, double Coefficient)>();
        var clean = new bool[n];
        int onTime = 0, fallbacks = 0, failed = 0;
        double worstErr = 0, worstRes = 0;
        for (int r = 0; r < scheme.Rounds; r++)
        {
            scheme.PlanRound(r);
            var st = r < pattern.Rounds ? pattern.Round(r) : clean;
            for (int i = 0; i < n; i++)
            {
                if (st[i]) continue;
                foreach (var task in scheme.Tasks(i))
                {
                    if (results.ContainsKey((task.Job, task.Key))) continue; // same key = same combination
                    if (!unitGrad.TryGetValue(task.Job, out var ug))
                    {
                        ug = new double[units * d];
                        for (int u = 0; u < units; u++) workload.AddRangeGradient(task.Job, bounds[u], bounds[u + 1], ug.AsSpan(u * d, d));
                        unitGrad[task.Job] = ug;
                    }
                    scheme.TaskCombination(task.Key, combo);
                    var f = new double[d];
                    foreach (var (u, c) in combo)
                        for (int k = 0; k < d; k++) f[k] += c * ug[u * d + k];
                    results[(task.Job, task.Key)] = f;
                }
            }
            scheme.CompleteRound(st);
            int due = r - scheme.Delay;
            if (due < 0 || due >= scheme.Jobs) continue;
            if (scheme.DecodedRound(due) < 0) continue;
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
            double num = 0, den = 0;
            for (int k = 0; k < d; k++) { num += (g[k] - full[k]) * (g[k] - full[k]); den += full[k] * full[k]; }
            worstErr = Math.Max(worstErr, Math.Sqrt(num / Math.Max(den, double.Epsilon)));
            unitGrad.Remove(due);
        }
        return new Result(onTime, worstErr, worstRes, fallbacks, failed);
    }
}
