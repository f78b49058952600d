using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Formats;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;
using OnlineAlgos.Matching.Online;
using OnlineAlgos.Testing;
using OnlineAlgos.Matching.Testing;
using Xunit;

namespace OnlineAlgos.Matching.Tests.Properties;

/// <summary>
/// Every algorithm's guarantee through the harness, with EXACT expected values (no sampling error) against the exact
/// online optimum on generated instances (random families mixed with F1, F2, F6, F7). The 0.678 / 0.685 constants
/// are the paper's for its exact variant; here they are regression alarms for the reconstructed template.
/// </summary>
public class GuaranteePropertyTests
{
    private const int Tests = 150;

    private static double Exact(MatchingInstance inst, Func<MatchingInstance, LpSolution, IOnlineMatchingAlgorithm> make) =>
        ExactEvaluator.Value(inst, make(inst, PpswLinearProgram.Solve(inst)));

    private static CompetitiveCheck<MatchingInstance, double> Check(string name, Arbitrary<MatchingInstance> arb,
        Func<MatchingInstance, LpSolution, IOnlineMatchingAlgorithm> make, double ratio, string source,
        Func<MatchingInstance, double>? benchmark = null) =>
        new(name, arb, inst => Exact(inst, make), benchmark ?? (inst => OnlineOptimum.Solve(inst)),
            _ => Guarantee.Approximates(ratio, source) with { RelativeTolerance = 1e-7 }, MatchingJsonWriter.ToText);

    [Fact]
    public void ScaledPivotalReachesTheEdgeWeightedTarget() =>
        Check("pivotal", MatchingGenerators.Instances(), (i, x) => new PivotalSamplingMatching(i, x), 0.678,
            "BDPSW SODA'25 edge-weighted (alarm for the reconstruction)").Verify(Tests);

    [Fact]
    public void ScaledPivotalReachesTheVertexWeightedTarget() =>
        Check("pivotal", MatchingGenerators.VertexWeighted(), (i, x) => new PivotalSamplingMatching(i, x), 0.685,
            "BDPSW SODA'25 vertex-weighted (alarm for the reconstruction)").Verify(Tests);

    [Fact]
    public void IndependentProposalsReachOneMinusOneOverE() =>
        Check("independent-proposals", MatchingGenerators.Instances(), (i, x) => new IndependentProposalsMatching(i, x),
            1 - 1 / Math.E, "Braverman-Derakhshan-Molina Lucey").Verify(Tests);

    [Fact]
    public void UnscaledPivotalReachesOneMinusOneOverE() =>
        Check("pivotal-unscaled", MatchingGenerators.Instances(), (i, x) => new PivotalSamplingMatching(i, x, PivotalSamplingOptions.Unscaled),
            1 - 1 / Math.E, "dominates independent proposals per state (spec E9)").Verify(Tests);

    [Fact]
    public void GroupedProposalsReachTheNswTarget() =>
        Check("grouped-proposals", MatchingGenerators.Instances(), (i, x) => new GroupedProposalsMatching(i, x),
            0.652, "Naor-Srinivasan-Wajc (alarm for the reconstruction)").Verify(Tests);

    [Fact]
    public void BalancedPricesReachHalfTheOfflineOptimum() =>
        Check("balanced-prices", MatchingGenerators.Instances(), (i, _) => new BalancedPricesMatching(i, new Rng(1)),
            0.5, "Feldman-Gravin-Lucier SODA'15", inst => OfflineOptimum.Solve(inst, new Rng(1)).Value).Verify(Tests);

    [Fact]
    public void NoAlgorithmBeatsTheOnlineOptimum()
    {
        // S1, exactly: ALG <= 1 * OPT_on for every algorithm and option.
        var makers = new Func<MatchingInstance, LpSolution, IOnlineMatchingAlgorithm>[]
        {
            (i, x) => new PivotalSamplingMatching(i, x),
            (i, x) => new PivotalSamplingMatching(i, x, new PivotalSamplingOptions(Discard: DiscardRule.ProposersOnArrival)),
            (i, x) => new GroupedProposalsMatching(i, x),
            (i, _) => new GreedyMatching(i, 0.35),
            (i, _) => new BalancedPricesMatching(i, new Rng(1)),
        };
        foreach (var make in makers)
            CompetitiveCheck.Create("any", MatchingGenerators.Instances(), inst => Exact(inst, make),
                inst => OnlineOptimum.Solve(inst), Guarantee.Competitive(1) with { RelativeTolerance = 1e-7 }, MatchingJsonWriter.ToText).Verify(60);
    }

    [Fact]
    public void GreedyFailsOnTheGreedyTrapAndTheHarnessShrinksIt()
    {
        // The harness must catch a real violation: greedy has no constant guarantee (F6).
        var arb = Arb.From(Gen.Choose(2, 9).Select(w => AdversarialFamilies.GreedyTrap(w)), MatchingGenerators.Shrink);
        var check = CompetitiveCheck.Create("greedy", arb, inst => ExactEvaluator.Value(inst, new GreedyMatching(inst)),
            inst => OnlineOptimum.Solve(inst), Guarantee.Approximates(0.5), MatchingJsonWriter.ToText);
        var e = Assert.Throws<CounterexampleException>(() => check.Verify(50));
        var back = MatchingJsonReader.ParseText(e.InstanceText, "counterexample");
        Assert.Equal(1, back.OfflineCount);
        Assert.True(double.Parse(e.AlgorithmCost, System.Globalization.CultureInfo.InvariantCulture)
            < 0.5 * double.Parse(e.OptimumCost, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SureNodeTrapIsTheTightestKnownInputAndStaysAboveTheTarget()
    {
        // Family F7 (spec review note): m = 12 gives 0.6894 for the default template; unscaled 0.6573; grouped 0.6679.
        var inst = AdversarialFamilies.SureNodeTrap(12, 0.2761, 1e-4);
        var x = PpswLinearProgram.Solve(inst);
        double opt = OnlineOptimum.Solve(inst);
        Assert.Equal(0.6894, ExactEvaluator.Value(inst, new PivotalSamplingMatching(inst, x)) / opt, 4);
        Assert.Equal(0.6573, ExactEvaluator.Value(inst, new PivotalSamplingMatching(inst, x, PivotalSamplingOptions.Unscaled)) / opt, 4);
        Assert.Equal(0.6573, ExactEvaluator.Value(inst, new IndependentProposalsMatching(inst, x)) / opt, 4);
        Assert.Equal(0.6679, ExactEvaluator.Value(inst, new GroupedProposalsMatching(inst, x)) / opt, 4);
    }

    [Fact]
    public void StatisticalAlarmBeyondExactEvaluationOnTheSureNodeTrap()
    {
        // S2/S5 where exact evaluation is out of reach (2^20 reachable sets): F7 with m = 20, the default template.
        // N = 20,000 realizations; assert with a 4-standard-error margin: E[ALG] >= 0.678 OPT_on (alarm), and the
        // estimate agrees with the closed form 0.6849 (spec 3.4) within 4 SE + O(m dw).
        var inst = AdversarialFamilies.SureNodeTrap(20, 0.2761, 1e-4);
        var x = PpswLinearProgram.Solve(inst);
        double opt = OnlineOptimum.Solve(inst);
        var est = MonteCarloEvaluator.Evaluate(inst, new IOnlineMatchingAlgorithm[] { new PivotalSamplingMatching(inst, x) }, 20000, new Rng(20))[0];
        Assert.True(est.Value >= 0.678 * opt - 4 * est.StdErr, $"{est.Value} ± {est.StdErr} vs 0.678 * {opt}");
        Assert.True(Math.Abs(est.Value - AdversarialFamilies.SureNodeTrapScaled(20, 0.2761)) <= 4 * est.StdErr + 22 * 1e-4);
        Assert.Equal(0.6849, AdversarialFamilies.SureNodeTrapScaled(20, 0.2761), 4);
    }

    [Fact]
    public void SavedInstancesReplay()
    {
        // Every instance under instances/matching satisfies S1 exactly (regression replay of saved cases).
        string dir = Path.Combine(Formats.MatchingJsonReaderTests.RepoRoot(), "instances", "matching");
        foreach (var f in Directory.GetFiles(dir, "*.json"))
        {
            using var s = File.OpenRead(f);
            var inst = MatchingJsonReader.Read(s, f);
            if (OnlineOptimum.LargestComponent(inst) > 14) continue;
            var x = PpswLinearProgram.Solve(inst);
            double opt = OnlineOptimum.Solve(inst);
            Assert.True(x.Value >= opt - 1e-7, f);
            double alg = ExactEvaluator.Value(inst, new PivotalSamplingMatching(inst, x));
            Assert.True(alg <= opt + 1e-9, f);
            // Alarms on the saved worst cases and families (exact values): 0.685 vertex-weighted, 0.678 otherwise.
            Assert.True(alg >= (inst.IsVertexWeighted ? 0.685 : 0.678) * opt - 1e-9, $"{f}: {alg / opt}");
        }
    }
}
