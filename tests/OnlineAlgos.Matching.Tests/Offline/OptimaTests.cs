using OnlineAlgos.Core;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;
using OnlineAlgos.Matching.Testing;
using Xunit;

namespace OnlineAlgos.Matching.Tests.Offline;

public class OptimaTests
{
    private static IEnumerable<MatchingInstance> Sample(int count, ulong seed, int maxN = 6, int maxT = 8)
    {
        var rng = new Rng(seed);
        for (int c = 0; c < count; c++)
            yield return MatchingGenerators.Random(1 + rng.NextInt(maxN), 1 + rng.NextInt(maxT), 0.6, rng.NextInt(4), rng.NextInt(3), rng.NextInt(3) == 0, 1 + rng.NextInt(2), rng.NextUInt64());
    }

    [Fact]
    public void DpEqualsBruteForcePolicyEnumeration()
    {
        foreach (var inst in Sample(60, 1, 4, 6))
            Assert.Equal(BruteForce.OnlineOptimum(inst), OnlineOptimum.Solve(inst), 10);
    }

    [Fact]
    public void HandCheckedOnlineOptimum()
    {
        // n = 1; t1: p = 1/2, w = 1; t2: p = 1, w = 0.4. Match t1 if it arrives (1 > 0.4): 0.5 + 0.5 * 0.4 = 0.7.
        var a = MatchingInstance.Bernoulli(new[] { 0.5, 1.0 }, new double[,] { { 1 }, { 0.4 } });
        Assert.Equal(0.7, OnlineOptimum.Solve(a), 12);
        // Types model: one step with two types (p 0.3 → w 2 to node 0; p 0.5 → w 1 to node 0 and w 3 to node 1).
        var b = new MatchingInstance(2, new[] { new[] {
            new ArrivalType(0.3, new[] { new MatchingEdge(0, 2) }),
            new ArrivalType(0.5, new[] { new MatchingEdge(0, 1), new MatchingEdge(1, 3) }) } });
        Assert.Equal(0.3 * 2 + 0.5 * 3, OnlineOptimum.Solve(b), 12);
        Assert.Equal(0.3 * 2 + 0.5 * 3, PpswLinearProgram.Solve(b).Value, 8);
    }

    [Fact]
    public void DpSanityInequalities()
    {
        // E5: OPT_on >= greedy's exact value; adding a step never lowers OPT_on; removing a node never raises it.
        foreach (var inst in Sample(40, 2))
        {
            double opt = OnlineOptimum.Solve(inst);
            Assert.True(opt >= OnlineAlgos.Matching.Online.ExactEvaluator.Value(inst, new OnlineAlgos.Matching.Online.GreedyMatching(inst)) - 1e-9);
            var steps = inst.Steps();
            if (steps.Count > 1)
            {
                var tail = new MatchingInstance(inst.OfflineCount, steps.Skip(1).ToList(), inst.IsVertexWeighted ? inst.VertexWeights.ToArray() : null);
                Assert.True(opt >= OnlineOptimum.Solve(tail) - 1e-9);
            }
            foreach (var smaller in MatchingGenerators.Shrink(inst).Take(inst.StepCount + inst.OfflineCount))
                Assert.True(OnlineOptimum.Solve(smaller) <= opt + 1e-9);
        }
    }

    [Fact]
    public void LpIsFeasibleAndBoundsTheOnlineOptimum()
    {
        // E1, E2, E3.
        foreach (var inst in Sample(60, 3))
        {
            var x = PpswLinearProgram.Solve(inst);
            Assert.Null(LpSolution.Violation(inst, x.X, 1e-7));
            double opt = OnlineOptimum.Solve(inst);
            Assert.True(x.Value >= opt - 1e-7, $"LP {x.Value} < OPT_on {opt}");
            Assert.True(PpswLinearProgram.SolveExAnte(inst) >= x.Value - 1e-7);
            var off = OfflineOptimum.Solve(inst, new Rng(1));
            Assert.Equal(EstimateMethod.Exact, off.Method);
            Assert.True(off.Value >= opt - 1e-9);
            bool deterministic = true;
            for (int j = 0; j < inst.TypeCount; j++) deterministic &= inst.Probability(j) is 0 or 1;
            if (inst.OfflineCount == 1) Assert.Equal(opt, x.Value, 7);
            if (deterministic && inst.IsBernoulli)
            {
                Assert.Equal(opt, x.Value, 7);
                Assert.Equal(opt, off.Value, 7);
            }
        }
    }

    [Fact]
    public void AssignmentMatchesBruteForceOnRectangularMatrices()
    {
        var rng = new Rng(4);
        for (int trial = 0; trial < 300; trial++)
        {
            int rows = rng.NextInt(7), cols = rng.NextInt(7);
            var w = new double[rows * cols];
            for (int k = 0; k < w.Length; k++) w[k] = rng.NextInt(3) == 0 ? 0 : rng.NextInt(2) == 0 ? rng.NextInt(4) : rng.NextDouble();
            var mate = new int[rows];
            double v = OfflineOptimum.MaxWeightMatching(rows, cols, w, mate);
            Assert.Equal(BruteForce.Matching(rows, cols, w), v, 9);
            var used = new HashSet<int>();
            double sum = 0;
            for (int r = 0; r < rows; r++)
            {
                if (mate[r] < 0) continue;
                Assert.True(used.Add(mate[r]));
                Assert.True(w[r * cols + mate[r]] > 0);
                sum += w[r * cols + mate[r]];
            }
            Assert.Equal(v, sum, 12);
        }
    }

    [Fact]
    public void ExpectedOfflineOptimumEqualsBruteForceAndMonteCarloAgrees()
    {
        foreach (var inst in Sample(15, 5, 4, 6))
        {
            var exact = OfflineOptimum.Solve(inst, new Rng(1));
            Assert.Equal(BruteForce.OfflineOptimum(inst), exact.Value, 9);
            // Monte Carlo: 4,000 samples, within 4 standard errors.
            var mc = OfflineOptimum.Solve(inst, new Rng(2), maxExactRealizations: 0, samples: 4000);
            Assert.Equal(inst.EdgeCount == 0 ? EstimateMethod.Exact : EstimateMethod.MonteCarlo, mc.Method);
            Assert.True(Math.Abs(mc.Value - exact.Value) <= 4 * mc.StdErr + 1e-9);
        }
    }

    [Fact]
    public void TooLargeForTheDpSaysSoAndSuggestsTheLp()
    {
        var inst = RandomInstances.Complete(new Rng(1), 3, 12);
        var e = Assert.Throws<SolverException>(() => OnlineOptimum.Solve(inst, maxComponentNodes: 10));
        Assert.Equal(MatchingSolverStatus.TooLarge, e.Status);
        Assert.False(OnlineOptimum.TrySolve(inst, out double skipped, out string status, maxComponentNodes: 10));
        Assert.True(double.IsNaN(skipped));
        Assert.Equal(MatchingSolverStatus.TooLarge, status);
        Assert.Contains("2^12", e.Message, StringComparison.Ordinal);
        Assert.Contains("LP", e.Message, StringComparison.Ordinal);
        Assert.Equal(MatchingSolverStatus.TooLarge, Assert.Throws<SolverException>(() => OnlineOptimum.Policy(inst, maxEntries: 1000)).Status);
        // Components keep the exponent small: 12 nodes in 4 separate blocks of 3.
        var w = new double[8, 12];
        for (int t = 0; t < 8; t++)
            for (int i = 0; i < 12; i++)
                if (i / 3 == t % 4) w[t, i] = 1 + (t * 12 + i) % 5;
        var blocks = MatchingInstance.Bernoulli(Enumerable.Repeat(0.6, 8).ToArray(), w);
        Assert.Equal(3, OnlineOptimum.LargestComponent(blocks));
        Assert.Equal(BruteForce.OnlineOptimum(blocks), OnlineOptimum.Solve(blocks, maxComponentNodes: 3), 10);
        Assert.True(OnlineOptimum.TrySolve(blocks, out double value, out string ok, maxComponentNodes: 3));
        Assert.Equal(BruteForce.OnlineOptimum(blocks), value, 10);
        Assert.Equal("OPTIMAL", ok);
    }

    [Fact]
    public void GlopFailureIsAClearError()
    {
        var inst = RandomInstances.Complete(new Rng(2), 30, 30);
        var e = Assert.Throws<SolverException>(() => PpswLinearProgram.Solve(inst, new LpSolveOptions(MaxIterations: 1)));
        Assert.Contains("did not solve the PPSW LP to optimality", e.Message, StringComparison.Ordinal);
        // An iteration limit stops GLOP before optimality: OR-Tools reports NOT_SOLVED, and so must we (not INFEASIBLE).
        Assert.Equal("GLOP", e.Solver);
        Assert.Equal("NOT_SOLVED", e.Status);
        Assert.False(PpswLinearProgram.TrySolve(inst, out var none, out string status, new LpSolveOptions(MaxIterations: 1)));
        Assert.Null(none);
        Assert.Equal("NOT_SOLVED", status);
        Assert.True(PpswLinearProgram.TrySolve(inst, out var x, out string optimal));
        Assert.Equal("OPTIMAL", optimal);
        Assert.Equal(PpswLinearProgram.Solve(inst).Value, x!.Value, 12);
    }
}
