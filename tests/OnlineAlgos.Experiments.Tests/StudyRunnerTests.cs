using OnlineAlgos.Core;
using OnlineAlgos.Experiments;
using OnlineAlgos.Experiments.Paging;
using Xunit;

namespace OnlineAlgos.Experiments.Tests;

public sealed class StudyRunnerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "oa-exp-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A tiny deterministic study; counts RunCell calls so resume can be checked.</summary>
    private sealed class CountingStudy : IStudy
    {
        public int Calls;
        public int FailAfter = int.MaxValue;
        public string Name => "counting";
        public string Description => "test";
        public IReadOnlyList<string> RecordColumns { get; } = ["value"];
        public SweepGrid Grid(StudyOptions options) => new SweepGrid(3).Axis("a", "1", "2", "3").Axis("b", "x", "y");

        public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
        {
            if (Interlocked.Increment(ref Calls) > FailAfter) throw new InvalidOperationException("killed");
            return [StudyRunner.Num(cell.CreateRng(options.Seed).NextInt(1_000_000))];
        }

        public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
        {
            var t = new Table("sum", [new TableColumn("cells", ColumnKind.Integer), new TableColumn("sum", ColumnKind.Integer)]);
            t.AddRow(results.Count, results.Sum(r => long.Parse(r.Values[0], System.Globalization.CultureInfo.InvariantCulture)));
            return new StudyOutput([new NamedTable("counting", t)], []);
        }
    }

    private static readonly StudyOptions Options = new(5, Quick: true, DataDirectory: null);

    [Fact]
    public void InterruptedRunResumesWithoutRecomputing()
    {
        var study = new CountingStudy { FailAfter = 7 };
        Assert.ThrowsAny<Exception>(() => StudyRunner.Run(study, Options, _dir, Shard.All, threads: 1));
        Assert.False(File.Exists(Path.Combine(_dir, "counting.csv")), "no table may be written from a partial sweep");
        var cellFile = StudyRunner.CellFile(_dir, study, Shard.All);
        Assert.Equal(1 + 7, File.ReadAllLines(cellFile).Length); // header + 7 finished cells, flushed

        study.FailAfter = int.MaxValue;
        study.Calls = 0;
        StudyRunner.Run(study, Options, _dir, Shard.All, threads: 2);
        Assert.Equal(18 - 7, study.Calls);
        Assert.True(File.Exists(Path.Combine(_dir, "counting.csv")));
    }

    [Fact]
    public void TornLastLineIsRecomputed()
    {
        var study = new CountingStudy();
        StudyRunner.Run(study, Options, _dir, Shard.All, 1);
        string expected = File.ReadAllText(Path.Combine(_dir, "counting.csv"));
        var cellFile = StudyRunner.CellFile(_dir, study, Shard.All);
        var text = File.ReadAllText(cellFile);
        File.WriteAllText(cellFile, text[..^5]); // crash mid-write: last record cut
        study.Calls = 0;
        StudyRunner.Run(study, Options, _dir, Shard.All, 1);
        Assert.Equal(1, study.Calls);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(_dir, "counting.csv")));
    }

    [Fact]
    public void CorruptRecordNamesFileAndLine()
    {
        var study = new CountingStudy();
        var cellFile = StudyRunner.CellFile(_dir, study, Shard.All);
        Directory.CreateDirectory(Path.GetDirectoryName(cellFile)!);
        File.WriteAllText(cellFile, "index,cell_id,value\n0,a=1;b=x#0,5\nzz,a=1;b=x#1,6\n");
        var e = Assert.Throws<InstanceFormatException>(() => StudyRunner.Run(study, Options, _dir, Shard.All, 1));
        Assert.Contains("line 3", e.Message);
        Assert.Contains(cellFile, e.Message);
    }

    [Fact]
    public void ShardsMergeToByteIdenticalOutputs()
    {
        string whole = Path.Combine(_dir, "whole"), sharded = Path.Combine(_dir, "sharded");
        var study = new ClassicalPagingStudy();
        StudyRunner.Run(study, Options, whole, Shard.All, threads: 2);
        for (int i = 0; i < 3; i++) StudyRunner.Run(study, Options, sharded, new Shard(i, 3), threads: 1);
        Assert.False(File.Exists(Path.Combine(sharded, "paging-classical.csv")));
        var files = Enumerable.Range(0, 3).Select(i => StudyRunner.CellFile(sharded, study, new Shard(i, 3)));
        StudyRunner.Merge(study, Options, sharded, files);
        foreach (var ext in new[] { ".csv", ".md", ".tex" })
            Assert.Equal(File.ReadAllText(Path.Combine(whole, "paging-classical" + ext)), File.ReadAllText(Path.Combine(sharded, "paging-classical" + ext)));
        Assert.True(new FileInfo(Path.Combine(sharded, "paging-classical-zipf.png")).Length > 10_000);
    }

    [Fact]
    public void MergeWithAMissingShardFails()
    {
        var study = new CountingStudy();
        StudyRunner.Run(study, Options, _dir, new Shard(0, 2), 1);
        var e = Assert.Throws<InvalidOperationException>(() =>
            StudyRunner.Merge(study, Options, _dir, [StudyRunner.CellFile(_dir, study, new Shard(0, 2))]));
        Assert.Contains("missing", e.Message);
    }
}
