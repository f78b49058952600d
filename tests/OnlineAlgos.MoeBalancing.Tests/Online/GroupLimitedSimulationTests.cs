using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Online;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Online;

/// <summary>Group-limited routing (spec A2e) selected through <see cref="SimulationSettings.Groups"/>.</summary>
public class GroupLimitedSimulationTests
{
    /// <summary>The same score matrix every step (the deterministic setting of spec T1–T5).</summary>
    private sealed class FixedGenerator(ScoreMatrix scores) : IScoreGenerator
    {
        public string Name => "fixed";
        public int Experts => scores.Experts;
        public void Next(ScoreMatrix batch, Rng rng) => scores.Data.CopyTo(batch.Data, 0);
    }

    private static (StepMetrics[] Metrics, List<int[]> Loads) Run(string generator, string balancer, SimulationSettings s, ulong seed)
    {
        const int e = 16;
        var rng = new Rng(seed);
        var setup = rng.Split();
        IScoreGenerator gen = generator switch
        {
            "zipf" => new ZipfGumbelGenerator(e, 1.0, setup),
            "topics" => new TopicMixtureGenerator(e, setup),
            "drift" => new DriftGenerator(new ZipfGumbelGenerator(e, 1.0, setup), DriftMode.ChangePoint, period: 50),
            _ => new IidSigmoidGenerator(e, 2.0),
        };
        IBiasBalancer bal = balancer switch
        {
            "alf-lb" => new AlfLbBalancer(e, 1e-2),
            "proportional" => new ProportionalBalancer(e, StepSchedule.Constant(1e-2)),
            _ => new PlainTopKBalancer(e),
        };
        if (balancer == "capacity") s = s with { CapacityFactor = 1.0 };
        var loads = new List<int[]>();
        var m = MoeSimulator.Run(gen, bal, s, rng, (_, _, l) => loads.Add(l.ToArray()));
        return (m, loads);
    }

    /// <summary>
    /// Keeping every group (M = G) is plain top-K routing: every metric and every load vector agrees step by step, on
    /// four generators, three balancers (ALF-LB u = 1e-2, proportional, plain top-K with capacity dropping) and
    /// G ∈ {1, 2, 4, 8, 16} over E = 16 (150 steps of T = 64, K = 2). D(p_k) is evaluated directly under the group
    /// option and as ℒ(x_k, p_k) without it, so it agrees up to rounding (1e-9 relative). M &lt; G must differ.
    /// </summary>
    [Fact]
    public void AllGroupsKept_EqualsPlainTopK_StepByStep()
    {
        var plainSettings = new SimulationSettings(64, 2, 150);
        foreach (var gen in new[] { "zipf", "topics", "drift", "iid" })
            foreach (var bal in new[] { "alf-lb", "proportional", "capacity" })
            {
                var (plain, plainLoads) = Run(gen, bal, plainSettings, 11);
                foreach (int g in new[] { 1, 2, 4, 8, 16 })
                {
                    var (grouped, groupedLoads) = Run(gen, bal, plainSettings with { Groups = new GroupLimit(g, g) }, 11);
                    for (int i = 0; i < plain.Length; i++)
                    {
                        var (a, b) = (plain[i], grouped[i]);
                        Assert.Equal(plainLoads[i], groupedLoads[i]);
                        Assert.Equal(a with { Dual = 0 }, b with { Dual = 0 });
                        Assert.True(Math.Abs(a.Dual - b.Dual) <= 1e-9 * Math.Max(1, Math.Abs(a.Dual)), $"{gen}/{bal}/G={g} step {i + 1}: dual {a.Dual} vs {b.Dual}");
                    }
                }
                var (limited, limitedLoads) = Run(gen, bal, plainSettings with { Groups = new GroupLimit(8, 2) }, 11);
                Assert.Contains(Enumerable.Range(0, plain.Length), i => !plainLoads[i].SequenceEqual(limitedLoads[i]));
            }
    }

    /// <summary>
    /// E = 4 in G = 2 groups {0,1}, {2,3}, keep M = 1, K = 1, T = 4 (L = 1), zero bias. Rows and group scores (sum of
    /// both members):
    /// t0 [9,0,8,8]: 9 vs 16 → group 1 → expert 2 (tie 8 = 8: smaller index); plain top-1 takes expert 0.
    /// t1 [7,6,1,1]: 13 vs 2 → expert 0 (plain: 0).
    /// t2 [5,0,4,4]: 5 vs 8 → expert 2 (plain: 0).
    /// t3 [0,1,0,3]: 1 vs 3 → expert 3 (plain: 3).
    /// Plain loads (3,0,0,1): MaxVio 2, 2 idle, objective 9+7+5+3 = 24. Group-limited loads (1,0,2,1): MaxVio 1,
    /// 1 idle, objective 8+7+4+3 = 22. D(0) = Σ row maxima = 24 either way: the dual does not depend on the routing.
    /// </summary>
    [Fact]
    public void HandChecked_GroupLimitChangesRoutingLoadsAndMaxVio()
    {
        var s = ScoreMatrix.FromRows(new[] { new[] { 9.0, 0, 8, 8 }, new[] { 7.0, 6, 1, 1 }, new[] { 5.0, 0, 4, 4 }, new[] { 0.0, 1, 0, 3 } }, 4);
        var settings = new SimulationSettings(4, 1, 2);
        var plainLoads = new List<int[]>();
        var plain = MoeSimulator.Run(new FixedGenerator(s), new PlainTopKBalancer(4), settings, new Rng(1), (_, _, l) => plainLoads.Add(l.ToArray()));
        var groupLoads = new List<int[]>();
        var grouped = MoeSimulator.Run(new FixedGenerator(s), new PlainTopKBalancer(4), settings with { Groups = new GroupLimit(2, 1) }, new Rng(1),
            (_, _, l) => groupLoads.Add(l.ToArray()));
        for (int step = 0; step < 2; step++)
        {
            Assert.Equal(new[] { 3, 0, 0, 1 }, plainLoads[step]);
            Assert.Equal(new StepMetrics(step + 1, 2.0, 2, 24, double.NaN, 2.0, 24, 0), plain[step]);
            Assert.Equal(new[] { 1, 0, 2, 1 }, groupLoads[step]);
            Assert.Equal(new StepMetrics(step + 1, 1.0, 1, 22, double.NaN, 1.0, 24, 0), grouped[step]);
        }
        // One ALF-LB step (u = 1) from the group-limited loads (1,0,2,1): Δ = (0,+1,−1,0), p = (0,1,−1,0).
        // t0 [9,1,7,8]: 10 vs 15 → expert 3 (8 > 7); t1 [7,7,0,1]: expert 0 (tie 7 = 7); t2 [5,1,3,4]: 6 vs 7 → expert 3;
        // t3 [0,2,−1,3]: 2 vs 2, tie → group 0 → expert 1. Loads (1,1,0,2): MaxVio 1, one idle, objective 8+7+4+1 = 20.
        var alf = MoeSimulator.Run(new FixedGenerator(s), new AlfLbBalancer(4, 1.0), settings with { Groups = new GroupLimit(2, 1) }, new Rng(1));
        Assert.Equal(1.0, alf[1].MaxVio);
        Assert.Equal(1, alf[1].IdleExperts);
        Assert.Equal(20.0, alf[1].Objective);
        Assert.Equal(1.0 / 2, alf[1].MaxVioGlobal); // summed loads (2,1,2,3), target 2
    }

    [Theory]
    [InlineData(3, 1, 2, "divide the number of experts E = 16")]
    [InlineData(0, 1, 2, "divide the number of experts E = 16")]
    [InlineData(4, 0, 2, "between 1 and G = 4")]
    [InlineData(4, 5, 2, "between 1 and G = 4")]
    [InlineData(8, 1, 3, "K = 3 exceeds the M·E/G = 1·16/8 = 2 experts")]
    public void BadGroupLimit_ClearArgumentException(int groups, int top, int k, string expected)
    {
        var s = new SimulationSettings(8, k, 1, Groups: new GroupLimit(groups, top));
        var ex = Assert.Throws<ArgumentException>(() => MoeSimulator.Run(new IidSigmoidGenerator(16), new AlfLbBalancer(16), s, new Rng(1)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(s.Groups!.Check(16, k) + " (Parameter 'settings')", ex.Message);
    }

    [Fact]
    public void GroupLimit_RejectsMultiplicativeBiasAndExpertChoice()
    {
        var s = new SimulationSettings(8, 2, 1, Groups: new GroupLimit(4, 2));
        var ex = Assert.Throws<ArgumentException>(() => MoeSimulator.Run(new IidSigmoidGenerator(16), new MultiplicativeBalancer(16, StepSchedule.Constant(1e-3)), s, new Rng(1)));
        Assert.Contains("Multiplicative", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => MoeSimulator.Run(new IidSigmoidGenerator(16), new PlainTopKBalancer(16), s with { ExpertChoice = true }, new Rng(1)));
        Assert.Contains("expert choice", ex.Message, StringComparison.Ordinal);
        Assert.Null(new GroupLimit(8, 4).Check(64, 32));
        Assert.NotNull(new GroupLimit(8, 4).Check(64, 33));
    }
}
