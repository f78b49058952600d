using System.Diagnostics;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Online;
using OnlineAlgos.Matching.Testing;
using OnlineAlgos.Scheduling.Generators;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;
using OnlineAlgos.Scheduling.Testing;
using OnlineAlgos.Testing.Search;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.ProofChecks.WorstCase;

/// <summary>
/// The adversarial search (issue #15) rediscovers the specs' known bad families: the matching F7 family's ratio for
/// the pivotal-sampling template (spec matching §3.2/§3.4: minimum 0.67897 over c in the limit m → ∞, at c = 0.2761;
/// exact DP values 0.7045, 0.6946, 0.6894 at m = 5, 8, 12), and the scheduling lower-bound families L1 (RR on the
/// MPT-style stream, spec scheduling §3.3) and L2 (OpSRPT on chain-versus-short jobs): the generic search over
/// general instances of the same small size reaches at least the family's ratio.
/// </summary>
public class SearchRediscoveryChecks(ITestOutputHelper output)
{
    private static double PivotalRatio(MatchingInstance i) =>
        MatchingChecks.ExpectedValue(i, o => MatchingAlgorithms.Create("pivotal", o)) / MatchingChecks.Benchmark(i, MatchingBenchmark.OnlineOptimum);

    // F7 parameters: m in [3, 12], c on a grid of 0.01 in [0.01, 0.99].
    private sealed record F7(int M, int C100)
    {
        public MatchingInstance Instance => AdversarialFamilies.SureNodeTrap(M, C100 / 100.0, 1e-4);
    }

    [Fact]
    public void F7_search_over_the_family_parameters_finds_the_worst_c_and_the_ratio_toward_0_679()
    {
        var sw = Stopwatch.StartNew();
        var moves = new SearchMoves<F7>(
            rng => new F7(3 + rng.NextInt(4), 5 + rng.NextInt(90)),
            (f, rng) => rng.NextInt(3) == 0
                ? f with { M = Math.Clamp(f.M + (rng.NextInt(2) == 0 ? 1 : -1), 3, 12) }
                : f with { C100 = Math.Clamp(f.C100 + rng.NextInt(-6, 7), 1, 99) },
            f => f.M > 3 ? [f with { M = f.M - 1 }] : []);
        var score = new RatioScore<F7>(f => (PivotalRatio(f.Instance), 1), Objective.Maximize);
        var (result, ratio) = score.Search(moves, new SearchOptions(Budget: 160, Seed: 1, Restarts: 2, ShrinkBudget: 0));
        output.WriteLine($"F7 parameter search: m = {result.Best.M}, c = {result.Best.C100 / 100.0}, ratio {ratio:F4} ({result.Evaluations} DP evaluations, {sw.Elapsed.TotalSeconds:F1} s); closed form at m = 12: {AdversarialFamilies.SureNodeTrapScaled(12, 0.2761):F4}, limit {AdversarialFamilies.SureNodeTrapLimit(0.2761):F5}");
        // The ratio decreases in m, so the search must end at the largest m allowed, near the worst c (0.2761).
        Assert.Equal(12, result.Best.M);
        Assert.InRange(result.Best.C100, 20, 36);
        Assert.InRange(ratio, 0.6880, 0.6905); // spec: 0.6894 at m = 12 (DP); the limit 0.67897 needs m → ∞
        Assert.True(ratio > 0.678, "the template keeps its 0.678 guarantee on F7");
    }

    [Fact]
    public void Generic_matching_moves_from_a_perturbed_F7_move_toward_its_value_at_m_5()
    {
        // Start from F7 at m = 5 with the LP mass of the sure node far from the worst (c = 0.6): the generic moves
        // (probabilities, weights, steps, nodes) must lower the ratio toward F7's worst value at m = 5, 0.7045.
        var start = AdversarialFamilies.SureNodeTrap(5, 0.6, 1e-4);
        double startRatio = PivotalRatio(start);
        var score = new RatioScore<MatchingInstance>(i => (MatchingChecks.ExpectedValue(i, o => MatchingAlgorithms.Create("pivotal", o)),
            MatchingChecks.Benchmark(i, MatchingBenchmark.OnlineOptimum)), Objective.Maximize);
        var (result, ratio) = score.Search(MatchingMoves.Create(maxOffline: 6, maxSteps: 8), new SearchOptions(Budget: 1500, Seed: 1), seeds: [start, start]);
        output.WriteLine($"generic moves from F7(m=5, c=0.6) = {startRatio:F4}: best {result.UnshrunkScore * -1:F4}, shrunk {ratio:F4}");
        Assert.True(-result.UnshrunkScore < startRatio - 0.01, "the search improves on its start");
        Assert.True(ratio >= 0.678, "no violation of the template's 0.678");
    }

    [Fact]
    public void Scheduling_search_reaches_the_lower_bound_families_at_the_same_size()
    {
        static double Ratio(SchedulingInstance<Rational> i, string name) =>
            (ScheduleSimulator.Run(i, SchedulingAlgorithms.Create<Rational>(name)).TotalFlowTime / SrptOptimum.Cost(i)).ToDouble();
        // L2 with m = 8 (3 jobs, 8 operations) and L1 for RR with k = 2 (10 jobs of up to 3 operations).
        double l2 = Ratio(SchedulingWorkloads.ChainVersusShort(8), "opsrpt");
        double l1 = Ratio(SchedulingWorkloads.MptStream(2), "rr");
        var opsrpt = new RatioScore<SchedulingInstance<Rational>>(i =>
            (ScheduleSimulator.Run(i, SchedulingAlgorithms.Create<Rational>("opsrpt")).TotalFlowTime.ToDouble(), SrptOptimum.Cost(i).ToDouble()), Objective.Minimize);
        var rr = new RatioScore<SchedulingInstance<Rational>>(i =>
            (ScheduleSimulator.Run(i, SchedulingAlgorithms.Create<Rational>("rr")).TotalFlowTime.ToDouble(), SrptOptimum.Cost(i).ToDouble()), Objective.Minimize);
        var (_, o) = opsrpt.Search(SchedulingMoves.General(maxJobs: 3, maxOps: 8), new SearchOptions(Budget: 3000, Seed: 1));
        var (_, r) = rr.Search(SchedulingMoves.General(maxJobs: 10, maxOps: 3), new SearchOptions(Budget: 3000, Seed: 1));
        output.WriteLine($"OpSRPT: L2(m=8) {l2:F4}, search over <= 3 jobs x 8 ops {o:F4}; RR: L1(k=2) {l1:F4}, search over <= 10 jobs x 3 ops {r:F4}");
        Assert.True(o >= l2 - 1e-9, $"OpSRPT search {o} below L2 {l2}");
        Assert.True(r >= l1 * 0.99, $"RR search {r} below 0.99 x L1 {l1}");
    }
}
