using OnlineAlgos.Core;
using Xunit;

namespace OnlineAlgos.Core.Tests;

public class SweepTests
{
    private static IReadOnlyList<SweepCell> Cells() =>
        new SweepGrid(2).Axis("k", "1", "2").Axis("w", "a", "b", "c").Cells();

    private static IReadOnlyList<string> Compute(SweepCell c)
    {
        var rng = c.CreateRng(11);
        return new[] { c["k"] + c["w"], rng.NextInt(1000).ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    [Fact]
    public void GridOrderAndIds()
    {
        var cells = Cells();
        Assert.Equal(12, cells.Count);
        Assert.Equal("k=1;w=a#0", cells[0].Id);
        Assert.Equal("k=1;w=a#1", cells[1].Id);
        Assert.Equal("k=1;w=b#0", cells[2].Id);
        Assert.Equal("k=2;w=c#1", cells[11].Id);
        Assert.Equal(Enumerable.Range(0, 12), cells.Select(c => c.Index));
    }

    [Fact]
    public void GridRejectsBadAxes()
    {
        Assert.Throws<ArgumentException>(() => new SweepGrid().Axis("k", "1", "1"));
        Assert.Throws<ArgumentException>(() => new SweepGrid().Axis("k", "a;b"));
        Assert.Throws<ArgumentException>(() => new SweepGrid().Axis("k", "1").Axis("k", "2"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SweepGrid(0));
    }

    [Fact]
    public void ShardsPartitionTheCells()
    {
        var cells = Cells();
        var seen = new List<int>();
        for (int i = 0; i < 5; i++) seen.AddRange(cells.Where(c => new Shard(i, 5).Contains(c)).Select(c => c.Index));
        Assert.Equal(Enumerable.Range(0, 12), seen.OrderBy(x => x));
    }

    [Theory]
    [InlineData("1/0")]
    [InlineData("3/3")]
    [InlineData("-1/3")]
    [InlineData("a/b")]
    [InlineData("2")]
    public void ShardParseRejects(string text) => Assert.Throws<FormatException>(() => Shard.Parse(text));

    [Fact]
    public void ThreadsDoNotChangeResults()
    {
        var one = SweepRunner.Run(Cells(), Shard.All, new MemoryCellStore(), Compute, threads: 1);
        var four = SweepRunner.Run(Cells(), Shard.All, new MemoryCellStore(), Compute, threads: 4);
        Assert.Equal(one.Select(r => r.ToLine()), four.Select(r => r.ToLine()));
    }

    [Fact]
    public void RestartSkipsFinishedCells()
    {
        var store = new MemoryCellStore();
        int calls = 0;
        var cells = Cells();
        // First run dies after 5 cells.
        Assert.ThrowsAny<Exception>(() => SweepRunner.Run(cells, Shard.All, store, c =>
        {
            if (Interlocked.Increment(ref calls) > 5) throw new InvalidOperationException("killed");
            return Compute(c);
        }));
        int finished = store.Finished().Count;
        Assert.Equal(5, finished);
        calls = 0;
        var all = SweepRunner.Run(cells, Shard.All, store, c => { Interlocked.Increment(ref calls); return Compute(c); });
        Assert.Equal(12 - finished, calls);
        Assert.Equal(SweepRunner.Run(cells, Shard.All, new MemoryCellStore(), Compute).Select(r => r.ToLine()), all.Select(r => r.ToLine()));
    }

    [Fact]
    public void MergedShardsEqualOneRun()
    {
        var cells = Cells();
        var whole = SweepRunner.Run(cells, Shard.All, new MemoryCellStore(), Compute);
        var parts = new List<CellResult>();
        for (int i = 2; i >= 0; i--) parts.AddRange(SweepRunner.Run(cells, new Shard(i, 3), new MemoryCellStore(), Compute, threads: 2));
        var merged = SweepRunner.Merge(cells, parts);
        Assert.Equal(whole.Select(r => r.ToLine()), merged.Select(r => r.ToLine()));
    }

    [Fact]
    public void MergeNamesAMissingCell()
    {
        var cells = Cells();
        var part = SweepRunner.Run(cells, new Shard(0, 2), new MemoryCellStore(), Compute);
        var e = Assert.Throws<InvalidOperationException>(() => SweepRunner.Merge(cells, part));
        Assert.Contains("k=1;w=a#1", e.Message);
    }

    [Fact]
    public void MergeNamesTheShardOfAMissingCell()
    {
        // Before: "run its shard (1 mod n) first", with the letter n left unfilled.
        var cells = Cells();
        var part = SweepRunner.Run(cells, new Shard(0, 2), new MemoryCellStore(), Compute);
        var e = Assert.Throws<InvalidOperationException>(() => SweepRunner.Merge(cells, part, shards: 2));
        Assert.Contains("(index 1) is missing: run shard 1/2 (1 mod 2 = 1) first", e.Message);
        Assert.DoesNotContain("mod n", e.Message);
    }

    [Fact]
    public void CancellationReturnsWithoutWaitingForACellInFlightAndDropsIt()
    {
        var cells = Cells();
        using var cts = new CancellationTokenSource();
        using var release = new ManualResetEventSlim();
        var store = new MemoryCellStore();
        var run = Task.Run(() => SweepRunner.Run(cells, Shard.All, store, c =>
        {
            if (c.Index == 2) { cts.Cancel(); release.Wait(); } // cell 2 is still computing when the run is cancelled
            return Compute(c);
        }, threads: 1, cancellationToken: cts.Token));
        // The run returns while cell 2 is blocked (without the early return it would wait on 'release' forever).
        Assert.True(((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "the run did not return after cancellation");
        Assert.True(run.IsCanceled || run.Exception?.InnerException is OperationCanceledException);
        release.Set();
        Thread.Sleep(200);
        Assert.Equal(new[] { 0, 1 }, store.Finished().Select(r => r.Index).ToArray()); // cell 2 finished late: not stored
    }

    [Fact]
    public void AFailingCellSurfacesItsOwnException()
    {
        var e = Record.Exception(() => SweepRunner.Run(Cells(), Shard.All, new MemoryCellStore(),
            c => c.Index == 3 ? throw new InvalidDataException("cell 3 is bad") : Compute(c), threads: 2));
        Assert.IsType<InvalidDataException>(e); // before: AggregateException wrapping it
        Assert.Equal("cell 3 is bad", e.Message);
    }

    [Fact]
    public void StoreFromAnotherSweepIsRejected()
    {
        var store = new MemoryCellStore();
        store.Append(new CellResult(0, "k=9;w=z#0", new[] { "x", "y" }));
        Assert.Throws<InvalidOperationException>(() => SweepRunner.Run(Cells(), Shard.All, store, Compute));
    }

    [Fact]
    public void CellRecordRoundTripsWithQuoting()
    {
        var r = new CellResult(3, "k=1;w=a#0", new[] { "a,b", "say \"hi\"", "" });
        var back = CellResult.Parse(r.ToLine(), 3, "f.csv", 2);
        Assert.Equal(r.Index, back.Index);
        Assert.Equal(r.CellId, back.CellId);
        Assert.Equal(r.Values, back.Values);
    }

    [Fact]
    public void CellRecordParseErrorsNameFileAndLine()
    {
        var e = Assert.Throws<InstanceFormatException>(() => CellResult.Parse("x,id,1", 1, "cells.csv", 7));
        Assert.Equal("cells.csv: line 7: a cell index (non-negative integer), found 'x'", e.Message);
        e = Assert.Throws<InstanceFormatException>(() => CellResult.Parse("1,id", 1, "cells.csv", 8));
        Assert.Contains("line 8", e.Message);
        e = Assert.Throws<InstanceFormatException>(() => CsvLine.Split("\"open", "c.csv", 3));
        Assert.Contains("closing quote", e.Message);
    }
}
