using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;
using OnlineAlgos.Testing;
using OnlineAlgos.Scheduling.Testing;
using Xunit;

namespace OnlineAlgos.Scheduling.Tests.Online;

/// <summary>P7 (spec §6.1): operation-level SRPT &lt;= 2·OPT on every uniform-obligatory-test instance, for every tie
/// rule and test length t in {1, 1/2, 3}; the paper's theorem (arXiv 2602.12716, abstract).</summary>
public class UniformTestsPropertyTests
{
    public static TheoryData<TieRule, string> Cases()
    {
        var data = new TheoryData<TieRule, string>();
        foreach (var tie in Enum.GetValues<TieRule>())
            foreach (var t in new[] { "1", "1/2", "3" }) data.Add(tie, t);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OpSrptIsTwoCompetitiveOnUniformTests(TieRule tie, string testLength)
    {
        var t = Rational.Parse(testLength, null);
        // Rational costs: the harness checks ALG <= 2·OPT exactly.
        var check = CompetitiveCheck.Create(
            $"opsrpt/{tie}/t={testLength}",
            SchedulingGenerators.UniformTests(t),
            inst => ScheduleSimulator.Run(inst, new OperationSrptScheduler<Rational>(tie)).TotalFlowTime,
            inst => SrptOptimum.Cost(inst),
            new Guarantee(2, Source: "Lindermayr-Schafer-Schloter-Stougie 2026, uniform obligatory tests"),
            SchedulingGenerators.ToText).WithSearch(SchedulingMoves.UniformTests(t)); // then hunts on uniform tests
        check.Verify(maxTest: 150);
    }

    [Fact]
    public void GeneratorReallyProducesUniformTests()
    {
        var gen = SchedulingGenerators.UniformTestsGen(new Rational(1, 2), 10);
        foreach (var inst in FsCheck.Fluent.Gen.Sample(gen, 50))
        {
            Assert.True(inst.IsUniformTests(out var t));
            Assert.True(inst.JobCount == 0 || t == new Rational(1, 2));
        }
    }

    [Fact]
    public void ShrinkerKeepsTests()
    {
        var inst = SchedulingInstance<Rational>.UniformTests(3, new Rational[] { 0, 1, 5 }, new Rational[] { 4, new(1, 2), 0 });
        foreach (var s in SchedulingGenerators.Shrink(inst, preserveTests: true))
            Assert.True(s.JobCount == 0 || (s.IsUniformTests(out var t) && t == 3));
    }

    [Fact]
    public void Tests5HandComputedOpSrpt()
    {
        // tests5 of spec §6.4; OpSRPT: 31, OPT: 26, ratio 31/26 < 2.
        var inst = TestInstances.Tests5();
        var r = ScheduleSimulator.Run(inst, new OperationSrptScheduler<Rational>());
        Assert.Equal(new Rational(31), r.TotalFlowTime);
        Assert.True(r.TotalFlowTime <= 2 * SrptOptimum.Cost(inst));
    }
}

/// <summary>The P7 check can fail: with ratio 1 the generator finds (and shrinks) an instance where OpSRPT &gt; OPT.</summary>
public class UniformTestsCheckSensitivityTests
{
    [Fact]
    public void RatioOneIsRefuted()
    {
        var check = CompetitiveCheck.Create("opsrpt-ratio-1",
            SchedulingGenerators.UniformTests(Rational.One),
            inst => ScheduleSimulator.Run(inst, new OperationSrptScheduler<Rational>()).TotalFlowTime,
            inst => SrptOptimum.Cost(inst),
            Guarantee.Competitive(1), SchedulingGenerators.ToText);
        var ex = Assert.Throws<CounterexampleException>(() => check.Verify(maxTest: 300));
        Assert.Contains("onlinealgos.scheduling/1", ex.InstanceText);
        Assert.True(Rational.Parse(ex.AlgorithmCost, null) > Rational.Parse(ex.OptimumCost, null));
    }
}
