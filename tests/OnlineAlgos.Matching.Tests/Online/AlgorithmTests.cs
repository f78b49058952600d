using OnlineAlgos.Core;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;
using OnlineAlgos.Matching.Online;
using OnlineAlgos.Matching.Testing;
using Xunit;

namespace OnlineAlgos.Matching.Tests.Online;

public class AlgorithmTests
{
    internal static List<IOnlineMatchingAlgorithm> All(MatchingInstance inst, LpSolution x, Rng rng) => new()
    {
        new GreedyMatching(inst),
        new GreedyMatching(inst, 0.35),
        new BalancedPricesMatching(inst, rng),
        new IndependentProposalsMatching(inst, x),
        new GroupedProposalsMatching(inst, x),
        new PivotalSamplingMatching(inst, x),
        new PivotalSamplingMatching(inst, x, PivotalSamplingOptions.Unscaled),
        new PivotalSamplingMatching(inst, x, new PivotalSamplingOptions(Discard: DiscardRule.ProposersOnArrival, Name: "pivotal-discard")),
        new PivotalSamplingMatching(inst, x, new PivotalSamplingOptions(Availability: AvailabilityEstimate.Simulated, SimulationSamples: 300, Name: "pivotal-simulated"), rng.Split()),
        OnlineOptimum.Policy(inst),
    };

    private static IEnumerable<MatchingInstance> Sample(int count, ulong seed)
    {
        var rng = new Rng(seed);
        for (int c = 0; c < count; c++)
            yield return MatchingGenerators.Random(1 + rng.NextInt(6), 1 + rng.NextInt(8), 0.6, rng.NextInt(4), rng.NextInt(3), rng.NextInt(3) == 0, 1 + rng.NextInt(2), rng.NextUInt64());
    }

    [Fact]
    public void EveryAlgorithmOutputsAMatchingAndReportsItsWeight()
    {
        // E8: the simulator rejects invalid decisions; here we also recompute the value from the matched edges.
        foreach (var inst in Sample(40, 1))
        {
            var x = PpswLinearProgram.Solve(inst);
            var rng = new Rng(2);
            var sim = new MatchingSimulator(inst);
            var types = new int[inst.StepCount];
            var matched = new int[inst.StepCount];
            foreach (var alg in All(inst, x, rng))
            {
                for (int rep = 0; rep < 30; rep++)
                {
                    Realization.Sample(inst, rng, types);
                    double v = sim.Run(alg, types, rng, matched);
                    double sum = 0;
                    var usedNode = new HashSet<int>();
                    for (int t = 0; t < inst.StepCount; t++)
                    {
                        if (matched[t] < 0) continue;
                        Assert.True(types[t] >= 0);
                        Assert.Equal(types[t], inst.TypeOfEdge(matched[t]));
                        Assert.True(usedNode.Add(inst.EdgeNode(matched[t])), alg.Name);
                        Assert.True(inst.EdgeWeight(matched[t]) > 0);
                        sum += inst.EdgeWeight(matched[t]);
                    }
                    Assert.Equal(sum, v, 12);
                }
            }
        }
    }

    [Fact]
    public void ExactValuesAgreeWithMonteCarloAndStayBelowTheOnlineOptimum()
    {
        // S1 and a check of the exact evaluator against simulation: N = 20,000 common-random-number samples,
        // |MC − exact| <= 4 standard errors + 1e-9.
        foreach (var inst in Sample(6, 3))
        {
            var x = PpswLinearProgram.Solve(inst);
            var rng = new Rng(4);
            var algs = All(inst, x, rng);
            double opt = OnlineOptimum.Solve(inst);
            var mc = MonteCarloEvaluator.Evaluate(inst, algs, 20000, rng);
            for (int a = 0; a < algs.Count; a++)
            {
                double exact = ExactEvaluator.Value(inst, algs[a]);
                Assert.True(exact <= opt + 1e-9, $"{algs[a].Name}: {exact} > OPT_on {opt}");
                Assert.True(Math.Abs(mc[a].Value - exact) <= 4 * mc[a].StdErr + 1e-9, $"{algs[a].Name}: MC {mc[a].Value} ± {mc[a].StdErr} vs exact {exact}");
            }
        }
    }

    [Fact]
    public void OptimalPolicyAchievesTheDpValueExactly()
    {
        foreach (var inst in Sample(30, 5))
        {
            var policy = OnlineOptimum.Policy(inst);
            Assert.Equal(OnlineOptimum.Solve(inst), policy.Value, 10);
            Assert.Equal(policy.Value, ExactEvaluator.Value(inst, policy), 10);
        }
    }

    [Fact]
    public void SingleOfflineNodeUnscaledRoundingEarnsTheLpValue()
    {
        // E3 + E4 (n = 1): LP == OPT_on == unscaled pivotal == independent proposals.
        var rng = new Rng(6);
        for (int c = 0; c < 30; c++)
        {
            var inst = MatchingGenerators.Random(1, 1 + rng.NextInt(8), 0.8, 1, 1, false, 1, rng.NextUInt64());
            var x = PpswLinearProgram.Solve(inst);
            double opt = OnlineOptimum.Solve(inst);
            Assert.Equal(opt, x.Value, 7);
            Assert.Equal(x.Value, ExactEvaluator.Value(inst, new PivotalSamplingMatching(inst, x, PivotalSamplingOptions.Unscaled)), 7);
            Assert.Equal(x.Value, ExactEvaluator.Value(inst, new IndependentProposalsMatching(inst, x)), 7);
        }
    }

    [Fact]
    public void DiscardingMakesAvailabilityExactlyOneMinusScaledMass()
    {
        // Spec §2.3 / S3, checked exactly: with ProposersOnArrival, Pr[i available at t] = 1 − ŝ_{i,t}, hence
        // Pr[i proposes and t arrives] = x̂_{i,t}. Without discarding (S4): availability >= 1 − ŝ and
        // Pr[(i,t) matched] <= p q Pr[i available].
        foreach (var inst in Sample(25, 7))
        {
            if (!inst.IsBernoulli) continue;
            var x = PpswLinearProgram.Solve(inst);
            var discard = new PivotalSamplingMatching(inst, x, new PivotalSamplingOptions(Discard: DiscardRule.ProposersOnArrival));
            var keep = new PivotalSamplingMatching(inst, x);
            var ed = ExactEvaluator.Evaluate(inst, discard);
            var ek = ExactEvaluator.Evaluate(inst, keep);
            var pp = discard.Proposals;
            int n = inst.OfflineCount;
            for (int e = 0; e < inst.EdgeCount; e++)
            {
                int t = inst.StepOf(inst.TypeOfEdge(e)), i = inst.EdgeNode(e);
                double p = inst.Probability(inst.TypeOfEdge(e));
                Assert.Equal(1 - pp.SHat[e], ed.Available(t, i, n), 9);
                if (pp.Q[e] > 0) Assert.Equal(pp.XHat[e], ed.Available(t, i, n) * p * pp.Q[e], 9);
                Assert.True(ek.Available(t, i, n) >= 1 - pp.SHat[e] - 1e-9);
                Assert.True(ek.EdgeMatchProbability[e] <= p * pp.Q[e] * ek.Available(t, i, n) + 1e-9);
            }
        }
    }

    [Fact]
    public void ScalingInvariantsHold()
    {
        // E6 on LP optima of random instances.
        foreach (var inst in Sample(40, 8))
        {
            var x = PpswLinearProgram.Solve(inst);
            var pp = ProposalProbabilities.Compute(inst, x, 0.11, 0.18);
            var none = ProposalProbabilities.Compute(inst, x, 0, 0);
            var sumX = new double[inst.OfflineCount];
            var sumXh = new double[inst.OfflineCount];
            for (int e = 0; e < inst.EdgeCount; e++)
            {
                int j = inst.TypeOfEdge(e), i = inst.EdgeNode(e);
                double p = inst.Probability(j);
                sumX[i] += x.X[e];
                sumXh[i] += pp.XHat[e];
                Assert.InRange(pp.Q[e], 0, 1);
                Assert.Equal(x.X[e], none.XHat[e], 15);
                Assert.True(pp.XHat[e] <= p * (1 - pp.SHat[e]) + 1e-7);
                if (pp.S[e] >= pp.Theta)
                {
                    Assert.Equal((1 + 0.18) * (1 - pp.S[e]), 1 - pp.SHat[e], 9);
                    Assert.Equal(none.Q[e], pp.Q[e], 7);
                }
                else
                {
                    Assert.True(pp.Q[e] <= none.Q[e] + 1e-9);
                }
            }
            for (int i = 0; i < inst.OfflineCount; i++)
            {
                Assert.True(sumXh[i] <= sumX[i] + 1e-9);
                Assert.True(sumX[i] <= 1 + 1e-7);
            }
        }
        Assert.Equal(0.6207, ProposalProbabilities.ThetaOf(0.11, 0.18), 4);
        Assert.Equal(0, ProposalProbabilities.ThetaOf(0, 0));
        Assert.Equal(0, ProposalProbabilities.ThetaOf(0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProposalProbabilities.ThetaOf(1, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProposalProbabilities.ThetaOf(0.1, -0.1));
    }

    [Fact]
    public void SpecWorkedExampleOfTheScaling()
    {
        // F2, n = 10: x = 0.9 at s = 0 gives x̂ = 0.882, q = 0.98; x = 0.1 at s = 0.9 gives x̂ = 0.118, q = 1.
        var inst = AdversarialFamilies.PoissonTrap(10, 0.01);
        var pp = ProposalProbabilities.Compute(inst, PpswLinearProgram.Solve(inst), 0.11, 0.18);
        int early = inst.EdgeStart(0), late = -1;
        for (int e = inst.EdgeStart(10); e < inst.EdgeStart(11); e++) if (inst.EdgeNode(e) == 0) late = e;
        Assert.Equal(0.882, pp.XHat[early], 3);
        Assert.Equal(0.98, pp.Q[early], 2);
        Assert.Equal(0.118, pp.XHat[late], 3);
        Assert.Equal(1, pp.Q[late], 9);
    }

    [Fact]
    public void ConditionalGainOfPivotalEqualsThePrefixFormulaAndBeatsIndependentProposals()
    {
        // E9: for random states, enumerate the pivotal distribution and compare with Σ (w_(m) − w_(m+1)) min(1, Q_m).
        var rng = new Rng(10);
        foreach (var inst in Sample(40, 11))
        {
            var x = PpswLinearProgram.Solve(inst);
            var piv = new PivotalSamplingMatching(inst, x, new PivotalSamplingOptions(Discard: DiscardRule.ProposersOnArrival));
            var pivNone = new PivotalSamplingMatching(inst, x);
            var ind = new IndependentProposalsMatching(inst, x);
            var scaledInd = new List<MatchingTransition>();
            for (int j = 0; j < inst.TypeCount; j++)
            {
                ulong avail = rng.NextUInt64() & ((1UL << inst.OfflineCount) - 1);
                double Gain(IOnlineMatchingAlgorithm a)
                {
                    var o = new List<MatchingTransition>();
                    a.Outcomes(j, avail, o);
                    Assert.Equal(1, o.Sum(t => t.Probability), 9);
                    return o.Where(t => t.Edge >= 0).Sum(t => t.Probability * inst.EdgeWeight(t.Edge));
                }
                var L = new List<(double W, double Q)>();
                for (int e = inst.EdgeStart(j); e < inst.EdgeStart(j + 1); e++)
                    if ((avail >> inst.EdgeNode(e) & 1) != 0 && piv.Q[e] > 0) L.Add((inst.EdgeWeight(e), piv.Q[e]));
                double formula = 0, prefix = 0;
                for (int m = 0; m < L.Count; m++)
                {
                    prefix += L[m].Q;
                    formula += (L[m].W - (m + 1 < L.Count ? L[m + 1].W : 0)) * Math.Min(1, prefix);
                }
                Assert.Equal(formula, Gain(piv), 9);
                Assert.Equal(formula, Gain(pivNone), 9);
                // Same q (unscaled) for both: pivotal >= independent per state.
                var pivU = new PivotalSamplingMatching(inst, x, PivotalSamplingOptions.Unscaled);
                Assert.True(Gain(pivU) >= Gain(ind) - 1e-12);
            }
        }
    }

    [Fact]
    public void GreedyWithUnitWeightsGetsHalfTheOfflineOptimumOnEveryRealization()
    {
        // E10.
        var rng = new Rng(12);
        for (int c = 0; c < 40; c++)
        {
            var inst = MatchingGenerators.Random(1 + rng.NextInt(6), 1 + rng.NextInt(8), 0.5, 3, 0, false, 1, rng.NextUInt64());
            var greedy = new GreedyMatching(inst);
            var sim = new MatchingSimulator(inst);
            Realization.Enumerate(inst, Enumerable.Range(0, inst.StepCount).ToList(), (p, types) =>
                Assert.True(sim.Run(greedy, types, rng) >= 0.5 * OfflineOptimum.RealizationValue(inst, types) - 1e-9));
        }
    }

    [Fact]
    public void RejectsMeaninglessOptionCombinations()
    {
        var inst = AdversarialFamilies.OneShot(3);
        var x = AdversarialFamilies.OneShotX(inst);
        Assert.Throws<ArgumentException>(() => new PivotalSamplingMatching(inst, x,
            new PivotalSamplingOptions(Discard: DiscardRule.ProposersOnArrival, Availability: AvailabilityEstimate.Simulated), new Rng(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PivotalSamplingMatching(inst, x, new PivotalSamplingOptions(Epsilon: 1)));
        Assert.Throws<ArgumentException>(() => LpSolution.FromValues(inst, new[] { 0.5, 0.5, 0.5 }));
    }

    [Fact]
    public void EdgeCasesGiveZero()
    {
        var empty = new MatchingInstance(0, Array.Empty<IReadOnlyList<ArrivalType>>());
        Assert.Equal(0, PpswLinearProgram.Solve(empty).Value);
        Assert.Equal(0, OnlineOptimum.Solve(empty));
        Assert.Equal(0, OfflineOptimum.Solve(empty, new Rng(1)).Value);
        var zeroP = MatchingInstance.Bernoulli(new[] { 0.0, 1e-6 }, new double[,] { { 1, 1 }, { 1, 0 } });
        var x = PpswLinearProgram.Solve(zeroP);
        var piv = new PivotalSamplingMatching(zeroP, x);
        Assert.Equal(0, piv.Q[0]);
        Assert.Equal(OnlineOptimum.Solve(zeroP), ExactEvaluator.Value(zeroP, new PivotalSamplingMatching(zeroP, x, PivotalSamplingOptions.Unscaled)), 12);
    }
}
