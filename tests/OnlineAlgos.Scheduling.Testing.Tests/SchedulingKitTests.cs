using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Online;
using OnlineAlgos.Scheduling.Testing;
using OnlineAlgos.Testing;
using Xunit;

// FsCheck.Fluent.Gen.Sample(gen, numberOfSamples, rnd, size).

namespace OnlineAlgos.Scheduling.Testing.Tests;

/// <summary>The scheduling kit: sized generators, shrinking toward smaller instances, the JSON round trip, Replay of a
/// saved file and the one-call exact check catching a false guarantee.</summary>
public class SchedulingKitTests
{
    private static string Instance(string name)
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "OnlineAlgos.sln"))) d = d.Parent;
        return Path.Combine(d?.FullName ?? throw new InvalidOperationException("repository root not found"), "instances", "scheduling", name);
    }

    private static Rational Work(SchedulingInstance<Rational> i)
    {
        Rational w = Rational.Zero;
        for (int j = 0; j < i.JobCount; j++) w += i.TotalSize(j);
        return w;
    }

    [Fact]
    public void GeneratorsAreSized_EmptyAtSizeZeroLargerLater()
    {
        Assert.All(Gen.Sample(SchedulingGenerators.Instances(8, 5).Generator, 30, new FsCheck.Rnd(1UL), 0), i => Assert.Equal(0, i.JobCount));
        Assert.All(Gen.Sample(SchedulingGenerators.BatchInstances(8).Generator, 30, new FsCheck.Rnd(1UL), 0), i => Assert.Equal(1, i.JobCount));
        var large = Gen.Sample(SchedulingGenerators.Instances(8, 5).Generator, 50, new FsCheck.Rnd(1UL), 100);
        Assert.Contains(large, i => i.JobCount >= 6);
        Assert.Contains(large, i => i.MaxOperations >= 4);
        Assert.All(large, i => Assert.True(i.JobCount <= 8 && i.MaxOperations <= 5));
    }

    [Fact]
    public void ShrinksAreNeverLargerAndSomeAreSmaller()
    {
        foreach (var inst in Gen.Sample(SchedulingGenerators.Instances().Generator, 30, new FsCheck.Rnd(3UL), 100))
        {
            var shrinks = SchedulingGenerators.Instances().Shrinker(inst).ToList();
            Assert.All(shrinks, s => Assert.True(s.JobCount <= inst.JobCount));
            if (inst.JobCount > 0) Assert.Contains(shrinks, s => s.JobCount < inst.JobCount);
            if (!Rational.IsZero(Work(inst))) Assert.Contains(shrinks, s => s.JobCount == inst.JobCount && Work(s) < Work(inst));
        }
    }

    [Fact]
    public void ParseOfToTextIsTheSameInstance()
    {
        foreach (var inst in Gen.Sample(SchedulingGenerators.Instances().Generator, 40, new FsCheck.Rnd(4UL), 100))
        {
            var back = SchedulingInstance<Rational>.Parse(inst.ToText(), "round-trip");
            Assert.Equal(inst.Jobs().Select(j => (j.Id, j.Release, string.Join(' ', j.Operations))),
                back.Jobs().Select(j => (j.Id, j.Release, string.Join(' ', j.Operations))));
            Assert.Equal(inst.ToText(), back.ToText());
        }
    }

    [Fact]
    public void ReplayOfASavedFileReproducesItsCosts()
    {
        // tests5 (spec §6.4): OpSRPT 31, OPT 26 exactly; 31 <= 2 * 26 holds, 31 > (11/10) * 26 = 143/5 does not.
        string path = Instance("tests5.json");
        var ok = SchedulingChecks.Replay(path, "opsrpt", Guarantee.Competitive(2));
        Assert.True(ok.Holds);
        Assert.Equal(new Rational(31), ok.Algorithm.Cost);
        Assert.Equal(new Rational(26), ok.Optimum);
        var e = Assert.Throws<CounterexampleException>(() => SchedulingChecks.Replay(path, "opsrpt", Guarantee.Competitive(new Rational(11, 10), Rational.Zero)));
        Assert.Equal("31", e.AlgorithmCost);
        Assert.Equal("26", e.OptimumCost);
        Assert.Equal("143/5", e.Bound);
    }

    [Fact]
    public void AFalseGuaranteeIsCaughtAndShrunkByTheOneCallCheck()
    {
        // FIFO is not optimal (ALG <= 1*OPT is false): two jobs released together, the longer one first, suffice.
        var e = Assert.Throws<CounterexampleException>(() => SchedulingChecks.Competitive("fifo", Guarantee.Competitive(1), 300));
        var inst = SchedulingInstance<Rational>.Parse(e.InstanceText, "counterexample");
        Assert.Equal(2, inst.JobCount);
        Assert.False(SchedulingChecks.Create("fifo", Guarantee.Competitive(1)).HoldsOn(inst));
        // OpSRPT's proven bound holds on uniform tests, exactly.
        SchedulingChecks.Competitive("opsrpt", SchedulingAlgorithms.All[0].GuaranteeFor!(new Dictionary<string, double>()), 200,
            instances: SchedulingGenerators.UniformTests(Rational.One), moves: SchedulingMoves.UniformTests(Rational.One));
    }

    [Fact]
    public void UnknownNameFailsAtOnceWithTheRegistryList()
    {
        var e = Assert.Throws<ArgumentException>(() => SchedulingChecks.Create("nope", Guarantee.Competitive(2)));
        Assert.StartsWith("unknown scheduling algorithm 'nope'; known: opsrpt, slf-op, chunked,", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown tie rule 'x'; known: release-asc, release-desc, id",
            Assert.Throws<ArgumentException>(() => SchedulingAlgorithmOptions.ParseTieRule("x")).Message, StringComparison.Ordinal);
    }
}
