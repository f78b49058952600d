using System.Globalization;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Online;
using OnlineAlgos.Matching.Testing;
using OnlineAlgos.Testing;
using Xunit;

// FsCheck.Fluent.Gen.Sample(gen, numberOfSamples, rnd, size).

namespace OnlineAlgos.Matching.Testing.Tests;

/// <summary>The matching kit: sized generators, shrinking seeds and instances, the JSON round trip, Replay of a saved
/// file and the one-call check catching a false guarantee.</summary>
public class MatchingKitTests
{
    private static string Instance(string name)
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "OnlineAlgos.sln"))) d = d.Parent;
        return Path.Combine(d?.FullName ?? throw new InvalidOperationException("repository root not found"), "instances", "matching", name);
    }

    [Fact]
    public void GeneratorsAreSized_TinyAtSizeZeroLargerLater()
    {
        var small = Gen.Sample(MatchingGenerators.VertexWeighted(6, 8).Generator, 50, new FsCheck.Rnd(1UL), 0);
        Assert.All(small, i => { Assert.Equal(1, i.OfflineCount); Assert.Equal(1, i.StepCount); });
        var large = Gen.Sample(MatchingGenerators.VertexWeighted(6, 8).Generator, 50, new FsCheck.Rnd(1UL), 100);
        Assert.Contains(large, i => i.OfflineCount >= 4);
        Assert.Contains(large, i => i.StepCount >= 5);
        Assert.All(large, i => Assert.True(i.OfflineCount <= 6 && i.StepCount <= 8));
    }

    [Fact]
    public void SeedsAreSizedAndShrinkTowardZero()
    {
        Assert.All(Gen.Sample(MatchingGenerators.Seeds.Generator, 100, new FsCheck.Rnd(2UL), 3), s => Assert.True(s <= 9));
        Assert.Empty(MatchingGenerators.Seeds.Shrinker(0));
        Assert.All(MatchingGenerators.Seeds.Shrinker(1000), s => Assert.True(s < 1000));
        // Greedy shrinking (FsCheck takes the first candidate that still fails) of "seed < 37" from 1000 ends at 37.
        ulong seed = 1000;
        while (MatchingGenerators.Seeds.Shrinker(seed).FirstOrDefault(s => s >= 37, ulong.MaxValue) is var next && next != ulong.MaxValue) seed = next;
        Assert.Equal(37UL, seed);
    }

    [Fact]
    public void InstanceShrinksAreNeverLargerAndSomeAreSmaller()
    {
        foreach (var inst in Gen.Sample(MatchingGenerators.Instances().Generator, 30, new FsCheck.Rnd(3UL), 100))
        {
            var shrinks = MatchingGenerators.Instances().Shrinker(inst).ToList();
            Assert.All(shrinks, s => Assert.True(s.StepCount <= inst.StepCount && s.OfflineCount <= inst.OfflineCount));
            if (inst.StepCount > 1 || inst.OfflineCount > 1)
                Assert.Contains(shrinks, s => s.StepCount < inst.StepCount || s.OfflineCount < inst.OfflineCount);
        }
    }

    [Fact]
    public void ParseOfToTextIsTheSameInstance()
    {
        foreach (var inst in Gen.Sample(MatchingGenerators.Instances().Generator, 40, new FsCheck.Rnd(4UL), 100))
        {
            var back = MatchingInstance.Parse(inst.ToText(), "round-trip");
            Assert.Equal(inst.OfflineCount, back.OfflineCount);
            Assert.Equal(inst.IsVertexWeighted, back.IsVertexWeighted);
            Assert.Equal(inst.StepCount, back.StepCount);
            Assert.Equal(inst.TypeCount, back.TypeCount);
            for (int j = 0; j < inst.TypeCount; j++) Assert.Equal(inst.Probability(j), back.Probability(j));
            Assert.Equal(inst.EdgeNodes.ToArray(), back.EdgeNodes.ToArray());
            Assert.Equal(inst.EdgeWeights.ToArray(), back.EdgeWeights.ToArray());
            Assert.Equal(inst.ToText(), back.ToText());
        }
    }

    [Fact]
    public void ReplayOfASavedFileReproducesItsCosts()
    {
        // F2 (n = 5): E[pivotal] = 0.77790, OPT_on = 1.03672 (the CLI's golden values); 0.750 >= 0.678 holds.
        string path = Instance("f2-poisson-trap-n5.json");
        var ok = MatchingChecks.Replay(path, "pivotal", Guarantee.Approximates(0.678));
        Assert.True(ok.Holds);
        Assert.Equal(0.77790, ok.Algorithm.Cost, 5);
        Assert.Equal(1.03672, ok.Optimum, 5);
        // A guarantee the saved instance violates (0.8 > 0.750) fails again on replay, with the same costs.
        var e = Assert.Throws<CounterexampleException>(() => MatchingChecks.Replay(path, "pivotal", Guarantee.Approximates(0.8)));
        Assert.Equal(0.77790, double.Parse(e.AlgorithmCost, CultureInfo.InvariantCulture), 5);
        Assert.Equal(1.03672, double.Parse(e.OptimumCost, CultureInfo.InvariantCulture), 5);
    }

    [Fact]
    public void AFalseGuaranteeIsCaughtAndShrunkByTheOneCallCheck()
    {
        // Greedy is not the online optimum (ALG >= 1*OPT_on is false): the check fails, and the shrunk counterexample
        // is tiny (one arrival can already make greedy lose: two types, or a heavy later step) and still fails.
        var e = Assert.Throws<CounterexampleException>(() => MatchingChecks.Competitive("greedy", Guarantee.Approximates(1.0), 200));
        var inst = MatchingInstance.Parse(e.InstanceText, "counterexample");
        Assert.True(inst.StepCount <= 3 && inst.OfflineCount <= 3, e.InstanceText);
        Assert.False(MatchingChecks.Create("greedy", Guarantee.Approximates(1.0)).HoldsOn(inst));
        // The true 1/2-vs-offline guarantee of balanced prices holds on the same run length.
        MatchingChecks.Competitive("balanced-prices", MatchingAlgorithms.Info("balanced-prices").GuaranteeFor!(new Dictionary<string, double>()),
            100, MatchingBenchmark.OfflineOptimum);
    }

    [Fact]
    public void UnknownNameFailsAtOnceWithTheRegistryList()
    {
        var e = Assert.Throws<ArgumentException>(() => MatchingChecks.Create("nope", Guarantee.Approximates(0.5)));
        Assert.StartsWith("unknown matching algorithm 'nope'; known: greedy,", e.Message, StringComparison.Ordinal);
    }
}
