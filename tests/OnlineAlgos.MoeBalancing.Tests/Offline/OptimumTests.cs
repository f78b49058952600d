using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;
using OnlineAlgos.MoeBalancing.Testing;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Offline;

public class OptimumTests
{
    private static ScoreMatrix M(params double[][] rows) => ScoreMatrix.FromRows(rows, rows[0].Length);

    [Fact]
    public void HandChecked_ThreeByThree()
    {
        // Balanced K = 1: 4 + 4 + 5 = 13 is the best perfect matching (hand enumeration of the 6 permutations).
        var s = M(new[] { 5.0, 4, 0 }, new[] { 5.0, 0, 4 }, new[] { 5.0, 3, 3 });
        var mcf = MinCostFlowAssignment.Solve(s, 1, 1, balanced: true);
        Assert.Equal(13.0, mcf.Value);
        Assert.Equal(0.0, mcf.ErrorBound);
        Assert.Equal(new[] { 1, 2, 0 }, mcf.Assignment);
        var lp = GlopAssignment.Solve(s, 1, 1, balanced: true);
        Assert.Equal(13.0, lp.Value, 6);
        Assert.Equal(13.0, ExhaustiveAssignment.Solve(s, 1, 1, balanced: true));
        Assert.Equal(13.0, BalanceMetrics.DualFunction(s, lp.Prices!, 1, 1), 6);
        // The prices are ideal biases: routing with them gives the optimum's sets here (no ties at p*).
        Assert.True(GlopAssignment.PricesSupport(s, 1, new double[] { 0, 1, 0, 0, 0, 1, 1, 0, 0 }, lp.Prices!));
        Assert.Equal(15.0, BalanceMetrics.TopKBound(s, 1));
    }

    [Fact]
    public void NonIntegerTarget_IsReportedInfeasible_CapacityStillSolves()
    {
        var s = M(new[] { 1.0, 2 }, new[] { 3.0, 1 }, new[] { 2.0, 2 });
        Assert.False(MinCostFlowAssignment.TrySolve(s, 1, 2, true, out var bap));
        Assert.Equal(OfflineStatus.Infeasible, bap.Status);
        Assert.Contains("not an integer", bap.Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<SolverException>(() => MinCostFlowAssignment.Solve(s, 1, 2, balanced: true));
        Assert.Equal("INFEASIBLE", thrown.Status);
        Assert.Contains("not an integer", thrown.Message, StringComparison.Ordinal);
        Assert.False(ExhaustiveAssignment.TrySolve(s, 1, 2, true, out double none));
        Assert.True(double.IsNaN(none));
        Assert.Equal("INFEASIBLE", Assert.Throws<SolverException>(() => ExhaustiveAssignment.Solve(s, 1, 2, balanced: true)).Status);
        var cap = MinCostFlowAssignment.Solve(s, 1, AssignmentProblem.DefaultCapacity(3, 1, 2));
        Assert.Equal(OfflineStatus.Optimal, cap.Status);
        Assert.Equal(7.0, cap.Value); // 2 + 3 + 2 with loads (2,1) or (1,2)
        Assert.False(MinCostFlowAssignment.TrySolve(s, 1, 1, false, out _)); // E·C = 2 < 3
        Assert.False(MinCostFlowAssignment.TrySolve(s, 3, 3, false, out _)); // K > E
        Assert.False(GlopAssignment.TrySolve(s, 1, 1.4, false, out var glop)); // E·C = 2.8 < 3
        Assert.Equal(OfflineStatus.Infeasible, glop.Status);
        Assert.Throws<SolverException>(() => GlopAssignment.Solve(s, 1, 1.4, balanced: false));
        Assert.Equal("TOO_LARGE", Assert.Throws<SolverException>(() => ExhaustiveAssignment.Solve(new ScoreMatrix(30, 8), 1, 30)).Status);
    }

    /// <summary>
    /// The GlopAssignment bug of issue #13: NOT_SOLVED and ABNORMAL were reported as <i>Infeasible</i>. Only OPTIMAL and
    /// INFEASIBLE are answers; every other GLOP status is a <see cref="SolverException"/> carrying GLOP's word.
    /// (Seen failing on the old mapping: MapStatus(NOT_SOLVED) returned Infeasible instead of throwing.)
    /// </summary>
    [Theory]
    [InlineData(Google.OrTools.LinearSolver.Solver.ResultStatus.NOT_SOLVED, "NOT_SOLVED")]
    [InlineData(Google.OrTools.LinearSolver.Solver.ResultStatus.ABNORMAL, "ABNORMAL")]
    [InlineData(Google.OrTools.LinearSolver.Solver.ResultStatus.UNBOUNDED, "UNBOUNDED")]
    [InlineData(Google.OrTools.LinearSolver.Solver.ResultStatus.FEASIBLE, "FEASIBLE")]
    [InlineData(Google.OrTools.LinearSolver.Solver.ResultStatus.MODEL_INVALID, "MODEL_INVALID")]
    public void Glop_NotSolved_and_Abnormal_are_failures_not_infeasibility(Google.OrTools.LinearSolver.Solver.ResultStatus status, string word)
    {
        var ex = Assert.Throws<SolverException>(() => GlopAssignment.MapStatus(status));
        Assert.Equal(word, ex.Status);
        Assert.Equal("GLOP", ex.Solver);
        Assert.Equal(OfflineStatus.Optimal, GlopAssignment.MapStatus(Google.OrTools.LinearSolver.Solver.ResultStatus.OPTIMAL));
        Assert.Equal(OfflineStatus.Infeasible, GlopAssignment.MapStatus(Google.OrTools.LinearSolver.Solver.ResultStatus.INFEASIBLE));
    }

    [Fact]
    public void MinCostFlow_Glop_Exhaustive_Agree_OnGeneratedInstances()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150).WithQuietOnSuccess(true), Prop.ForAll(MoeGenerators.Instances(7, 4), inst =>
        {
            int c0 = AssignmentProblem.DefaultCapacity(inst.Tokens, inst.K, inst.Experts);
            for (int c = c0; c <= c0 + 1; c++)
            {
                double ex = ExhaustiveAssignment.Solve(inst.Scores, inst.K, c);
                var mcf = MinCostFlowAssignment.Solve(inst.Scores, inst.K, c);
                var lp = GlopAssignment.Solve(inst.Scores, inst.K, c, balanced: false);
                Assert.Equal(ex, mcf.Value);
                Assert.True(Math.Abs(lp.Value - ex) <= 1e-6 * Math.Max(1, Math.Abs(ex)), $"GLOP {lp.Value} vs DP {ex}");
                Assert.All(mcf.Loads!, n => Assert.True(n <= c));
                Assert.Equal(mcf.Value, BalanceMetrics.Objective(inst.Scores, mcf.Assignment!, inst.K));
                // CAP duals: q = −p ≥ 0 and D_C(p) = OPT.
                Assert.All(lp.Prices!, p => Assert.True(p <= 1e-7));
                Assert.True(Math.Abs(BalanceMetrics.DualFunction(inst.Scores, lp.Prices!, inst.K, c) - ex) <= 1e-6 * Math.Max(1, Math.Abs(ex)));
            }
            if (inst.IntegerTarget)
            {
                int l = (int)inst.Target;
                Assert.Equal(ExhaustiveAssignment.Solve(inst.Scores, inst.K, l, balanced: true),
                    MinCostFlowAssignment.Solve(inst.Scores, inst.K, l, balanced: true).Value);
            }
            return true;
        }));
    }

    [Fact]
    public void RealValuedScores_MinCostFlowWithinItsStatedErrorOfTheLp()
    {
        var rng = new Rng(11);
        var gen = new IidSigmoidGenerator(8, 2.0);
        for (int rep = 0; rep < 5; rep++)
        {
            var s = new ScoreMatrix(48, 8);
            gen.Next(s, rng);
            var mcf = MinCostFlowAssignment.Solve(s, 2, 12, balanced: true);
            var lp = GlopAssignment.Solve(s, 2, 12, balanced: true);
            Assert.True(mcf.ErrorBound > 0 && mcf.ErrorBound < 1e-3);
            Assert.True(mcf.Value <= lp.Value + 1e-6 && mcf.Value >= lp.Value - mcf.ErrorBound - 1e-6, $"{mcf.Value} vs {lp.Value}");
            Assert.Equal(lp.Value, BalanceMetrics.DualFunction(s, lp.Prices!, 2, 12), 6);
        }
    }

    [Fact]
    public void HindsightComparator_IsTheMinimumOfTheSummedBatchDuals()
    {
        var rng = new Rng(5);
        var gen = new ZipfGumbelGenerator(4, 1.0, rng, logitSpace: true);
        var batches = new List<ScoreMatrix>();
        for (int b = 0; b < 6; b++)
        {
            var m = new ScoreMatrix(10, 4);
            gen.Next(m, rng);
            batches.Add(m);
        }
        var (value, bias) = HindsightComparator.Solve(batches, 2);
        double Sum(double[] p) => batches.Sum(b => HindsightComparator.BatchDual(b, p, 2));
        Assert.Equal(value, Sum(bias), 6);
        Assert.True(value <= Sum(new double[4]) + 1e-9);
        for (int r = 0; r < 50; r++)
        {
            var p = Enumerable.Range(0, 4).Select(_ => 4 * rng.NextDouble() - 2).ToArray();
            Assert.True(value <= Sum(p) + 1e-7);
        }
    }

    /// <summary>
    /// The value-only comparator (min-cost flow when N·B·K/E is an integer) equals GLOP's LP value: on 40 random
    /// logit-space runs (E ∈ {4, 8}, B ∈ {8, 16}, N ≤ 6, K ∈ {1, 2}) within the flow's stated error bound (scores
    /// rounded to integer costs), to 1e-6 on integer scores (flow exact, bound 0), and by GLOP itself when the target is
    /// fractional.
    /// </summary>
    [Fact]
    public void HindsightComparator_FlowValueEqualsGlop()
    {
        var rng = new Rng(17);
        int flowCases = 0;
        for (int rep = 0; rep < 40; rep++)
        {
            int e = rep % 2 == 0 ? 4 : 8, b = rng.NextInt(1, 3) * 8, n = rng.NextInt(1, 7), k = rng.NextInt(1, 3);
            bool integerScores = rep % 4 == 1;
            if (rep % 5 == 4) b = 5; // B·N·K/E fractional unless N·K is a multiple of E
            var gen = new ZipfGumbelGenerator(e, 1.0, rng.Split(), logitSpace: true);
            var batches = new List<ScoreMatrix>();
            for (int i = 0; i < n; i++)
            {
                var m = new ScoreMatrix(b, e);
                gen.Next(m, rng);
                if (integerScores) for (int j = 0; j < m.Data.Length; j++) m.Data[j] = Math.Round(100 * m.Data[j]);
                batches.Add(m);
            }
            var (glop, _) = HindsightComparator.Solve(batches, k);
            var (value, err) = HindsightComparator.SolveValue(ScoreMatrix.Concat(batches), b, k);
            bool flow = (long)n * b * k % e == 0;
            if (flow) flowCases++;
            if (!flow)
            {
                Assert.Equal(glop, value); // the same GLOP solve
                Assert.True(err > 0 && err <= GlopAssignment.Tolerance * Math.Max(1, Math.Abs(glop)) * (1 + 1e-12), $"case {rep}: err {err}, value {glop}, B {b}");
            }
            else if (integerScores)
            {
                Assert.Equal(0, err);
                Assert.True(Math.Abs(value - glop) <= 1e-6 * Math.Max(1, Math.Abs(glop)), $"case {rep}: {value} vs GLOP {glop}");
            }
            else
            {
                Assert.True(err > 0 && err < 1e-4, $"case {rep}: error bound {err}");
                Assert.True(value <= glop + 1e-7 && value >= glop - err - 1e-7, $"case {rep}: {value} (+{err}) vs GLOP {glop}");
            }
        }
        Assert.True(flowCases >= 20, $"only {flowCases} min-cost-flow cases");
        Assert.Throws<ArgumentException>(() => HindsightComparator.SolveValue(new ScoreMatrix(10, 4), 3, 1));
    }

    [Fact]
    public void GumbelOracle_MinimiserAndGradient()
    {
        var lw = new[] { Math.Log(0.5), Math.Log(0.25), Math.Log(0.125), Math.Log(0.125) };
        var f = new GumbelPopulationObjective(lw);
        var pStar = f.Minimizer();
        var pi = new double[4];
        f.RoutingProbabilities(pStar, pi);
        Assert.All(pi, v => Assert.Equal(0.25, v, 12)); // ∇F(p*) = π − 1/E = 0
        var rng = new Rng(3);
        for (int r = 0; r < 100; r++)
        {
            var p = Enumerable.Range(0, 4).Select(_ => 3 * rng.NextGaussian()).ToArray();
            Assert.True(f.Value(p) >= f.MinimumValue() - 1e-12);
        }
        Assert.Equal(f.Value(pStar), f.Value(pStar.Select(v => v + 7).ToArray()), 12); // shift invariance
        Assert.Equal(0.75, f.GradientBoundSquared, 12);
    }
}
