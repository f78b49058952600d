using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Paging.Testing;
using Xunit;

namespace OnlineAlgos.Paging.Tests.Predictions;

/// <summary>The saved instances under instances/paging replay with the values stated in their comments.</summary>
public class InstanceFileTests
{
    private static PagingInstance Load(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "instances", "paging", name);
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "OnlineAlgos.sln")))
                return PagingInstance.Parse(File.ReadAllText(path), path);
        }
        throw new FileNotFoundException("instances/paging/" + name + " not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Hand_checked_instance()
    {
        var inst = Load("mark0-hand-checked-k2.txt");
        Assert.Equal(2, inst.K);
        var bits = inst.Sequence.Bits.ToArray();
        Assert.Equal(4, BeladyPaging.Faults(inst.Sequence, inst.K));
        Assert.Equal(4, PagingSimulator.Run(new Mark0DiscardPaging(bits), inst.Sequence, inst.K));
        Assert.Equal(new PredictionErrors(1, 1), PredictionErrors.Compute(bits, GroundTruthBits.Discard(inst.Sequence, inst.K)));
    }

    [Fact]
    public void Not_robust_instance()
    {
        var inst = Load("mark0-not-robust-k2.txt");
        var bits = inst.Sequence.Bits.ToArray();
        Assert.Equal(3, BeladyPaging.Faults(inst.Sequence, inst.K));
        Assert.Equal(40, PagingSimulator.Run(new Mark0DiscardPaging(bits), inst.Sequence, inst.K));
        Assert.Equal(new PredictionErrors(1, 39), PredictionErrors.Compute(bits, GroundTruthBits.Discard(inst.Sequence, inst.K)));
        long robust = PagingSimulator.Run(new DeterministicCombinerPaging(new Mark0DiscardPaging(bits), new LruPaging(), 0.01), inst.Sequence, inst.K);
        Assert.True(robust <= 3 + 2 * inst.K, $"det(mark0,lru) = {robust}");
    }
}
