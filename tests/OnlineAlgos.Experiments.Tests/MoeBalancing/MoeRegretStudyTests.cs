using OnlineAlgos.Core;
using OnlineAlgos.Experiments.MoeBalancing;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;
using OnlineAlgos.MoeBalancing.Online;
using Xunit;
using static OnlineAlgos.Experiments.Tests.MoeBalancing.MoeStudyHarness;

namespace OnlineAlgos.Experiments.Tests.MoeBalancing;

/// <summary><c>moe-regret</c>: expected regret (Gumbel oracle) and realised regret against the hindsight comparator.</summary>
public class MoeRegretStudyTests
{
    private const int E = 8, B = 64;

    /// <summary>
    /// The study's realised regret at N = 10 and 30 equals an independent computation: the same batches regenerated
    /// from the seed, the balancer replayed with its own loop, Σ_k f_k(p_k) by <see cref="HindsightComparator.BatchDual"/>
    /// at the bias fixed before each batch, minus GLOP's <see cref="HindsightComparator.Solve"/> over the concatenated
    /// batches (the study uses the min-cost flow). Tolerance: GLOP's 1e-6 plus the flow's stated error bound. The
    /// comparator is a minimum: it is at most Σ_k f_k(p) at p = 0 and at the balancer's final bias.
    /// </summary>
    [Theory]
    [InlineData("alf-lb-u0.01")]
    [InlineData("ogd-E-over-k+10")]
    public void RealisedRegret_EqualsIndependentSumOfBatchDualsMinusGlopComparator(string method)
    {
        const ulong seed = 99;
        int[] cps = { 10, 30 };
        var trace = MoeRegretStudy.Simulate(method, 30, cps, seed, replicate: 1);

        var rng = Rng.ForCell(seed, "moe-regret-instance", 1);
        var gen = new ZipfGumbelGenerator(E, 1.0, rng.Split(), 1.0, logitSpace: true);
        IBiasBalancer bal = method == "alf-lb-u0.01"
            ? new AlfLbBalancer(E, 0.01)
            : new ProportionalBalancer(E, StepSchedule.InverseLinear(E, 10), ProportionalScale.Tokens);
        var batches = new List<ScoreMatrix>();
        var online = new List<double>();
        for (int k = 0; k < 30; k++)
        {
            var batch = new ScoreMatrix(B, E);
            gen.Next(batch, rng);
            batches.Add(batch);
            online.Add(HindsightComparator.BatchDual(batch, bal.Bias, 1));
            var (_, loads) = TopKRouter.Route(batch, bal.Bias, 1);
            bal.Update(batch, loads, 1);
        }
        Assert.Equal(bal.Bias.ToArray(), trace.FinalBias);
        Assert.Equal(cps, trace.Checkpoints);
        for (int i = 0; i < cps.Length; i++)
        {
            var seen = batches.Take(cps[i]).ToList();
            var (glop, _) = HindsightComparator.Solve(seen, 1);
            double sum = online.Take(cps[i]).Sum();
            double tol = 1e-6 * Math.Max(1, Math.Abs(glop)) + trace.ComparatorError[i];
            Assert.True(Math.Abs(trace.OnlineSum[i] - sum) <= 1e-9 * Math.Abs(sum), $"N={cps[i]}: online sum {trace.OnlineSum[i]} vs {sum}");
            Assert.True(Math.Abs(trace.Realised(i) - (sum - glop)) <= tol, $"N={cps[i]}: realised {trace.Realised(i)} vs {sum - glop}");
            double SumAt(double[] p) => seen.Sum(b => HindsightComparator.BatchDual(b, p, 1));
            Assert.True(glop <= SumAt(new double[E]) + 1e-7, "comparator above Σ f_k(0)");
            Assert.True(glop <= SumAt(trace.FinalBias) + 1e-7, "comparator above Σ f_k(final bias)");
            Assert.True(trace.Comparator[i] <= SumAt(trace.FinalBias) + 1e-7);
        }
        for (int k = 0; k < 30; k++) Assert.True(k == 0 ? trace.Expected[0] >= 0 : trace.Expected[k] >= trace.Expected[k - 1]);
    }

    [Fact]
    public void Checkpoints_AreTenThirtyHundredAndTheEnd()
    {
        Assert.Equal(new[] { 10, 30, 100, 300, 1000 }, MoeRegretStudy.Checkpoints(1000));
        Assert.Equal(new[] { 10, 30, 100, 300, 1000, 3000, 5000 }, MoeRegretStudy.Checkpoints(5000));
        Assert.Equal(new[] { 10, 25 }, MoeRegretStudy.Checkpoints(25));
        Assert.Throws<ArgumentException>(() => MoeRegretStudy.Simulate("alf-lb-u0.01", 20, new[] { 10, 30 }, 1, 0));
    }

    /// <summary>
    /// Quick grid (N = 1000, 1 seed): byte-identical tables from a fresh study on one thread, both tables and both
    /// plots, the expected regret ≥ 0 and non-decreasing over the checkpoints (a sum of F(p_k) − F(p*) ≥ 0), the
    /// checkpoint table's last column equal to the main table's, and regret/(1 + ln N) consistent. The realised regret
    /// is not asserted to be ≥ 0: the online biases vary with k, the comparator is one fixed bias.
    /// </summary>
    [Fact]
    public void QuickGrid_DeterministicTablesAndPlots_ExpectedRegretNonNegative()
    {
        var run = Execute(new MoeRegretStudy(), threads: 2);
        Assert.Equal(run.Csv, Execute(new MoeRegretStudy(), threads: 1).Csv);
        Assert.Equal(new[] { "moe-regret", "moe-regret-checkpoints" }, run.Output.Tables.Select(t => t.FileStem));
        Assert.Equal(new[] { "moe-regret", "moe-regret-realised" }, run.Output.Plots.Select(p => p.FileStem));
        var t = run.Table("moe-regret");
        var byN = run.Table("moe-regret-checkpoints");
        Assert.Contains("expected = Σₖ F(pₖ) − F(p*) with the closed-form Gumbel oracle", t.Legend, StringComparison.Ordinal);
        Assert.Contains("realised = Σₖ fₖ(pₖ) − minₚ Σₖ fₖ(p)", t.Legend, StringComparison.Ordinal);
        Assert.Equal(5, t.RowCount);
        Assert.Equal(10, byN.RowCount);
        foreach (var m in new[] { "ogd-inv-mu-k", "ogd-E-over-k+10", "alf-lb-u0.01", "alf-lb-u0.001", "alf-lb-annealed" })
        {
            double exp = Value(t, "expected_regret (oracle)", m);
            Assert.True(exp >= 0, m);
            Assert.Equal(exp / (1 + Math.Log(1000)), Value(t, "expected/(1+ln N)", m), 2);
            double real = Value(t, "realised_regret (hindsight LP)", m);
            Assert.Equal(real / (1 + Math.Log(1000)), Value(t, "realised/(1+ln N)", m), 2);
            var e = new[] { 10, 30, 100, 300, 1000 }.Select(n => Value(byN, "N=" + n, m, "expected (oracle)")).ToArray();
            Assert.True(e[0] >= 0);
            for (int i = 1; i < e.Length; i++) Assert.True(e[i] >= e[i - 1], $"{m}: expected regret fell between checkpoints");
            Assert.Equal(exp, e[^1]);
            Assert.Equal(real, Value(byN, "N=1000", m, "realised (hindsight)"));
        }
    }
}
