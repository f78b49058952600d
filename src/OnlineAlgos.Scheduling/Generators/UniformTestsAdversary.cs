using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;

namespace OnlineAlgos.Scheduling.Generators;

/// <summary>
/// Adversarial search against operation-level SRPT on uniform obligatory tests (spec §6.2 S1; L3 is NOT FOUND, so the
/// lower-bound side is searched): random restarts (n in [2, maxJobs], test length 1) and hill climbing with Gaussian
/// moves on releases and processing parts, step scale shrinking by 0.7 every 100 steps. Double arithmetic; the
/// caller re-checks the best instance exactly. Cost: restarts × steps × (OPT + OpSRPT runs).
/// </summary>
public static class UniformTestsAdversary
{
    /// <summary>The worst instance found and its ratio.</summary>
    public sealed record Best(double Ratio, SchedulingInstance<double> Instance);

    /// <summary>OpSRPT/OPT on an instance (1 when OPT = 0).</summary>
    public static double Ratio(SchedulingInstance<double> instance, TieRule tie)
    {
        double opt = SrptOptimum.Cost(instance);
        if (opt <= 0) return 1;
        return ScheduleSimulator.Run(instance, new OperationSrptScheduler<double>(tie)).TotalFlowTime / opt;
    }

    /// <summary>Runs the search.</summary>
    public static Best HillClimb(Rng rng, int restarts, int steps, int maxJobs, TieRule tie)
    {
        double[] none = [0.0], noneProcessing = [0.0];
        Best best = new(0, SchedulingInstance<double>.UniformTests(1.0, none, noneProcessing));
        for (int r = 0; r < restarts; r++)
        {
            int n = rng.NextInt(2, maxJobs + 1);
            var rel = new double[n];
            var parts = new double[n];
            for (int j = 0; j < n; j++)
            {
                rel[j] = rng.NextBernoulli(0.3) ? 0 : 4 * rng.NextDouble();
                parts[j] = rng.NextBernoulli(0.2) ? 0 : 3 * rng.NextDouble();
            }
            double cur = Ratio(SchedulingInstance<double>.UniformTests(1.0, rel, parts), tie);
            double scale = 0.5;
            for (int s = 0; s < steps; s++)
            {
                var r2 = (double[])rel.Clone();
                var p2 = (double[])parts.Clone();
                int j = rng.NextInt(n);
                if (rng.NextBernoulli(0.5)) r2[j] = Math.Max(0, r2[j] + scale * rng.NextGaussian());
                else p2[j] = rng.NextBernoulli(0.1) ? 0 : Math.Max(0, p2[j] + scale * rng.NextGaussian());
                double val = Ratio(SchedulingInstance<double>.UniformTests(1.0, r2, p2), tie);
                if (val >= cur) { cur = val; rel = r2; parts = p2; }
                if (s % 100 == 99) scale *= 0.7;
            }
            if (cur > best.Ratio) best = new(cur, SchedulingInstance<double>.UniformTests(1.0, rel, parts));
        }
        return best;
    }
}
