using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Testing;
using Xunit;

namespace OnlineAlgos.Scheduling.Tests.Offline;

/// <summary>P12 (spec §6.1): the time-indexed LP bound (GLOP) never exceeds OPT.</summary>
public class LpBoundTests
{
    [Fact]
    public void HandComputedSingleJob()
    {
        // One job of size 2 at 0, D = 1: one unit in slot 0 and one in slot 1: (0 + 1)/2 + 2/2 = 3/2 <= OPT = 2.
        var inst = TestInstances.Build(("0", new[] { "1", "1" }));
        Assert.Equal(1.5, TimeIndexedLpBound.Solve(inst, Rational.One), 6);
    }

    [Fact]
    public void P12_LpNeverExceedsOpt()
    {
        // Generator releases are multiples of 1/2, so D = 1/2 is on the grid; zero-size jobs are left out of the LP.
        Support.ForAll(SchedulingGenerators.Instances(6, 3), 60, inst =>
        {
            double lp = TimeIndexedLpBound.Solve(inst, new Rational(1, 2));
            double opt = SrptOptimum.Cost(inst).ToDouble();
            Assert.True(lp <= opt + 1e-6 * Math.Max(1, opt), $"LP {lp} > OPT {opt}");
        });
    }

    [Fact]
    public void RejectsReleasesOffTheGrid()
    {
        var inst = TestInstances.Build(("1/3", new[] { "1" }));
        Assert.Throws<ArgumentException>(() => TimeIndexedLpBound.Solve(inst, new Rational(1, 2)));
    }

    [Fact]
    public void AnIterationLimitIsReportedAsGlopsStatusNotAsAWeakerBound()
    {
        var jobs = new List<(string, string[])>();
        for (int j = 0; j < 12; j++) jobs.Add(((j % 4).ToString(System.Globalization.CultureInfo.InvariantCulture), new[] { "1", (1 + j % 3).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var inst = TestInstances.Build(jobs.ToArray());
        var e = Assert.Throws<SolverException>(() => TimeIndexedLpBound.Solve(inst, Rational.One, maxIterations: 1));
        Assert.Equal("GLOP", e.Solver);
        Assert.Equal("NOT_SOLVED", e.Status);
        Assert.False(TimeIndexedLpBound.TrySolve(inst, Rational.One, out double none, out string status, maxIterations: 1));
        Assert.True(double.IsNaN(none));
        Assert.Equal("NOT_SOLVED", status);
        Assert.True(TimeIndexedLpBound.TrySolve(inst, Rational.One, out double lp, out string optimal));
        Assert.Equal("OPTIMAL", optimal);
        Assert.True(lp <= SrptOptimum.Cost(inst).ToDouble() + 1e-6);
    }
}
