using OnlineAlgos.Core;
using FsCheck.Fluent;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Online;
using OnlineAlgos.Scheduling.Testing;
using Xunit;

namespace OnlineAlgos.Scheduling.Tests.Online;

/// <summary>P13 (spec §6.1): two instances that differ only in a not-yet-revealed operation size give identical
/// schedules until that operation is revealed; and the view refuses to show hidden data.</summary>
public class InformationDisciplineTests
{
    [Fact]
    public void P13_SchedulesAgreeUntilTheChangedOperationIsRevealed()
    {
        var gen = from inst in SchedulingGenerators.InstanceGen(7, 4)
                  from pick in Gen.Choose(0, 1000)
                  from newSize in Gen.Choose(0, 9)
                  select (inst, pick, newSize);
        int checkedCases = 0;
        foreach (var (inst, pick, newSize) in Gen.Sample(gen, 150))
        {
            var multi = Enumerable.Range(0, inst.JobCount).Where(j => inst.OperationCount(j) >= 2).ToArray();
            if (multi.Length == 0) continue;
            int job = multi[pick % multi.Length];
            int op = 1 + pick % (inst.OperationCount(job) - 1);
            var jobs = inst.Jobs().ToArray();
            var ops = jobs[job].Operations.ToArray();
            ops[op] = new Rational(newSize, 2);
            jobs[job] = jobs[job] with { Operations = ops };
            var changed = new SchedulingInstance<Rational>(jobs);
            Rational revealedAfter = 0;
            for (int i = 0; i < op; i++) revealedAfter += inst.Operation(job, i);
            foreach (var name in Support.AllNames)
            {
                var a = Support.Run(inst, name, segments: true);
                var b = Support.Run(changed, name, segments: true);
                var d = FirstDivergence(a.Segments!, b.Segments!);
                if (d is null) continue;
                // Before the divergence the job must already have finished operations 0..op-1 (size revealed).
                Assert.True(Service(a.Segments!, job, d.Value) >= revealedAfter,
                    $"{name}: schedules diverge at {d} before operation {op} of job {job} is revealed\n{SchedulingGenerators.ToText(inst)}");
            }
            checkedCases++;
        }
        Assert.True(checkedCases > 50);
    }

    private static Rational Service(IReadOnlyList<ScheduleSegment<Rational>> segs, int job, Rational until)
    {
        Rational s = 0;
        foreach (var x in segs)
            if (x.Job == job && x.Start < until) s += x.Rate * (Rational.Min(x.End, until) - x.Start);
        return s;
    }

    private static Rational? FirstDivergence(IReadOnlyList<ScheduleSegment<Rational>> a, IReadOnlyList<ScheduleSegment<Rational>> b)
    {
        var points = a.Concat(b).SelectMany(s => new[] { s.Start, s.End }).Distinct().OrderBy(x => x).ToList();
        for (int i = 0; i + 1 < points.Count; i++)
        {
            var mid = (points[i] + points[i + 1]) / 2;
            var ra = a.Where(s => s.Start <= mid && mid < s.End).Select(s => (s.Job, s.Rate)).OrderBy(x => x.Job).ToList();
            var rb = b.Where(s => s.Start <= mid && mid < s.End).Select(s => (s.Job, s.Rate)).OrderBy(x => x.Job).ToList();
            if (!ra.SequenceEqual(rb)) return points[i];
        }
        return null;
    }

    private sealed class PeekingScheduler : IOnlineScheduler<Rational>
    {
        public Action<SchedulerView<Rational>> OnStart = _ => { };
        public Action<int, SchedulerView<Rational>> OnRel = (_, _) => { };
        public string Name => "peek";
        public void Start(SchedulerView<Rational> view) => OnStart(view);
        public void OnRelease(int job, SchedulerView<Rational> view) => OnRel(job, view);
        public void OnOperationRevealed(int job, SchedulerView<Rational> view) { }
        public void OnJobCompleted(int job, SchedulerView<Rational> view) { }
        public void Allocate(SchedulerView<Rational> view, RateAllocation<Rational> allocation)
        {
            if (view.AliveCount > 0) allocation.Add(view.AliveJobs[0], 1);
        }
        public bool TryGetBreakpoint(SchedulerView<Rational> view, RateAllocation<Rational> allocation, out Rational delta)
        {
            delta = 0;
            return false;
        }
    }

    [Fact]
    public void ViewRefusesUnreleasedJobsAndHiddenCounts()
    {
        var inst = TestInstances.Build(("0", new[] { "1", "2" }), ("5", new[] { "3" }));
        var peek = new PeekingScheduler { OnStart = v => v.Release(1) };
        Assert.Throws<InvalidOperationException>(() => ScheduleSimulator.Run(inst, peek));
        peek = new PeekingScheduler { OnRel = (j, v) => v.OperationCount(j) };
        Assert.Throws<InvalidOperationException>(() => ScheduleSimulator.Run(inst, peek));
        var revealed = new SchedulingInstance<Rational>(inst.Jobs(), revealOperationCount: true);
        int seen = -1;
        peek = new PeekingScheduler { OnRel = (j, v) => { if (j == 0) seen = v.OperationCount(j); } };
        ScheduleSimulator.Run(revealed, peek);
        Assert.Equal(2, seen);
    }

    [Fact]
    public void RobustModelHidesSizesAndShowsEstimates()
    {
        var inst = new SchedulingInstance<Rational>(new[]
        {
            new SchedulingJob<Rational>("a", 0, new Rational[] { 4 }, Estimate: 2),
            new SchedulingJob<Rational>("b", 1, new Rational[] { 1 }, Estimate: 3),
        });
        var peek = new PeekingScheduler { OnRel = (j, v) => v.OperationSize(j) };
        Assert.Throws<InvalidOperationException>(() => ScheduleSimulator.Run(inst, peek));
        Rational est = 0;
        peek = new PeekingScheduler { OnRel = (j, v) => { if (j == 1) est = v.Estimate(j); } };
        ScheduleSimulator.Run(inst, peek);
        Assert.Equal(new Rational(3), est);
        // Non-clairvoyant rules run unchanged in the robust model: RR: a alone [0,1), shares until b done at 3.
        Assert.Equal(new Rational(5 + 2), ScheduleSimulator.Run(inst, new RoundRobinScheduler<Rational>()).TotalFlowTime);
    }

    private sealed class RogueScheduler : IOnlineScheduler<Rational>
    {
        public Func<SchedulerView<Rational>, (int, Rational)[]> Pick = _ => Array.Empty<(int, Rational)>();
        public Rational? Breakpoint;
        public string Name => "rogue";
        public void Start(SchedulerView<Rational> view) { }
        public void OnRelease(int job, SchedulerView<Rational> view) { }
        public void OnOperationRevealed(int job, SchedulerView<Rational> view) { }
        public void OnJobCompleted(int job, SchedulerView<Rational> view) { }
        public void Allocate(SchedulerView<Rational> view, RateAllocation<Rational> allocation)
        {
            foreach (var (j, r) in Pick(view)) allocation.Add(j, r);
        }
        public bool TryGetBreakpoint(SchedulerView<Rational> view, RateAllocation<Rational> allocation, out Rational delta)
        {
            delta = Breakpoint ?? 0;
            return Breakpoint is not null;
        }
    }

    // Each rule of the simulator, broken by a rogue scheduler, is caught as a ModelViolationException that names the
    // scheduler, the decision and the rule (a simulator that skipped a check would let the run finish).
    [Theory]
    [InlineData("over", "rates sum to 4/3 > 1 at t = 0")]
    [InlineData("unreleased", "allocated job 2, which is not alive at t = 0")]
    [InlineData("twice", "allocated job 0 twice at t = 0")]
    [InlineData("negative", "negative rate -1 for job 0 at t = 0")]
    [InlineData("completed", "allocated job 0, which is not alive at t = 1")]
    [InlineData("breakpoint", "breakpoint 0 is not positive at t = 0")]
    public void SimulatorRejectsInvalidAllocations(string rogue, string rule)
    {
        var inst = TestInstances.Build(("0", new[] { "1" }), ("0", new[] { "1" }), ("9", new[] { "1" }));
        var scheduler = rogue switch
        {
            "over" => new RogueScheduler { Pick = _ => new[] { (0, new Rational(2, 3)), (1, new Rational(2, 3)) } },
            "unreleased" => new RogueScheduler { Pick = _ => new[] { (2, Rational.One) } },
            "twice" => new RogueScheduler { Pick = _ => new[] { (0, new Rational(1, 2)), (0, new Rational(1, 2)) } },
            "negative" => new RogueScheduler { Pick = _ => new[] { (0, -Rational.One) } },
            // Job 0 completes at t = 1; allocating it again afterwards is work on a job that is gone.
            "completed" => new RogueScheduler { Pick = _ => new[] { (0, Rational.One) } },
            _ => new RogueScheduler { Pick = _ => new[] { (0, Rational.One) }, Breakpoint = Rational.Zero },
        };
        var e = Assert.Throws<ModelViolationException>(() => ScheduleSimulator.Run(inst, scheduler));
        Assert.Equal("rogue", e.Algorithm);
        Assert.Equal(rule, e.Rule);
        Assert.Equal(rogue == "completed" ? 2 : 1, e.Step);
    }

    [Fact]
    public void SimulatorRejectsIdlingForeverWithAliveJobs()
    {
        var single = TestInstances.Build(("0", new[] { "1" }));
        var e = Assert.Throws<ModelViolationException>(() => ScheduleSimulator.Run(single, new RogueScheduler()));
        Assert.Equal("idles at t = 0 with 1 alive jobs and no future event", e.Rule);
        Assert.Equal(1, e.Step);
    }
}
