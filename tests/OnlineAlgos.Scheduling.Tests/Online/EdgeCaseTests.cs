using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;
using Xunit;

namespace OnlineAlgos.Scheduling.Tests.Online;

/// <summary>Spec §6.3 edge cases, hand-checked.</summary>
public class EdgeCaseTests
{
    [Fact]
    public void EmptyInstance()
    {
        var inst = new SchedulingInstance<Rational>(Array.Empty<SchedulingJob<Rational>>());
        Assert.Equal(Rational.Zero, SrptOptimum.Cost(inst));
        foreach (var name in Support.AllNames) Assert.Equal(Rational.Zero, Support.Run(inst, name).TotalFlowTime);
    }

    [Fact]
    public void OneJobWithIdleStart()
    {
        var inst = TestInstances.Build(("7/2", new[] { "1", "2" }));
        foreach (var name in Support.AllNames)
        {
            var r = Support.Run(inst, name);
            Assert.Equal(new Rational(3), r.TotalFlowTime);
            Assert.Equal(new Rational(13, 2), r.CompletionTimes[0]);
        }
    }

    [Theory]
    [InlineData("first")]
    [InlineData("middle")]
    [InlineData("last")]
    [InlineData("all")]
    public void ZeroSizeOperations(string where)
    {
        string[] ops = where switch
        {
            "first" => new[] { "0", "2" },
            "middle" => new[] { "1", "0", "1" },
            "last" => new[] { "2", "0" },
            _ => new[] { "0", "0", "0" },
        };
        var inst = TestInstances.Build(("0", ops), ("1", new[] { "1" }));
        Rational p0 = where == "all" ? 0 : 2;
        foreach (var name in Support.AllNames)
        {
            var r = Support.Run(inst, name);
            Assert.Equal(r.TotalFlowTime, r.AliveIntegral);
            if (where == "all") Assert.Equal(Rational.Zero, r.CompletionTimes[0]); // completes at its release
            // Total work 3 from time 0 without idling: the last completion is at 3 (or 2 when job 0 is empty).
            Assert.Equal(p0 + 1 + (where == "all" ? 1 : 0), r.Makespan);
        }
    }

    [Fact]
    public void ReleaseEqualToCompletionTime()
    {
        // Job 0 = [1, 1]: its first operation ends at 1, exactly when job 1 = [1/2] arrives. Completions are delivered
        // first, so OpSRPT sees job 0's revealed key 1 and job 1's key 1/2 together and runs job 1.
        var inst = TestInstances.Build(("0", new[] { "1", "1" }), ("1", new[] { "1/2" }));
        var r = Support.Run(inst, "opsrpt", segments: true);
        Assert.Equal(new Rational(3, 2), r.CompletionTimes[1]);
        Assert.Equal(new Rational(5, 2), r.CompletionTimes[0]);
    }

    [Fact]
    public void ManyEqualKeysFollowTieRules()
    {
        var inst = TestInstances.Build(("0", new[] { "1" }), ("0", new[] { "1" }), ("1/2", new[] { "1/2" }));
        // At 1/2 job 0 has 1/2 left, job 2 has key 1/2: ReleaseAscending keeps job 0; ReleaseDescending switches.
        Assert.Equal(new Rational(1), Support.Run(inst, "opsrpt", tie: TieRule.ReleaseAscending).CompletionTimes[0]);
        Assert.Equal(new Rational(1), Support.Run(inst, "opsrpt", tie: TieRule.ReleaseDescending).CompletionTimes[2]);
        Assert.Equal(new Rational(1), Support.Run(inst, "opsrpt", tie: TieRule.IdAscending).CompletionTimes[0]);
    }

    [Fact]
    public void IdleGapsBetweenBusyPeriods()
    {
        var inst = TestInstances.Build(("0", new[] { "1" }), ("5", new[] { "2" }), ("5", new[] { "1" }));
        foreach (var name in Support.AllNames)
        {
            var busy = Support.BusyIntervals(Support.Run(inst, name, segments: true));
            Assert.Equal(new[] { (new Rational(0), new Rational(1)), (new Rational(5), new Rational(8)) }, busy);
        }
    }

    [Fact]
    public void LapsWithBetaOneIsRoundRobin()
    {
        var inst = TestInstances.Mpt4();
        Assert.Equal(Support.Run(inst, "rr").TotalFlowTime, ScheduleSimulator.Run(inst, new LapsScheduler<Rational>(1)).TotalFlowTime);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LapsScheduler<Rational>(0));
    }

    [Fact]
    public void LapsHandComputed()
    {
        // beta = 1/2, three jobs of size 1 at 0: the latest ceil(3/2) = 2 (ids 1, 2) share: both finish at 2; then
        // job 0 alone finishes at 3. Total 2 + 2 + 3 = 7.
        var inst = TestInstances.Build(("0", new[] { "1" }), ("0", new[] { "1" }), ("0", new[] { "1" }));
        var r = ScheduleSimulator.Run(inst, new LapsScheduler<Rational>(0.5));
        Assert.Equal(new Rational(7), r.TotalFlowTime);
    }

    [Fact]
    public void MlfHandComputed()
    {
        // Q = 1: job 0 (size 3) runs [0,1), moves to level 1; job 1 (size 1) arrives at 1, level 0, runs [1,2);
        // job 0 runs [2,4). Flow 4 + 1 = 5.
        var inst = TestInstances.Build(("0", new[] { "3" }), ("1", new[] { "1" }));
        var r = ScheduleSimulator.Run(inst, new MultilevelFeedbackScheduler<Rational>(1), recordSegments: true);
        Assert.Equal(new Rational(5), r.TotalFlowTime);
        Assert.Equal(new Rational(4), r.CompletionTimes[0]);
    }

    [Fact]
    public void ThousandTinyOperations()
    {
        var ops = Enumerable.Repeat("1/1000", 1000).ToArray();
        var inst = TestInstances.Build(("0", ops), ("1/2", new[] { "1/4" }));
        Assert.Equal(new Rational(3, 2), SrptOptimum.Cost(inst)); // short job runs at once: 1/4 + 5/4
        foreach (var name in Support.AllNames)
        {
            var r = Support.Run(inst, name);
            Assert.Equal(new Rational(5, 4), r.Makespan);
            Assert.Equal(r.TotalFlowTime, r.AliveIntegral);
        }
        // OpSRPT keeps the chain (current op 1/1000 < 1/4) and starves the short job: C_1 = 5/4, flow 3/4 + 1.
        Assert.Equal(new Rational(7, 4), Support.Run(inst, "opsrpt").TotalFlowTime);
    }

    [Fact]
    public void DoubleModeWideRangeOfSizes()
    {
        var rng = new OnlineAlgos.Core.Rng(7);
        var jobs = new List<SchedulingJob<double>>();
        for (int j = 0; j < 200; j++)
        {
            var ops = Enumerable.Range(0, 1 + rng.NextInt(4)).Select(_ => Math.Pow(10, -9 + 18 * rng.NextDouble())).ToArray();
            jobs.Add(new SchedulingJob<double>(j.ToString(System.Globalization.CultureInfo.InvariantCulture), j * 1e6 * rng.NextDouble(), ops));
        }
        var inst = new SchedulingInstance<double>(jobs);
        double opt = SrptOptimum.Cost(inst);
        foreach (var name in Support.AllNames)
        {
            var r = ScheduleSimulator.Run(inst, SchedulingAlgorithms.Create<double>(name));
            Assert.True(r.TotalFlowTime >= opt * (1 - 1e-9), name);
            Assert.True(Math.Abs(r.TotalFlowTime - r.AliveIntegral) <= 1e-9 * r.TotalFlowTime, name);
            for (int j = 0; j < inst.JobCount; j++)
                Assert.True(r.CompletionTimes[j] >= inst.Release(j) + inst.TotalSize(j) * (1 - 1e-9) - 1e-6, name);
        }
    }

    [Fact]
    public void ChunkCountersOnAHandExample()
    {
        // Ops 1, 1 (join: 1 <= 1), 3 (split: 3 > 1), 2 (join: 2 <= 3), 5 (split): chunks {1,1}, {3,2}, {5}.
        var inst = TestInstances.Build(("0", new[] { "1", "1", "3", "2", "5" }));
        var s = new ChunkedExploreScheduler<Rational>(1);
        ScheduleSimulator.Run(inst, s);
        Assert.Equal(3, s.ChunkCount(0));
        Assert.Equal(3, s.ChunkCountMax);
        Assert.Equal(2, s.OpsPerChunkMax);
    }
}
