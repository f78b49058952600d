using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Formats;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;
using OnlineAlgos.MoeBalancing.Online;
using OnlineAlgos.Testing.MoeBalancing;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Online;

/// <summary>Saved instances under instances/moe-balancing/: shrunk counterexamples and the format examples.</summary>
public class RegressionTests
{
    private static string InstanceDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "instances", "moe-balancing"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "instances", "moe-balancing");
    }

    [Fact]
    public void AuxLoss_LargeLogits_NoNaN()
    {
        // Found by GuaranteeCheckTests (shrunk): softmax of scores ~ 1e3 overflowed to NaN before the max shift.
        var inst = MoeInstance.Parse(File.ReadAllText(Path.Combine(InstanceDir(), "regression-aux-loss-softmax-overflow.txt")), "regression");
        var aux = new AuxLossEmulationBalancer(inst.Experts, 1e-3, 1.0);
        for (int s = 0; s < 5; s++)
        {
            var (_, l) = TopKRouter.Route(inst.Scores, aux.Bias, inst.K);
            aux.Update(inst.Scores, l, inst.K);
        }
        Assert.All(aux.Bias.ToArray(), v => Assert.True(double.IsFinite(v)));
        Assert.True(BalanceMetrics.DualFunction(inst.Scores, aux.Bias, inst.K, inst.Target) >= 1626 - 1e-9);
    }

    [Fact]
    public void CapacityDropping_CanBeatTheExactlyKOptimum()
    {
        // Found by GuaranteeCheckTests (shrunk, seed (5800551375632912245,11370053651915576589)): top-4 routing with
        // capacity C = 4, then dropping, keeps 52, while every assignment with exactly 4 experts per token and at most
        // 4 tokens per expert scores at most 51. Dropped tokens have fewer than K experts, so the right benchmark is
        // the relaxation with at most K per token, which is >= what dropping keeps.
        ScoreMatrix inst;
        using (var r = new StreamReader(Path.Combine(InstanceDir(), "capacity-dropping-above-capc.csv")))
            inst = ScoreCsvReader.Read(r, "capacity-dropping-above-capc.csv")[0];
        var (a, _) = TopKRouter.Route(inst, new double[5], 4);
        double kept = CapacityDropping.Apply(inst, a, 4, 4, DropPolicy.HighestScore).KeptObjective;
        Assert.Equal(52, kept, 9);
        Assert.Equal(51, MinCostFlowAssignment.Solve(inst, 4, 4).Value, 9);
        Assert.True(GuaranteeCheckTests.RelaxedCapacitatedOptimum(inst, 4, 4) >= kept);
    }

    [Fact]
    public void SavedFormatExamples_ReadAndSolve()
    {
        string dir = InstanceDir();
        using (var r = new StreamReader(Path.Combine(dir, "hand-3x3.csv")))
            Assert.Equal(13.0, MinCostFlowAssignment.Solve(ScoreCsvReader.Read(r, "hand-3x3.csv")[0], 1, 1, balanced: true).Value);
        using (var r = new StreamReader(Path.Combine(dir, "two-batches.csv")))
            Assert.Equal(2, ScoreCsvReader.Read(r, "two-batches.csv").Count);
        using var f = File.OpenRead(Path.Combine(dir, "scores-2x3x4-f32.npy"));
        var b = NpyScoreReader.Read(f, "scores-2x3x4-f32.npy");
        Assert.Equal(2, b.Count);
        Assert.Equal((double)0.95f, b[1][0, 0]);
    }
}
