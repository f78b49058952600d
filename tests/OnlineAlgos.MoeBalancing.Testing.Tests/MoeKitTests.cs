using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Online;
using OnlineAlgos.MoeBalancing.Testing;
using OnlineAlgos.Testing;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Testing.Tests;

/// <summary>The MoE testing kit: sized generators, shrinking, the text round trip, replay of a saved file, and the
/// one-call weak-duality check catching a deliberately false claim.</summary>
public class MoeKitTests
{
    [Fact]
    public void Generator_is_sized_tiny_at_size_0_and_reaches_the_caps_at_size_100()
    {
        var gen = MoeGenerators.InstanceGen(10, 5, false);
        Assert.All(Gen.Sample(gen, 0, new Rnd(1UL, 3UL), 40), x => { Assert.True(x.Tokens <= 1); Assert.Equal(1, x.Experts); });
        var large = Gen.Sample(gen, 100, new Rnd(1UL, 3UL), 300);
        Assert.Contains(large, x => x.Experts == 5);
        Assert.Contains(large, x => x.Tokens == 10);
    }

    [Fact]
    public void Every_shrink_is_no_larger_and_smaller_in_tokens_scores_or_rate()
    {
        foreach (var x in Gen.Sample(MoeGenerators.InstanceGen(8, 5, true), 100, new Rnd(5UL, 7UL), 40))
            foreach (var y in MoeGenerators.Shrink(x, integerTarget: true))
            {
                Assert.Equal(x.Experts, y.Experts);
                Assert.Equal(x.K, y.K);
                Assert.True(y.IntegerTarget);
                bool smaller = y.Tokens < x.Tokens || y.Rate < x.Rate || y.Scores.Data.Sum() < x.Scores.Data.Sum();
                Assert.True(y.Tokens <= x.Tokens && y.Rate <= x.Rate && smaller, $"shrink of {x} did not shrink");
            }
    }

    [Fact]
    public void Parse_of_ToText_is_the_same_instance()
    {
        foreach (var x in Gen.Sample(MoeGenerators.InstanceGen(8, 5, false), 60, new Rnd(11UL, 13UL), 60))
        {
            var y = MoeInstance.Parse(x.ToText(), "x");
            Assert.Equal(x, y);
            Assert.Equal(x.ToText(), y.ToText());
        }
    }

    [Theory]
    [InlineData("token,e0\n0,1\n", 1)]
    [InlineData("# moe instance: family=f rate=1\ntoken,e0\n0,1\n", 1)]
    [InlineData("# moe instance: family=f K=x rate=1\ntoken,e0\n0,1\n", 1)]
    [InlineData("# moe instance: family=f K=2 rate=1\ntoken,e0\n0,1\n", 1)]
    [InlineData("# moe instance: family=f K=1 rate=1\ntoken,e0\n0,abc\n", 3)]
    public void Parse_rejects_malformed_text_with_InstanceFormatException_and_the_line(string text, long line)
    {
        var ex = Assert.Throws<InstanceFormatException>(() => MoeInstance.Parse(text, "bad.txt"));
        Assert.Equal(line, ex.Line);
        Assert.Equal("bad.txt", ex.SourceName);
    }

    private static string Instances()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? ".", "instances", "moe-balancing");
    }

    [Fact]
    public void Replay_of_a_saved_instance_reproduces_its_costs()
    {
        // group-limited-overloaded-gains.txt: T = 6 tokens, E = 6, K = 2, u = 1 (instances/README.md). Plain ALF-LB
        // satisfies weak duality on it; OPT is the exact balanced optimum of the saved scores.
        string file = Path.Combine(Instances(), "group-limited-overloaded-gains.txt");
        var inst = MoeInstance.Parse(File.ReadAllText(file), file);
        var r = MoeChecks.Replay(file, "alf-lb");
        Assert.Equal(MoeChecks.BalancedOptimum(inst), r.Optimum);
        Assert.True(r.Algorithm.Cost >= r.Optimum);
        Assert.Equal(MoeChecks.MinDual(new AlfLbBalancer(inst.Experts, inst.Rate), inst, 25), r.Algorithm.Cost);
        // A false claim, D(p) >= OPT + 1, still fails on the saved instance when replayed through Assert.
        var falseClaim = FalseClaim();
        Assert.Throws<CounterexampleException>(() => falseClaim.Assert(inst with { Scores = OneToken(inst), K = inst.Experts }));
    }

    [Fact]
    public void One_call_check_passes_for_ALF_LB_and_catches_a_false_claim_shrunk()
    {
        MoeChecks.DualAtLeastOptimum("alf-lb", maxTest: 40);
        var ex = Assert.Throws<CounterexampleException>(() => FalseClaim().Verify(maxTest: 100));
        var shrunk = MoeInstance.Parse(ex.InstanceText, "counterexample");
        Assert.True(shrunk.Tokens <= 1, $"not shrunk: {shrunk.Tokens} tokens"); // T = 0 gives D = OPT = 0 < 0 + 1
    }

    // ALF-LB's min_k D(p_k) against the false claim D >= OPT + 1 (on a single token with E = K the dual equals OPT).
    private static CompetitiveCheck<MoeInstance, double> FalseClaim()
    {
        var check = MoeChecks.DualCheck("alf-lb", x => new AlfLbBalancer(x.Experts, x.Rate));
        return CompetitiveCheck.Create("D >= OPT + 1", MoeGenerators.Instances(8, 5, integerTarget: true),
            x => check.Evaluate(x).Algorithm.Cost, MoeChecks.BalancedOptimum,
            new Guarantee(1, Additive: -1, Objective: Objective.Maximize, RelativeTolerance: 0), x => x.ToText());
    }

    // The first token of an instance with every expert chosen: K = E, so D(p) = OPT for every p.
    private static ScoreMatrix OneToken(MoeInstance inst)
    {
        var m = new ScoreMatrix(1, inst.Experts);
        for (int i = 0; i < inst.Experts; i++) m[0, i] = inst.Scores[0, i];
        return m;
    }
}
