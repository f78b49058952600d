using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// The standard line-up of online algorithms for reports and studies, in output order: greedy, threshold-greedy
/// (τ = 0.35), balanced-prices, independent-proposals, grouped-proposals, pivotal (default scaled template),
/// pivotal-unscaled, pivotal-discard (ProposersOnArrival). LP-based ones share one LP solution.
/// </summary>
public static class AlgorithmSuite
{
    /// <summary>Names in output order.</summary>
    public static IReadOnlyList<string> Names { get; } = new[]
    {
        "greedy", "threshold-greedy", "balanced-prices", "independent-proposals", "grouped-proposals",
        "pivotal", "pivotal-unscaled", "pivotal-discard",
    };

    /// <summary>Builds the algorithms; <paramref name="rng"/> feeds the price estimation when it needs sampling.</summary>
    public static IReadOnlyList<IOnlineMatchingAlgorithm> Create(MatchingInstance instance, LpSolution x, Rng rng) => new IOnlineMatchingAlgorithm[]
    {
        new GreedyMatching(instance),
        new GreedyMatching(instance, 0.35),
        new BalancedPricesMatching(instance, rng),
        new IndependentProposalsMatching(instance, x),
        new GroupedProposalsMatching(instance, x),
        new PivotalSamplingMatching(instance, x),
        new PivotalSamplingMatching(instance, x, PivotalSamplingOptions.Unscaled),
        new PivotalSamplingMatching(instance, x, new PivotalSamplingOptions(Discard: DiscardRule.ProposersOnArrival, Name: "pivotal-discard")),
    };

    /// <summary>
    /// Expected value of each algorithm: exact (<see cref="ExactEvaluator"/>) when the reachable available-sets stay
    /// within <paramref name="maxExactStates"/>, otherwise Monte Carlo with <paramref name="samples"/> common-random-number
    /// samples.
    /// </summary>
    public static IReadOnlyList<ValueEstimate> Evaluate(MatchingInstance instance, IReadOnlyList<IOnlineMatchingAlgorithm> algorithms,
        Rng rng, int samples = 20000, int maxExactStates = ExactEvaluator.DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(algorithms);
        var result = new ValueEstimate[algorithms.Count];
        var pending = new List<int>();
        for (int a = 0; a < algorithms.Count; a++)
        {
            try
            {
                result[a] = new ValueEstimate(ExactEvaluator.Value(instance, algorithms[a], maxExactStates), 0, EstimateMethod.Exact);
            }
            catch (InstanceTooLargeException)
            {
                pending.Add(a);
            }
        }
        if (pending.Count > 0)
        {
            var subset = new List<IOnlineMatchingAlgorithm>();
            foreach (int a in pending) subset.Add(algorithms[a]);
            var mc = MonteCarloEvaluator.Evaluate(instance, subset, samples, rng);
            for (int k = 0; k < pending.Count; k++) result[pending[k]] = mc[k];
        }
        return result;
    }
}
