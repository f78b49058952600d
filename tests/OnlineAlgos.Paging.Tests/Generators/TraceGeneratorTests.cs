using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using Xunit;

namespace OnlineAlgos.Paging.Tests.Generators;

public class TraceGeneratorTests
{
    [Fact]
    public void ZipfIsDeterministicAndSkewed()
    {
        var a = TraceGenerators.ZipfPages(50_000, 100, 0.9, new Rng(1));
        var b = TraceGenerators.ZipfPages(50_000, 100, 0.9, new Rng(1));
        Assert.Equal(a, b);
        var counts = new int[100];
        foreach (var p in a) counts[p]++;
        // P(0)/P(9) = 10^0.9 ≈ 7.94; with ~6,000 vs ~760 draws the empirical ratio is within ±25 % (many sds).
        double ratio = (double)counts[0] / counts[9];
        Assert.InRange(ratio, 7.94 * 0.75, 7.94 * 1.25);
        Assert.True(counts[0] > counts[1] && counts[1] > counts[10] && counts[10] > counts[99]);
    }

    [Fact]
    public void LoopIsLrusWorstCase()
    {
        // A loop over k+1 pages makes LRU fault on every request; Belady faults about once per k requests.
        var s = TraceGenerators.Loop(1000, 6);
        Assert.Equal(1000, PagingSimulator.Run(new LruPaging(), s, 5));
        long opt = BeladyPaging.Faults(s, 5);
        Assert.InRange(opt, 1000 / 5, 1000 / 5 + 6);
    }

    [Fact]
    public void HotSetWithScansUsesBothRanges()
    {
        var s = TraceGenerators.HotSetWithScans(5000, 5, 20, 0.5, 60, new Rng(3));
        Assert.Equal(5000, s.Length);
        Assert.InRange(s.PageCount, 30, 65);
    }
}
