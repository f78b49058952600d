using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Generators;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.ProofChecks.Scheduling;

/// <summary>Search-based checks of spec §6.2 (S1, S3, S5) and an exhaustive grid check of P7.</summary>
public class SchedulingSearchChecks
{
    private readonly ITestOutputHelper _out;
    public SchedulingSearchChecks(ITestOutputHelper output) => _out = output;

    [Theory]
    [InlineData(TieRule.ReleaseAscending)]
    [InlineData(TieRule.ReleaseDescending)]
    [InlineData(TieRule.IdAscending)]
    public void S1_HillClimbFindsNoViolationOfTwo(TieRule tie)
    {
        // Modest budget (spec: 400 steps x 60 restarts, n <= 14): 200 steps x 30 restarts per tie rule.
        var best = UniformTestsAdversary.HillClimb(new Rng(2026 + (ulong)tie), restarts: 30, steps: 200, maxJobs: 14, tie);
        // Re-check the worst instance found exactly (doubles convert to rationals exactly).
        var exact = best.Instance.Convert<Rational>();
        var alg = ScheduleSimulator.Run(exact, new OperationSrptScheduler<Rational>(tie)).TotalFlowTime;
        var opt = SrptOptimum.Cost(exact);
        _out.WriteLine($"{tie}: worst ratio found {best.Ratio:F4} (exact {(alg / opt).ToDouble():F6}) on n = {exact.JobCount}");
        Assert.True(alg <= 2 * opt);
        Assert.True(best.Ratio > 1.2, "the search should find clearly non-optimal instances");
    }

    [Fact]
    public void P7_ExhaustiveGridThreeJobs()
    {
        // Every instance with 3 jobs, releases in {0, 1/2, ..., 3}, parts in {0, 1/2, 1, 2, 4}, t = 1, all tie rules.
        var releases = Enumerable.Range(0, 7).Select(i => new Rational(i, 2)).ToArray();
        var parts = new Rational[] { 0, new(1, 2), 1, 2, 4 };
        Rational worst = 0;
        int count = 0;
        foreach (var r0 in releases) foreach (var r1 in releases) foreach (var r2 in releases)
        {
            if (r0 > r1 || r1 > r2) continue; // symmetric up to relabelling; tie rules still see both orders via ids
            foreach (var p0 in parts) foreach (var p1 in parts) foreach (var p2 in parts)
            {
                var inst = SchedulingInstance<Rational>.UniformTests(1, new[] { r0, r1, r2 }, new[] { p0, p1, p2 });
                var opt = SrptOptimum.Cost(inst);
                foreach (var tie in Enum.GetValues<TieRule>())
                {
                    var alg = ScheduleSimulator.Run(inst, new OperationSrptScheduler<Rational>(tie)).TotalFlowTime;
                    Assert.True(alg <= 2 * opt);
                    if (alg / opt > worst) worst = alg / opt;
                    count++;
                }
            }
        }
        _out.WriteLine($"{count} runs; worst OpSRPT/OPT = {worst} = {worst.ToDouble():F4}");
    }

    [Fact]
    public void S3_RoundRobinRatioGrowsOnMptStream()
    {
        double previous = 0;
        for (int k = 2; k <= 8; k++)
        {
            var inst = SchedulingWorkloads.MptStream(k);
            var ratio = (ScheduleSimulator.Run(inst, new RoundRobinScheduler<Rational>()).TotalFlowTime / SrptOptimum.Cost(inst)).ToDouble();
            _out.WriteLine($"k = {k}: RR/OPT = {ratio:F3} (slope {ratio - previous:F3})");
            Assert.True(ratio > previous);
            if (k > 2) Assert.InRange(ratio - previous, 0.6, 1.0); // spec: slope roughly 0.8 per unit k
            previous = ratio;
        }
        Assert.Equal(6.88, Math.Round(previous, 2)); // spec [ours] value at k = 8
    }

    [Fact]
    public void S5_SkeletonBeatsRoundRobinOnGeometricGrowth()
    {
        // 200 seeds, n = 60, rho = 0.9, c = 2, m_j ~ U{1..6}; expectation (reconstructed): skeleton <= RR in >= 90%.
        int wins = 0;
        double sumSkeleton = 0, sumRr = 0, maxSkeleton = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var inst = SchedulingWorkloads.GeometricGrowth(Rng.ForCell(77, "s5", seed), 60, 0.9, 2, 6);
            double opt = SrptOptimum.Cost(inst);
            double sk = ScheduleSimulator.Run(inst, new ChunkedExploreScheduler<double>(1.0)).TotalFlowTime / opt;
            double rr = ScheduleSimulator.Run(inst, new RoundRobinScheduler<double>()).TotalFlowTime / opt;
            Assert.True(double.IsFinite(sk));
            if (sk <= rr) wins++;
            sumSkeleton += sk;
            sumRr += rr;
            maxSkeleton = Math.Max(maxSkeleton, sk);
        }
        _out.WriteLine($"skeleton <= RR on {wins}/200 seeds; mean skeleton {sumSkeleton / 200:F3} (max {maxSkeleton:F3}), mean RR {sumRr / 200:F3}");
        Assert.True(wins >= 180);
    }

    [Fact]
    public void L1_AdaptiveStreamDefeatsEveryNonClairvoyantRule()
    {
        // The adaptive construction against each deterministic rule; ratios should grow with k.
        foreach (var name in new[] { "rr", "setf", "mlf", "fifo", "laps" })
        {
            double previous = 0;
            foreach (int k in new[] { 2, 4, 6 })
            {
                var inst = SchedulingWorkloads.AdaptiveMptStream(k, () => SchedulingAlgorithms.Create<Rational>(name));
                var d = inst.Convert<double>();
                double ratio = ScheduleSimulator.Run(d, SchedulingAlgorithms.Create<double>(name)).TotalFlowTime / SrptOptimum.Cost(d);
                _out.WriteLine($"{name} k = {k}: ratio {ratio:F3}");
                Assert.True(ratio >= previous - 1e-9, $"{name}: ratio fell from {previous} to {ratio} at k = {k}");
                previous = ratio;
            }
        }
    }
}
