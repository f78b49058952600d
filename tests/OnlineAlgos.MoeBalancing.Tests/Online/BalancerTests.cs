using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Online;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Online;

public class BalancerTests
{
    private static ScoreMatrix M(params double[][] rows) => ScoreMatrix.FromRows(rows, rows[0].Length);

    [Fact]
    public void AlfLb_SignRule_HandChecked()
    {
        var bal = new AlfLbBalancer(4, 0.5);
        bal.Update(M(new double[4]), new[] { 4, 2, 0, 2 }, 2); // L = 2: over, equal, under, equal
        Assert.Equal(new[] { -0.5, 0, 0.5, 0 }, bal.Bias.ToArray());
        var zm = new AlfLbBalancer(4, 0.5, zeroMean: true);
        zm.Update(M(new double[4]), new[] { 5, 1, 1, 1 }, 2); // signs (-1, +1, +1, +1), mean 0.25
        Assert.Equal(new[] { -0.5 - 0.25, 0.25, 0.25, 0.25 }, zm.Bias.ToArray());
        // Counts are compared with counts: a non-integer L = 7/4 still gives exact signs.
        var frac = new AlfLbBalancer(4, 1);
        frac.Update(M(new double[4]), new[] { 2, 2, 2, 1 }, 1);
        Assert.Equal(new[] { -1.0, -1, -1, 1 }, frac.Bias.ToArray());
    }

    [Fact]
    public void Schedules_HandChecked()
    {
        Assert.Equal(0.001, StepSchedule.Constant(0.001).Rate(5));
        Assert.Equal(0.001, StepSchedule.Piecewise(0.001, 10).Rate(10));
        Assert.Equal(0.0, StepSchedule.Piecewise(0.001, 10).Rate(11));
        Assert.Equal(0.01 / 2, StepSchedule.InverseSqrt(0.01).Rate(3), 15);
        Assert.Equal(8.0 / 12, StepSchedule.InverseLinear(8, 10).Rate(2), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => StepSchedule.Constant(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StepSchedule.Constant(double.NaN));
    }

    [Fact]
    public void EdgeCases_KEqualsE_NoTokens_ZeroRate_LeaveTheBiasAlone()
    {
        var s = M(new[] { 1.0, 2, 3 }, new[] { 3.0, 1, 2 });
        var bal = new AlfLbBalancer(3, 1.0);
        var (_, l) = TopKRouter.Route(s, bal.Bias, 3);
        bal.Update(s, l, 3);
        Assert.Equal(new double[3], bal.Bias.ToArray()); // K = E: everything balanced, Δ = 0
        bal.Update(new ScoreMatrix(0, 3), new int[3], 1); // T = 0: no update
        Assert.Equal(new double[3], bal.Bias.ToArray());
        var frozen = new AlfLbBalancer(3, 0.0);
        frozen.Update(s, new[] { 2, 0, 0 }, 1);
        Assert.Equal(new double[3], frozen.Bias.ToArray());
        foreach (IBiasBalancer b in new IBiasBalancer[] { new ProportionalBalancer(3, StepSchedule.Constant(1)), new MultiplicativeBalancer(3, StepSchedule.Constant(1)), new AuxLossEmulationBalancer(3) })
        {
            var before = b.Bias.ToArray();
            b.Update(new ScoreMatrix(0, 3), new int[3], 1);
            Assert.Equal(before, b.Bias.ToArray());
        }
    }

    [Fact]
    public void Proportional_And_Multiplicative_HandChecked()
    {
        var p = new ProportionalBalancer(2, StepSchedule.Constant(0.1));
        p.Update(M(new double[2], new double[2]), new[] { 3, 1 }, 2); // L = 2, e = (-1, 1), e/L = (-0.5, 0.5)
        Assert.Equal(new[] { -0.05, 0.05 }, p.Bias.ToArray());
        var ogd = new ProportionalBalancer(2, StepSchedule.Constant(0.1), ProportionalScale.Tokens, centre: true, boxRadius: 0.01);
        ogd.Update(M(new double[2], new double[2]), new[] { 4, 0 }, 2); // e/B = (-1, 1) → ±0.1, clipped to ±0.01
        Assert.Equal(new[] { -0.01, 0.01 }, ogd.Bias.ToArray());
        var m = new MultiplicativeBalancer(2, StepSchedule.Constant(0.25));
        Assert.Equal(new[] { 1.0, 1.0 }, m.Bias.ToArray());
        m.Update(M(new double[2]), new[] { 1, 0 }, 1);
        Assert.Equal(new[] { 0.75, 1.25 }, m.Bias.ToArray());
        m.Reset();
        Assert.Equal(new[] { 1.0, 1.0 }, m.Bias.ToArray());
    }

    [Fact]
    public void AuxLoss_PushesDownTheOverloadedExpert()
    {
        var s = M(new[] { 2.0, 0, 0 }, new[] { 2.0, 0, 0 }, new[] { 2.0, 0, 0 });
        var aux = new AuxLossEmulationBalancer(3, 1e-2, 10);
        var (_, l) = TopKRouter.Route(s, aux.Bias, 1);
        aux.Update(s, l, 1);
        Assert.True(aux.Bias[0] < 0 && aux.Bias[1] > 0 && aux.Bias[2] > 0);
    }

    [Fact]
    public void CapacityDropping_HandChecked_BothPolicies()
    {
        // Three tokens all pick expert 0 (K = 1); C = 2.
        var s = M(new[] { 1.0, 0 }, new[] { 3.0, 0 }, new[] { 2.0, 0 });
        int[] a = { 0, 0, 0 };
        var hi = CapacityDropping.Apply(s, a, 1, 2, DropPolicy.HighestScore);
        Assert.Equal(new[] { false, true, true }, hi.Kept);
        Assert.Equal(5.0, hi.KeptObjective);
        Assert.Equal(1, hi.Dropped);
        Assert.Equal(2, hi.PaddingWaste); // expert 1 has 0 of 2 slots filled
        var early = CapacityDropping.Apply(s, a, 1, 2, DropPolicy.EarliestToken);
        Assert.Equal(new[] { true, true, false }, early.Kept);
        Assert.Equal(4.0, early.KeptObjective);
        Assert.Equal(1.0 / 3, early.DropRate(3, 1), 15);
        Assert.Equal(3, CapacityDropping.Capacity(1.0, 4, 3, 4));
        Assert.Equal(4, CapacityDropping.Capacity(1.25, 4, 3, 4));
    }

    [Fact]
    public void ExpertChoice_HandChecked()
    {
        var s = M(new[] { 5.0, 1 }, new[] { 4.0, 2 }, new[] { 3.0, 3 });
        var (per, obj) = ExpertChoiceRouting.Route(s, 1);
        Assert.Equal(new[] { 1, 0, 1 }, per); // expert 0 takes token 0, expert 1 takes token 2
        Assert.Equal(8.0, obj);
    }

    [Fact]
    public void Simulator_IsDeterministic_AndBalancesZipf()
    {
        StepMetrics[] Run(ulong seed)
        {
            var rng = new Rng(seed);
            var gen = new ZipfGumbelGenerator(16, 1.0, rng.Split());
            return MoeSimulator.Run(gen, new AlfLbBalancer(16, 1e-3), new SimulationSettings(256, 2, 600, GapEvery: 300), rng);
        }
        var a = Run(1);
        Assert.Equal(a, Run(1));
        Assert.True(a[^1].MaxVio < a[0].MaxVio / 4, $"{a[0].MaxVio} -> {a[^1].MaxVio}");
        Assert.True(double.IsNaN(a[0].GapToOpt));
        Assert.False(double.IsNaN(a[299].GapToOpt));
        var ec = MoeSimulator.Run(new IidSigmoidGenerator(8), new PlainTopKBalancer(8), new SimulationSettings(64, 2, 3, ExpertChoice: true), new Rng(2));
        Assert.All(ec, m => Assert.Equal(0.0, m.MaxVio));
        var drop = MoeSimulator.Run(new ZipfGumbelGenerator(8, 1.5, new Rng(3)), new PlainTopKBalancer(8), new SimulationSettings(64, 2, 3, CapacityFactor: 1.0), new Rng(2));
        Assert.All(drop, m => Assert.True(m.MaxVio <= 1e-12 && m.DropRate > 0));
    }

    [Fact]
    public void CycleDetection_SuperstarInstance_HandChecked()
    {
        // Two tokens, two experts, K = 1, expert 0 leads both by 3 and 1; u = 1. Warm-up: token 1 moves once
        // p1 − p0 > 1, i.e. after one step (Δ = 2 per step); then loads are (1, 1) and the state is a fixed point.
        var s = M(new[] { 3.0, 0 }, new[] { 1.0, 0 });
        var rep = CycleDetection.Run(s, 1, 1.0, 100);
        Assert.True(rep.Found);
        Assert.Equal(1, rep.CycleLength);
        Assert.Equal(1, rep.MaxLoad);
        Assert.Equal(3.0, rep.MeanObjective);
    }
}
