using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// Monte Carlo expected values with common random numbers (spec §5): every sample draws one realization that all
/// algorithms (and optionally the offline optimum) share; each algorithm's coins come from its own stream derived from
/// the sample's seed. Reports means with standard errors (values lie in [0, min(n,T)·w_max], so CLT intervals apply).
/// </summary>
public static class MonteCarloEvaluator
{
    /// <summary>Estimates for each algorithm (same order), plus E[OPT_off] last when <paramref name="withOfflineOptimum"/>.</summary>
    public static IReadOnlyList<ValueEstimate> Evaluate(MatchingInstance instance, IReadOnlyList<IOnlineMatchingAlgorithm> algorithms,
        int samples, Rng rng, bool withOfflineOptimum = false)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(algorithms);
        ArgumentNullException.ThrowIfNull(rng);
        if (samples < 2) throw new ArgumentOutOfRangeException(nameof(samples), "at least 2 samples");
        int m = algorithms.Count + (withOfflineOptimum ? 1 : 0);
        var mean = new double[m];
        var m2 = new double[m];
        var sim = new MatchingSimulator(instance);
        var types = new int[instance.StepCount];
        for (int s = 0; s < samples; s++)
        {
            ulong seed = rng.NextUInt64();
            Realization.Sample(instance, new Rng(seed), types);
            for (int a = 0; a < m; a++)
            {
                double x = a < algorithms.Count
                    ? sim.Run(algorithms[a], types, new Rng(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(a + 1))))
                    : OfflineOptimum.RealizationValue(instance, types);
                double d = x - mean[a];
                mean[a] += d / (s + 1);
                m2[a] += d * (x - mean[a]);
            }
        }
        var result = new ValueEstimate[m];
        for (int a = 0; a < m; a++)
            result[a] = new ValueEstimate(mean[a], Math.Sqrt(m2[a] / (samples - 1) / samples), EstimateMethod.MonteCarlo);
        return result;
    }
}
