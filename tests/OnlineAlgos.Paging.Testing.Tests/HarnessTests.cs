using OnlineAlgos.Core;
using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Paging.Testing;
using OnlineAlgos.Testing;
using Xunit;

namespace OnlineAlgos.Paging.Testing.Tests;

/// <summary>The harness itself: it must catch a false guarantee, shrink it, and report a replayable instance.</summary>
public class HarnessTests
{
    private static CompetitiveCheck<PagingInstance, long> LruClaimedOptimal() =>
        CompetitiveCheck.Create("lru", PagingGenerators.Instances(),
            inst => PagingSimulator.Run(new LruPaging(), inst.Sequence, inst.K),
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            Guarantee.Competitive(1.0, source: "false on purpose"),
            inst => inst.ToText());

    [Fact]
    public void FalseGuaranteeIsCaughtShrunkAndReplayable()
    {
        var e = Assert.Throws<CounterexampleException>(() => LruClaimedOptimal().Verify(500));
        // The message carries both costs, the instance in file format and FsCheck's replay seed.
        Assert.Contains("lru violates ALG <= 1*OPT", e.Message);
        Assert.Contains("--- instance (save under instances/ to replay) ---", e.Message);
        Assert.StartsWith("lru-Falsifiable, after ", e.FsCheckReport, StringComparison.Ordinal); // FsCheck's report, prefixed with the check's name
        Assert.NotNull(e.Replay);
        Assert.Contains("replay: Verify(maxTest, replay: (", e.Message);
        Assert.True(long.Parse(e.AlgorithmCost, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(e.OptimumCost, System.Globalization.CultureInfo.InvariantCulture));
        // The saved text parses back and still violates the claim.
        var inst = PagingInstance.Parse(e.InstanceText, "counterexample");
        Assert.Equal(long.Parse(e.AlgorithmCost, System.Globalization.CultureInfo.InvariantCulture), PagingSimulator.Run(new LruPaging(), inst.Sequence, inst.K));
        Assert.Equal(long.Parse(e.OptimumCost, System.Globalization.CultureInfo.InvariantCulture), BeladyPaging.Faults(inst.Sequence, inst.K));
        // Shrunk: the smallest LRU > OPT instance is "a b c a" with k = 2 (LRU 4, OPT 3); allow a little slack.
        Assert.InRange(inst.Sequence.Length, 4, 6);
        Assert.Equal(2, inst.K);
    }

    [Fact]
    public void ReplaySeedReproducesTheSameCounterexample()
    {
        var first = Assert.Throws<CounterexampleException>(() => LruClaimedOptimal().Verify(500));
        var replay = first.Replay!.Value;
        var again = Assert.Throws<CounterexampleException>(() => LruClaimedOptimal().Verify(500, replay));
        Assert.Equal(first.InstanceText, again.InstanceText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("(12,)")]
    [InlineData("(abc,5)")]
    [InlineData("(12,4)")] // gamma must be odd
    public void MalformedReplaySeedsAreRejectedNotThrown(string text)
    {
        Assert.False(global::OnlineAlgos.Testing.ConfigExtensions.TryParseReplay(text, out _, out string error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void PropertyWorksWithFsCheckDirectly()
    {
        // ToProperty() is usable with plain FsCheck (e.g. from a researcher's own [Property] test).
        var prop = CompetitiveCheck.Create("fifo", PagingGenerators.Instances(),
            inst => PagingSimulator.Run(new FifoPaging(), inst.Sequence, inst.K),
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            inst => Guarantee.Competitive(inst.K), inst => inst.ToText()).ToProperty();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100).WithQuietOnSuccess(true), prop);
    }

    [Fact]
    public void ShrinkerProducesSmallerInstances()
    {
        var inst = new PagingInstance(3, OnlineAlgos.Paging.Model.RequestSequence.FromPages(new[] { 1, 2, 3, 4, 1, 2 }));
        var shrunk = PagingGenerators.Shrink(inst).ToList();
        Assert.NotEmpty(shrunk);
        Assert.All(shrunk, s => Assert.True(s.Sequence.Length < 6 || s.K < 3));
    }
}
