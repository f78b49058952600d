using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Paging.Testing;
using Xunit;

namespace OnlineAlgos.Paging.Testing.Tests.Paging;

/// <summary>Regression tests over the saved instances in instances/paging (costs hand-checked, see instances/README.md).</summary>
public class SavedInstanceTests
{
    private static PagingInstance Load(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        string path = Path.Combine(dir!.FullName, "instances", "paging", name);
        return PagingInstance.Parse(File.ReadAllText(path), path);
    }

    [Theory]
    [InlineData("lru-above-opt-k2.txt", 4, 4, 3)]
    [InlineData("loop-k3.txt", 12, 12, 6)]
    public void PinnedCosts(string file, long lru, long fifo, long opt)
    {
        var inst = Load(file);
        Assert.Equal(lru, PagingSimulator.Run(new LruPaging(), inst.Sequence, inst.K));
        Assert.Equal(fifo, PagingSimulator.Run(new FifoPaging(), inst.Sequence, inst.K));
        Assert.Equal(opt, BeladyPaging.Faults(inst.Sequence, inst.K));
    }

    [Fact]
    public void TieBreakLabelsEqualTheFilesBits()
    {
        var inst = Load("tie-break-k2.txt");
        var labels = new byte[inst.Sequence.Length];
        BeladyPaging.Run(inst.Sequence, inst.K, labels);
        Assert.Equal(inst.Sequence.Bits.ToArray(), labels);
    }
}
