using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Paging.Testing;
using OnlineAlgos.Testing;
using Xunit;

namespace OnlineAlgos.Paging.Testing.Tests.Paging;

/// <summary>The paging kit: one-call checks, sized generators, shrinking seeds, text round trip, replay.</summary>
public class PagingChecksTests
{
    [Fact]
    public void A_false_guarantee_is_caught_and_shrunk_by_the_one_call_check()
    {
        var e = Assert.Throws<CounterexampleException>(() =>
            PagingChecks.Competitive("lru", () => new LruPaging(), _ => Guarantee.Competitive(1, source: "false on purpose"), maxTest: 500));
        var inst = PagingInstance.Parse(e.InstanceText, "counterexample");
        Assert.Equal(long.Parse(e.AlgorithmCost, System.Globalization.CultureInfo.InvariantCulture), PagingSimulator.Run(new LruPaging(), inst.Sequence, inst.K));
        Assert.Equal(long.Parse(e.OptimumCost, System.Globalization.CultureInfo.InvariantCulture), BeladyPaging.Faults(inst.Sequence, inst.K));
        Assert.True(long.Parse(e.AlgorithmCost, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(e.OptimumCost, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(inst.Sequence.Length, 4, 6); // the minimum is "a b c a", k = 2
    }

    [Fact]
    public void True_guarantees_from_the_registry_pass_the_one_call_check()
    {
        foreach (var name in PagingAlgorithms.ClassicalNames)
        {
            var info = PagingAlgorithms.Find(name)!;
            PagingChecks.Competitive(name, () => PagingAlgorithms.Create(name),
                k => info.GuaranteeFor!(new Dictionary<string, double> { ["k"] = k }), maxTest: 100);
        }
    }

    [Fact]
    public void The_prediction_check_passes_mark0_and_catches_a_false_error_coefficient()
    {
        PagingChecks.CompetitiveWithPredictions("mark0", b => new Mark0DiscardPaging(b), PredictionSetup.Discard,
            k => PagingAlgorithms.Find("mark0")!.GuaranteeFor!(new Dictionary<string, double> { ["k"] = k }), maxTest: 200);
        // ALG <= OPT + 0*eta0 + eta1 is false for MARK0 (it pays up to k-1 per eta0).
        var e = Assert.Throws<CounterexampleException>(() =>
            PagingChecks.CompetitiveWithPredictions("mark0-false", b => new Mark0DiscardPaging(b), PredictionSetup.Discard,
                _ => new Guarantee(1, 0, [new ErrorTerm("eta1", 1)]), maxTest: 500));
        Assert.True(long.Parse(e.AlgorithmCost, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(e.OptimumCost, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Generated_instances_grow_with_the_size()
    {
        var gen = PagingGenerators.InstanceGen(6, 120);
        int small = gen.Sample(200, 5).Max(i => i.Sequence.Length);   // size 5: n <= max(4, 5*120/100) = 6
        int large = gen.Sample(200, 100).Max(i => i.Sequence.Length); // size 100: n up to 120
        Assert.InRange(small, 0, 6);
        Assert.InRange(large, 60, 120);
        Assert.All(gen.Sample(200, 5), i => Assert.Equal(1, i.K)); // k <= max(1, 5*6/100) = 1
    }

    [Fact]
    public void Shrinking_only_proposes_smaller_instances()
    {
        var inst = new PagingInstance(3, RequestSequence.FromPages([0, 1, 2, 3, 0, 1, 4, 2]));
        var shrunk = PagingGenerators.Shrink(inst).ToList();
        Assert.NotEmpty(shrunk);
        Assert.All(shrunk, s => Assert.True(s.Sequence.Length < inst.Sequence.Length || s.K < inst.K));
        Assert.Contains(shrunk, s => s.K == 2 && s.Sequence.Length == 8);
    }

    [Fact]
    public void Seeds_are_small_at_small_sizes_and_shrink_toward_zero()
    {
        Assert.All(PagingGenerators.SeedGen().Sample(100, 3), s => Assert.InRange(s, 0UL, 3UL));
        var shrinks = ArbMap.Default.ArbFor<int>().Shrinker(1000).ToList();
        Assert.Contains(0, shrinks); // the int shrinker behind SeedGen moves toward 0
    }

    [Fact]
    public void Text_round_trips()
    {
        foreach (var inst in PredictionGenerators.WithBitsGen(PredictionSetup.Discard, 6, 60, adversarial: true).Sample(50, 50).Where(i => i.Sequence.Length > 0)) // an empty trace has no text form (the reader rejects it)
        {
            var back = PagingInstance.Parse(inst.ToText(), "round-trip");
            Assert.Equal(inst.K, back.K);
            Assert.Equal(inst.Sequence.Length, back.Sequence.Length);
            Assert.Equal(inst.ToText(), back.ToText());
            Assert.Equal(BeladyPaging.Faults(inst.Sequence, inst.K), BeladyPaging.Faults(back.Sequence, back.K));
        }
    }

    [Fact]
    public void Replay_of_a_saved_file_reproduces_its_costs()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        string path = Path.Combine(dir.FullName, "instances", "paging", "loop-k3.txt");
        var r = PagingChecks.Replay(path, () => new FifoPaging(), k => Guarantee.Competitive(k));
        Assert.Equal(12, r.Algorithm.Cost);
        Assert.Equal(6, r.Optimum);
        Assert.True(r.Holds);
        var e = Assert.Throws<CounterexampleException>(() => PagingChecks.Replay(path, () => new FifoPaging(), _ => Guarantee.Competitive(1)));
        Assert.Equal("12", e.AlgorithmCost);
    }
}
