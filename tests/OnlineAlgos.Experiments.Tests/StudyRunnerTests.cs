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
        public SweepGrid Grid(StudyOptions options) => new SweepGrid(options.Quick ? 3 : 4).Axis("a", "1", "2", "3").Axis("b", "x", "y");
        public List<string> Inputs = [];
        public IReadOnlyList<string> InputFiles(StudyOptions options) => options.DataDirectory is null ? [] : Inputs;

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
        Assert.False(File.Exists(Path.Combine(_dir, "counting.json")));

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
        StudyRunner.Run(study, Options, _dir, Shard.All, 1);
        var cellFile = StudyRunner.CellFile(_dir, study, Shard.All);
        var lines = File.ReadAllLines(cellFile);
        lines[2] = "zz" + lines[2][1..];
        File.WriteAllText(cellFile, string.Join("\n", lines) + "\n");
        var e = Assert.Throws<StudyStoreException>(() => StudyRunner.Run(study, Options, _dir, Shard.All, 1));
        Assert.StartsWith(cellFile + ": line 3: ", e.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("")]
    public void CorruptValueIsAClearErrorNamingFileAndLine(string bad)
    {
        // Before: resume crashed in Summarize with a FormatException (abc) or summed NaN into the table.
        var study = new CountingStudy();
        StudyRunner.Run(study, Options, _dir, Shard.All, 1);
        var cellFile = StudyRunner.CellFile(_dir, study, Shard.All);
        var lines = File.ReadAllLines(cellFile);
        var f = lines[5].Split(',');
        f[2] = bad; // the value column
        lines[5] = string.Join(',', f);
        File.WriteAllText(cellFile, string.Join("\n", lines) + "\n");
        var e = Assert.Throws<StudyStoreException>(() => StudyRunner.Run(study, Options, _dir, Shard.All, 1));
        Assert.Equal(cellFile + ": line 6: the record does not match its check field (the line was edited or corrupted); delete that line to recompute the cell, or use --fresh", e.Message);
        // merge reads the same records the same way
        var e2 = Assert.Throws<StudyStoreException>(() => FileCellStore.ReadAll(cellFile, study.RecordColumns));
        Assert.Contains(": line 6: ", e2.Message);
    }

    [Fact]
    public void InterleavedLineFromTwoWritersIsAClearError()
    {
        var study = new CountingStudy();
        StudyRunner.Run(study, Options, _dir, Shard.All, 1);
        var cellFile = StudyRunner.CellFile(_dir, study, Shard.All);
        var lines = File.ReadAllLines(cellFile).ToList();
        lines[3] = lines[3] + lines[4]; // two records run together, as unsynchronised writers produced
        lines.RemoveAt(4);
        File.WriteAllText(cellFile, string.Join("\n", lines) + "\n");
        var e = Assert.Throws<StudyStoreException>(() => StudyRunner.Run(study, Options, _dir, Shard.All, 1));
        Assert.StartsWith(cellFile + ": line 4: ", e.Message);
    }

    private static string Tables(string dir) => File.ReadAllText(Path.Combine(dir, "counting.csv"));

    [Fact]
    public void ResumeWithAnotherSeedIsRefused()
    {
        // Before: the second run reused the seed-5 cells and printed tables claiming seed 6.
        var study = new CountingStudy();
        StudyRunner.Run(study, Options, _dir, Shard.All, 1);
        var e = Assert.Throws<StudyStoreException>(() => StudyRunner.Run(study, Options with { Seed = 6 }, _dir, Shard.All, 1));
        Assert.Equal(Path.Combine(_dir, "cells", "counting") + ": made with --seed 5, this run has --seed 6; use another --out or --fresh", e.Message);
        // --fresh starts over and gives exactly a clean seed-6 run
        study.Calls = 0;
        StudyRunner.Run(study, Options with { Seed = 6 }, _dir, Shard.All, 1, fresh: true);
        Assert.Equal(18, study.Calls);
        string clean = Path.Combine(_dir, "clean");
        StudyRunner.Run(new CountingStudy(), Options with { Seed = 6 }, clean, Shard.All, 1);
        Assert.Equal(Tables(clean), Tables(_dir));
    }

    [Fact]
    public void ResumeAcrossQuickAndFullIsRefused()
    {
        var study = new CountingStudy();
        StudyRunner.Run(study, Options, _dir, Shard.All, 1);
        var e = Assert.Throws<StudyStoreException>(() => StudyRunner.Run(study, Options with { Quick = false }, _dir, Shard.All, 1));
        Assert.EndsWith("made with --quick, this run has the full grid; use another --out or --fresh", e.Message);
    }

    [Fact]
    public void ResumeAcrossDataIsRefusedAndNamesTheChangedFile()
    {
        // Before: a run on generated stand-ins followed by one with data reused the generated cells.
        string data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        string trace = Path.Combine(data, "t.txt");
        File.WriteAllText(trace, "a\nb\n");
        var study = new CountingStudy { Inputs = [trace] };
        StudyRunner.Run(study, Options, _dir, Shard.All, 1);
        var withData = Options with { DataDirectory = data };
        var e = Assert.Throws<StudyStoreException>(() => StudyRunner.Run(study, withData, _dir, Shard.All, 1));
        Assert.EndsWith("made with generated inputs (no data), this run reads t.txt; use another --out or --fresh", e.Message);

        string out2 = Path.Combine(_dir, "o2");
        StudyRunner.Run(study, withData, out2, Shard.All, 1);
        study.Calls = 0;
        StudyRunner.Run(study, withData, out2, Shard.All, 1); // same data: resumes, nothing recomputed
        Assert.Equal(0, study.Calls);
        File.WriteAllText(trace, "a\nc\n"); // same name and length, other content
        e = Assert.Throws<StudyStoreException>(() => StudyRunner.Run(study, withData, out2, Shard.All, 1));
        Assert.Contains("made with t.txt of SHA-256 ", e.Message);
        Assert.EndsWith("; use another --out or --fresh", e.Message);
    }

    [Fact]
    public void CellsWithoutAManifestAreRefused()
    {
        var study = new CountingStudy();
        StudyRunner.Run(study, Options, _dir, Shard.All, 1);
        var cellFile = StudyRunner.CellFile(_dir, study, Shard.All);
        File.Delete(FileCellStore.ManifestPath(cellFile));
        var e = Assert.Throws<StudyStoreException>(() => StudyRunner.Run(study, Options, _dir, Shard.All, 1));
        Assert.Contains("the cells have no manifest", e.Message);
    }

    [Fact]
    public void ManifestAndSidecarDescribeTheRun()
    {
        var study = new CountingStudy();
        var result = StudyRunner.Run(study, Options, _dir, Shard.All, 1);
        var cellFile = StudyRunner.CellFile(_dir, study, Shard.All);
        var m = StudyManifest.Parse(File.ReadAllText(FileCellStore.ManifestPath(cellFile)), "m");
        Assert.Equal("counting", m.Study);
        Assert.Equal(5UL, m.Seed);
        Assert.True(m.Quick);
        Assert.Equal(18, m.GridCells);
        Assert.Empty(m.Inputs);
        Assert.Equal(StudyManifest.ToolVersion, m.Tool);
        Assert.Equal(StudyManifest.GridHash(study.RecordColumns, study.Grid(Options).Cells()), m.GridVersion);
        Assert.NotEqual(m.GridVersion, StudyManifest.GridHash(study.RecordColumns, study.Grid(Options with { Quick = false }).Cells()));
        string sidecar = Path.Combine(_dir, "counting.json");
        Assert.Equal(sidecar, result.Written[^1]);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sidecar));
        var root = doc.RootElement;
        Assert.Equal(m.GridVersion, root.GetProperty("grid_version").GetString());
        Assert.Equal("generated", root.GetProperty("inputs").GetString());
        Assert.Equal(18, root.GetProperty("cells").GetInt32());
        Assert.Equal(18, root.GetProperty("cells_computed").GetInt32());
        Assert.True(root.GetProperty("wall_time_s").GetDouble() >= 0);
        Assert.Equal(["counting.csv", "counting.md", "counting.tex"], root.GetProperty("files").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal(m, StudyManifest.Parse(m.ToJson(), "again"));
    }

    [Fact]
    public void SecondWriterOfACellFileFailsAtOnceNamingThePid()
    {
        // Before: two runs into one --out interleaved lines. The lock is an OS flock, so a second open in this process
        // is refused just as one from another process would be (the two-process case is in the CLI signal test).
        var study = new CountingStudy();
        var cells = study.Grid(Options).Cells();
        var manifest = StudyManifest.For(study, Options, Shard.All, cells);
        var cellFile = StudyRunner.CellFile(_dir, study, Shard.All);
        using (var first = new FileCellStore(cellFile, study.RecordColumns, manifest))
        {
            var e = Assert.Throws<StudyStoreException>(() => new FileCellStore(cellFile, study.RecordColumns, manifest));
            Assert.Equal($"{cellFile} is being written by another run (pid {Environment.ProcessId}); wait for it to end or use another --out", e.Message);
            Assert.Throws<StudyStoreException>(() => StudyRunner.Run(study, Options, _dir, Shard.All, 1));
        }
        StudyRunner.Run(study, Options, _dir, Shard.All, 1); // released on dispose
        Assert.True(File.Exists(Path.Combine(_dir, "counting.csv")));
    }

    [Fact]
    public void MergeNeverUsesATornLastLine()
    {
        var study = new CountingStudy();
        StudyRunner.Run(study, Options, _dir, new Shard(0, 2), 1);
        StudyRunner.Run(study, Options, _dir, new Shard(1, 2), 1);
        var shard1 = StudyRunner.CellFile(_dir, study, new Shard(1, 2));
        string text = File.ReadAllText(shard1);
        File.WriteAllText(shard1, text[..^3]); // crash mid-write of the last record (cell 17)
        var e = Assert.Throws<InvalidOperationException>(() => StudyRunner.Merge(study, Options, _dir, 2));
        Assert.Contains("(index 17) is missing: run shard 1/2 (17 mod 2 = 1) first", e.Message);
        StudyRunner.Run(study, Options, _dir, new Shard(1, 2), 1); // recomputes just that cell
        StudyRunner.Merge(study, Options, _dir, 2);
        string whole = Path.Combine(_dir, "whole");
        StudyRunner.Run(new CountingStudy(), Options, whole, Shard.All, 1);
        Assert.Equal(Tables(whole), Tables(_dir));
    }

    [Fact]
    public void MergeOfShardsMadeWithDifferentSeedsIsRefused()
    {
        var study = new CountingStudy();
        StudyRunner.Run(study, Options, _dir, new Shard(0, 2), 1);
        StudyRunner.Run(study, Options with { Seed = 7 }, _dir, new Shard(1, 2), 1);
        var e = Assert.Throws<StudyStoreException>(() => StudyRunner.Merge(study, Options, _dir, 2));
        Assert.Equal(Path.Combine(_dir, "cells", "counting.shard-1-of-2") +
            ": made with --seed 7, this run has --seed 5; merge with the options the shards were run with, or run the shard again with --fresh", e.Message);
        Assert.False(File.Exists(Path.Combine(_dir, "counting.csv")));
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
        Assert.Contains("is missing: run shard 1/2 ", e.Message);
    }
}
