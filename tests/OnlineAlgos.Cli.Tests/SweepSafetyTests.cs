using Xunit;

namespace OnlineAlgos.Cli.Tests;

/// <summary>Restarts and merges never mix configurations (issue 12, part 1), seen from the command line.</summary>
public sealed class SweepSafetyTests : CliTestBase
{
    private string NoData { get { string d = Path.Combine(Dir, "no-data"); Directory.CreateDirectory(d); return d; } }

    private static (int Code, string Out, string Err) Study(string outDir, params string[] extra) =>
        Run(["run", "paging-classical", "--quick", "--threads", "1", "--out", outDir, .. extra]);

    private static string Table(string outDir) => System.IO.File.ReadAllText(Path.Combine(outDir, "paging-classical.csv"));

    [Fact]
    public void SecondSeedInTheSameOutIsRefusedAndFreshStartsOver()
    {
        // Before: the seed-2 run reused the seed-1 cells and printed tables claiming seed 2 (exit 0).
        string outDir = Path.Combine(Dir, "o");
        Assert.Equal(0, Study(outDir, "--seed", "1", "--data", NoData).Code);
        var (code, stdout, stderr) = Study(outDir, "--seed", "2", "--data", NoData);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {Path.Combine(outDir, "cells", "paging-classical")}: made with --seed 1, this run has --seed 2; use another --out or --fresh\n",
            stderr.Replace("data: " + NoData + "\n", ""));

        Assert.Equal(0, Study(outDir, "--seed", "2", "--data", NoData, "--fresh").Code);
        string clean = Path.Combine(Dir, "clean");
        Assert.Equal(0, Study(clean, "--seed", "2", "--data", NoData).Code);
        Assert.Equal(Table(clean), Table(outDir));
        Assert.NotEqual(Table(clean), Table(Path.Combine(Dir, "seed1") is var s1 && Study(s1, "--seed", "1", "--data", NoData).Code == 0 ? s1 : ""));
    }

    [Fact]
    public void FullGridAfterQuickIsRefused()
    {
        string outDir = Path.Combine(Dir, "o");
        Assert.Equal(0, Study(outDir, "--data", NoData).Code);
        var (code, _, stderr) = Run("run", "paging-classical", "--threads", "1", "--out", outDir, "--data", NoData);
        Assert.Equal(1, code);
        Assert.EndsWith(": made with --quick, this run has the full grid; use another --out or --fresh\n", stderr);
    }

    [Theory]
    [InlineData("paging-classical")]
    [InlineData("paging-predictions")]
    public void DataTraceWithInvalidUtf8IsAnErrorNamingFileAndLine(string study)
    {
        // Before: the studies read traces through a StreamReader, so 0xFF and 0xFE both decoded to U+FFFD: one page.
        string data = Path.Combine(Dir, "data");
        string bk = Path.Combine(data, "paging", "brightkite");
        Directory.CreateDirectory(bk);
        string trace = Path.Combine(bk, "bk0.txt");
        System.IO.File.WriteAllBytes(trace, [(byte)'1', (byte)'\n', 0xFF, (byte)'\n', 0xFE, (byte)'\n']);
        string citi = Path.Combine(data, "paging", "citibike");
        Directory.CreateDirectory(citi);
        System.IO.File.WriteAllText(Path.Combine(citi, "c0.txt"), "1\n2\n");
        var (code, stdout, stderr) = Run("run", study, "--quick", "--threads", "1", "--out", Path.Combine(Dir, "o-" + study), "--data", data);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains($"error: {trace}: line 2: ", stderr, StringComparison.Ordinal);
        Assert.Contains("UTF-8", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFolderWithBrightKiteButNoCitiBikeIsAClearError()
    {
        // Before: "Could not find a part of the path …/paging/citibike" from the file system.
        string data = Path.Combine(Dir, "data");
        Directory.CreateDirectory(Path.Combine(data, "paging", "brightkite"));
        System.IO.File.WriteAllText(Path.Combine(data, "paging", "brightkite", "bk0.txt"), "1\n2\n");
        var (code, _, stderr) = Run("run", "paging-predictions", "--quick", "--threads", "1", "--out", Path.Combine(Dir, "o"), "--data", data);
        Assert.Equal(1, code);
        Assert.EndsWith($"error: paging-predictions: --data {data}: paging/brightkite is present but paging/citibike is missing (the paging studies read both)\n", stderr);
    }

    [Fact]
    public void RunWithDataAfterGeneratedInputsIsRefused()
    {
        // Before: a run on generated stand-ins then one with --data printed real-data rows from generated cells.
        string data = Path.Combine(Dir, "data");
        Directory.CreateDirectory(Path.Combine(data, "paging", "brightkite"));
        System.IO.File.WriteAllText(Path.Combine(data, "paging", "brightkite", "bk0.txt"), "1\n2\n3\n1\n");
        string outDir = Path.Combine(Dir, "o");
        Assert.Equal(0, Study(outDir, "--data", NoData).Code);
        var (code, _, stderr) = Study(outDir, "--data", data);
        Assert.Equal(1, code);
        Assert.EndsWith(": made with generated inputs (no data), this run reads paging/brightkite/bk0.txt; use another --out or --fresh\n", stderr);

        // with data both times it resumes; a changed trace is refused
        string out2 = Path.Combine(Dir, "o2");
        Assert.Equal(0, Study(out2, "--data", data).Code);
        Assert.Equal(0, Study(out2, "--data", data).Code);
        System.IO.File.WriteAllText(Path.Combine(data, "paging", "brightkite", "bk0.txt"), "1\n2\n3\n2\n");
        (code, _, stderr) = Study(out2, "--data", data);
        Assert.Equal(1, code);
        Assert.Contains(": made with paging/brightkite/bk0.txt of SHA-256 ", stderr);
    }

    [Fact]
    public void MergeOfShardsMadeWithDifferentSeedsIsRefused()
    {
        // Before: merge combined a seed-1 shard and a seed-2 shard into one table (exit 0).
        string outDir = Path.Combine(Dir, "o");
        Assert.Equal(0, Study(outDir, "--seed", "1", "--shard", "0/2", "--data", NoData).Code);
        Assert.Equal(0, Study(outDir, "--seed", "2", "--shard", "1/2", "--data", NoData).Code);
        var (code, _, stderr) = Run("merge", "paging-classical", "--shards", "2", "--quick", "--seed", "1", "--out", outDir, "--data", NoData);
        Assert.Equal(1, code);
        Assert.Equal($"error: {Path.Combine(outDir, "cells", "paging-classical.shard-1-of-2")}: made with --seed 2, this run has --seed 1; " +
            "merge with the options the shards were run with, or run the shard again with --fresh\n", stderr);
        Assert.False(System.IO.File.Exists(Path.Combine(outDir, "paging-classical.csv")));
    }

    [Fact]
    public void CorruptCellValueIsOneLineNamingFileAndLine()
    {
        // Before: resume crashed with a FormatException stack trace.
        string outDir = Path.Combine(Dir, "o");
        Assert.Equal(0, Study(outDir, "--data", NoData).Code);
        string cells = Path.Combine(outDir, "cells", "paging-classical.csv");
        var lines = System.IO.File.ReadAllLines(cells);
        lines[4] = lines[4].Replace(",", ",abc", StringComparison.Ordinal)[..lines[4].Length];
        System.IO.File.WriteAllText(cells, string.Join("\n", lines) + "\n");
        var (code, _, stderr) = Study(outDir, "--data", NoData);
        Assert.Equal(1, code);
        Assert.Equal($"data: {NoData}\nerror: {cells}: line 5: the record does not match its check field (the line was edited or corrupted); delete that line to recompute the cell, or use --fresh\n", stderr);
        (code, _, stderr) = Run("merge", "paging-classical", "--shards", "1", "--quick", "--out", outDir, "--data", NoData);
        Assert.Equal(1, code);
        Assert.Contains(": line 5: ", stderr);
    }

    [Fact]
    public void TablesHaveASidecarNamingHowTheyWereMade()
    {
        string outDir = Path.Combine(Dir, "o");
        var (code, _, stderr) = Study(outDir, "--seed", "9", "--data", NoData);
        Assert.Equal(0, code);
        Assert.Contains("wrote " + Path.Combine(outDir, "paging-classical.json"), stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(outDir, "paging-classical.json")));
        var r = doc.RootElement;
        Assert.Equal("paging-classical", r.GetProperty("study").GetString());
        Assert.Equal(9UL, r.GetProperty("seed").GetUInt64());
        Assert.True(r.GetProperty("quick").GetBoolean());
        Assert.Equal("generated", r.GetProperty("inputs").GetString());
        Assert.Equal(12, r.GetProperty("cells").GetInt32());
        Assert.StartsWith("onlinealgos ", r.GetProperty("tool").GetString());
    }
}
