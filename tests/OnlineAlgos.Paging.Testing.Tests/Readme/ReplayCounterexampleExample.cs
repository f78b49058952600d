using OnlineAlgos.Core;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Paging.Testing;
using OnlineAlgos.Testing;
using Xunit;

namespace MyResearch;

// A saved counterexample is a regression test in one call: PagingChecks.Replay reads the file, runs the algorithm
// and Belady, and throws CounterexampleException (with both costs) if the guarantee still fails.
public class ReplayCounterexampleTests
{
    private static string Saved(string name) => Path.Combine(FindRepository(), "instances", "paging", name);

    [Fact]
    public void LruStillMeetsItsBoundOnTheSavedInstance()
    {
        var result = PagingChecks.Replay(Saved("lru-above-opt-k2.txt"), () => new LruPaging(), k => Guarantee.Competitive(k));
        Assert.Equal(4, result.Algorithm.Cost); // LRU faults
        Assert.Equal(3, result.Optimum);        // Belady faults
    }

    [Fact]
    public void TheFalseClaimItWasFoundWithStillFails()
    {
        var e = Assert.Throws<CounterexampleException>(() =>
            PagingChecks.Replay(Saved("lru-above-opt-k2.txt"), () => new LruPaging(), _ => Guarantee.Competitive(1)));
        Assert.Equal("4", e.AlgorithmCost);
        Assert.Equal("3", e.OptimumCost);
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        return dir.FullName;
    }
}
