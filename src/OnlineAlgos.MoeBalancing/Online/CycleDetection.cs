using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// Limit-cycle detection for constant-step ALF-LB on a fixed S (spec A4, after the oberpierre replica, with the
/// spec's correction): from p⁰ = 0 with constant u the bias stays on the lattice u·ℤ^E, so the state is kept as
/// integers z (p = u·z, exact) and the <b>centred</b> coordinates z_i − z_0 are hashed. Hashing raw p misses cycles
/// because Σp drifts by u·(|𝒰| − |𝒪|) per step. O(steps·T·E) time, O(steps·E) memory.
/// </summary>
public static class CycleDetection
{
    /// <summary>Runs A1 with constant <paramref name="rate"/> for at most <paramref name="maxSteps"/> iterations.</summary>
    public static CycleReport Run(ScoreMatrix scores, int k, double rate, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (!(rate > 0)) throw new ArgumentOutOfRangeException(nameof(rate), "rate must be > 0");
        int e = scores.Experts, t = scores.Tokens;
        TopKRouter.Validate(e, e, k);
        var z = new long[e];
        var bias = new double[e];
        var assignment = new int[t * k];
        var loads = new int[e];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var states = new List<long[]>();
        var objectives = new List<double>();
        var maxLoads = new List<int>();
        long total = (long)t * k;
        var key = new System.Text.StringBuilder();
        for (int step = 0; step <= maxSteps; step++)
        {
            key.Clear();
            for (int i = 1; i < e; i++) key.Append(z[i] - z[0]).Append(',');
            string s = key.ToString();
            for (int i = 0; i < e; i++) bias[i] = rate * z[i];
            TopKRouter.Route(scores, bias, k, assignment, loads);
            if (seen.TryGetValue(s, out int first))
            {
                int len = step - first;
                double band = 0, meanObj = 0;
                int maxLoad = 0;
                for (int i = 0; i < e; i++)
                {
                    double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                    for (int r = first; r < step; r++)
                    {
                        var zr = states[r];
                        double mean = 0;
                        foreach (long v in zr) mean += v;
                        mean /= e;
                        double c = rate * (zr[i] - mean);
                        lo = Math.Min(lo, c);
                        hi = Math.Max(hi, c);
                    }
                    band = Math.Max(band, hi - lo);
                }
                for (int r = first; r < step; r++)
                {
                    meanObj += objectives[r];
                    maxLoad = Math.Max(maxLoad, maxLoads[r]);
                }
                return new CycleReport(true, first, len, band, meanObj / len, maxLoad, step);
            }
            seen.Add(s, step);
            states.Add((long[])z.Clone());
            objectives.Add(BalanceMetrics.Objective(scores, assignment, k));
            int ml = 0;
            foreach (int n in loads) ml = Math.Max(ml, n);
            maxLoads.Add(ml);
            for (int i = 0; i < e; i++) z[i] += AlfLbBalancer.Sign(total, e, loads[i]);
        }
        return new CycleReport(false, -1, 0, 0, 0, 0, maxSteps);
    }
}
