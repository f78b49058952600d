using Xunit;

namespace OnlineAlgos.Cli.Tests;

public sealed class StudyCommandTests : CliTestBase
{
    [Fact]
    public void ListNamesTheStudies()
    {
        var (code, stdout, _) = Run("list");
        Assert.Equal(0, code);
        Assert.Contains("paging-classical\t", stdout);
    }

    [Fact]
    public void UnknownStudyIsAClearError()
    {
        var (code, _, stderr) = Run("run", "nope", "--out", Dir);
        Assert.Equal(2, code);
        Assert.Contains("unknown study 'nope'; known: paging-classical", stderr);
    }

    [Theory]
    [InlineData("--shard", "2/2", "--shard expects i/n")]
    [InlineData("--seed", "x", "--seed expects")]
    [InlineData("--threads", "0", "--threads expects")]
    public void BadSweepOptions(string option, string value, string expected)
    {
        var (code, _, stderr) = Run("run", "paging-classical", "--quick", "--out", Dir, option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void ShardedRunThenMergeWritesAllOutputs()
    {
        string data = Path.Combine(Dir, "no-data");
        Directory.CreateDirectory(data); // an empty data folder: generated workloads only, quick
        for (int i = 0; i < 2; i++)
            Assert.Equal(0, Run("run", "paging-classical", "--quick", "--out", Dir, "--shard", $"{i}/2", "--data", data, "--threads", "1").Code);
        Assert.False(System.IO.File.Exists(Path.Combine(Dir, "paging-classical.csv")));
        var (code, _, stderr) = Run("merge", "paging-classical", "--shards", "2", "--quick", "--out", Dir, "--data", data);
        Assert.Equal(0, code);
        foreach (var f in new[] { "paging-classical.csv", "paging-classical.md", "paging-classical.tex", "paging-classical-zipf.png" })
            Assert.True(System.IO.File.Exists(Path.Combine(Dir, f)), f + "\n" + stderr);
        Assert.StartsWith("workload,k,replicates,requests,opt_faults,lru,", System.IO.File.ReadAllText(Path.Combine(Dir, "paging-classical.csv")));
    }

    [Fact]
    public void MergeWithoutShardFilesSaysWhatToRun()
    {
        var (code, _, stderr) = Run("merge", "paging-classical", "--shards", "3", "--out", Dir);
        Assert.Equal(1, code); // input error: files are missing
        Assert.Contains("--shard 0/3", stderr);
    }
}
