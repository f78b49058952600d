using Xunit;

namespace OnlineAlgos.Cli.Tests.Paging;

public sealed class WorstCaseExactTests : CliTestBase
{
    // End to end: the exact ratio's witness, replayed by `paging run`, gives the CSV's costs.
    [Theory]
    [InlineData("lru", 3, "3")]
    [InlineData("fifo", 2, "2")]
    [InlineData("mru", 2, "unbounded")]
    [InlineData("mark0", 2, "unbounded")]
    public void WitnessReplaysToTheReportedCosts(string algorithm, int k, string ratio)
    {
        string witness = Path.Combine(Dir, "w.txt");
        var (code, stdout, stderr) = Run("worst-case", "paging", "--algorithm", algorithm, "--k", k.ToString(System.Globalization.CultureInfo.InvariantCulture), "--exact", "--out", witness);
        Assert.Equal(0, code);
        Assert.Equal("", stderr); // not a terminal: no progress
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("algorithm,k,pages,ratio,alg_cost,opt_cost,witness", lines[0]);
        var f = lines[1].Split(',');
        Assert.Equal([algorithm, k.ToString(System.Globalization.CultureInfo.InvariantCulture), (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ratio], f[..4]);
        Assert.Equal(witness, f[6]);
        long alg = long.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), opt = long.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture);

        var replay = Run("paging", "run", "--trace", witness, "--k", k.ToString(System.Globalization.CultureInfo.InvariantCulture), "--algorithms", algorithm + ",belady");
        Assert.Equal(0, replay.Code);
        var rows = replay.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(alg, long.Parse(rows[1].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(opt, long.Parse(rows[2].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));
        if (ratio == "unbounded") Assert.True(alg >= 100 * opt);
        else Assert.InRange((double)alg / opt, int.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture) * 0.98, int.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture) * 1.02);
    }

    [Fact]
    public void WithoutOutTheWitnessGoesToADefaultFileAndStderrSaysSo()
    {
        // The default is relative to the current folder (the test runner's; not changed here, tests run in parallel).
        string expected = Path.GetFullPath("worst-case-paging-fwf-k2-n4.txt");
        try
        {
            var (code, stdout, stderr) = Run("worst-case", "paging", "--algorithm", "fwf", "--k", "2", "--pages", "4", "--exact");
            Assert.Equal(0, code);
            Assert.Equal("witness written to worst-case-paging-fwf-k2-n4.txt\n", stderr.Replace("\r", "", StringComparison.Ordinal));
            Assert.EndsWith(",worst-case-paging-fwf-k2-n4.txt\n", stdout, StringComparison.Ordinal);
            Assert.StartsWith("fwf,2,4,2,", stdout.Split('\n')[1], StringComparison.Ordinal);
            Assert.StartsWith("# worst case of fwf, k = 2, 4 pages: exact competitive ratio 2", System.IO.File.ReadAllText(expected), StringComparison.Ordinal);
        }
        finally
        {
            System.IO.File.Delete(expected);
        }
    }

    [Theory]
    [InlineData(new[] { "--algorithm", "nope", "--k", "2", "--exact" }, "unknown paging algorithm 'nope'")]
    [InlineData(new[] { "--algorithm", "marker-rand", "--k", "2", "--exact" }, "no exact model (randomized)")]
    [InlineData(new[] { "--algorithm", "ftp", "--k", "2", "--exact" }, "no exact model (its state is not finite or it is offline)")]
    [InlineData(new[] { "--algorithm", "lru", "--k", "9", "--exact" }, "--k 9: exact ratios are limited to k <= 7")]
    [InlineData(new[] { "--algorithm", "lru", "--k", "3", "--pages", "3", "--exact" }, "--pages 3: expected k < pages <= 12")]
    [InlineData(new[] { "--algorithm", "lru", "--k", "x", "--exact" }, "--k expects a positive integer, got 'x'")]
    [InlineData(new[] { "--algorithm", "lru", "--exact" }, "--exact needs --k")]
    [InlineData(new[] { "--algorithm", "lru", "--k", "2", "--pages", "3" }, "--pages belongs to --exact")] // search mode (wt-search)
    public void BadRequestsAreOneLineUsageErrors(string[] args, string expected)
    {
        var (code, stdout, stderr) = Run(["worst-case", "paging", .. args]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnwritableOutIsAnInputError()
    {
        var (code, stdout, stderr) = Run("worst-case", "paging", "--algorithm", "lru", "--k", "2", "--exact", "--out", Path.Combine(Dir, "missing", "w.txt"));
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("cannot write the witness", stderr, StringComparison.Ordinal);
    }
}
