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
