using System.Globalization;
using Xunit;

namespace OnlineAlgos.Cli.Tests;

/// <summary>Exit codes and error lines of the command-line contract (README "Exit codes").</summary>
public sealed class CommandLineContractTests : CliTestBase
{
    private static string[] Lines(string s) => s.TrimEnd('\n').Split('\n');

    [Theory]
    [InlineData(new[] { "run", "paging-classical", "--bogus" }, "error: Unrecognized command or argument '--bogus'.", "onlinealgos run")]
    [InlineData(new[] { "run" }, "error: Required argument missing for command: 'run'.", "onlinealgos run")]
    [InlineData(new[] { "run", "paging-classical", "--threads", "abc" }, "error: Cannot parse argument 'abc' for option '--threads' as expected type 'System.Int32'.", "onlinealgos run")]
    [InlineData(new[] { "paging", "run", "--k", "2" }, "error: Option '--trace' is required.", "onlinealgos paging run")]
    [InlineData(new[] { "moe", "simulate", "--steps" }, "error: Required argument missing for option: '--steps'.", "onlinealgos moe simulate")]
    public void ParseErrorIsOneLinePlusAHelpPointerAndExitsTwo(string[] args, string error, string command)
    {
        // Before: exit 1 and the whole help text.
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(new[] { error, $"see '{command} --help'" }, Lines(stderr));
    }

    [Fact]
    public void HelpStillWorks()
    {
        var (code, stdout, _) = Run("run", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--fresh", stdout);
        Assert.Contains("--verbose", stdout);
    }

    [Fact]
    public void BadOptionValueIsAUsageError()
    {
        var (code, _, stderr) = Run("run", "paging-classical", "--seed", "x", "--out", Dir);
        Assert.Equal(2, code);
        Assert.Equal(new[] { "error: --seed expects an unsigned 64-bit integer, got 'x'", "see 'onlinealgos run --help'" }, Lines(stderr));
    }

    [Fact]
    public void InputErrorNamesFileAndLineAndExitsOne()
    {
        // Before: exit 2, the code FORMATS.md reserves for usage errors.
        string trace = File("bad.txt", "a\n\nb\n");
        var (code, stdout, stderr) = Run("paging", "run", "--trace", trace, "--k", "2");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Single(Lines(stderr));
        Assert.StartsWith($"error: {trace}: line 2: ", stderr);
    }

    private sealed class FullDiskWriter : StringWriter
    {
        public override void Write(string? value) => throw new IOException("No space left on device");
        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }

    [Fact]
    public void UnexpectedErrorIsOneLineWithoutStackTraceUnlessVerbose()
    {
        var err = new StringWriter();
        int code = CliApp.Run(["list"], new CliContext(new FullDiskWriter(), err, interactive: false));
        Assert.Equal(1, code);
        Assert.Equal(new[] { "error: No space left on device (run with --verbose for details)" }, Lines(err.ToString()));

        err = new StringWriter();
        code = CliApp.Run(["list", "--verbose"], new CliContext(new FullDiskWriter(), err, interactive: false));
        Assert.Equal(1, code);
        Assert.StartsWith("error: System.IO.IOException: No space left on device", err.ToString());
        Assert.Contains("   at ", err.ToString()); // the stack trace, asked for
    }

    [Fact]
    public void OutNamingAFileIsRefusedBeforeAnyWork()
    {
        // Before: a stack trace, after the sweep had started.
        string file = File("not-a-folder", "x");
        var (code, _, stderr) = Run("run", "paging-classical", "--quick", "--out", file);
        Assert.Equal(2, code);
        Assert.Equal(new[] { $"error: --out {file}: {file} is a file, not a folder", "see 'onlinealgos run --help'" }, Lines(stderr));
        Assert.Equal("x", System.IO.File.ReadAllText(file));

        string below = Path.Combine(file, "sub");
        (code, _, stderr) = Run("reproduce", "--quick", "--out", below);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: --out {below}: {below} is not a writable folder (", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void OutWithACellsFileIsRefusedBeforeAnyWork()
    {
        string outDir = Path.Combine(Dir, "o");
        Directory.CreateDirectory(outDir);
        System.IO.File.WriteAllText(Path.Combine(outDir, "cells"), "");
        var (code, _, stderr) = Run("run", "paging-classical", "--quick", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("cells is a file, not a folder", stderr);
    }

    private static string Trace(int n, int pages, int seed)
    {
        var rng = new Random(seed);
        return string.Join("\n", Enumerable.Range(0, n).Select(_ => "p" + rng.Next(pages).ToString(CultureInfo.InvariantCulture))) + "\n";
    }

    [Theory]
    [InlineData("trust-doubt,lru,fifo,fwf,marker,marker-rand,rand,belady,ftp,predictive-marker,robust-ftp,ftp-det-lru,lnonmarker,lnonmarker-rnd,opt-marking", null)]
    [InlineData("mark0,mark0-rand,follow-discard,mark0-robust,mark0-rand-robust", "discard")]
    [InlineData("mark-predict,mark-predict-robust", "phase")]
    public void HugeCacheSizeGivesTheSameCountsAsAnyCacheHoldingEveryPage(string algorithms, string? predict)
    {
        // Before: --k 2000000000 with trust-doubt allocated > 6 GB (O(k) state). A cache of at least the number of
        // distinct pages (here 12) never evicts, so every k >= 12 must print the same counts.
        string trace = File("t.txt", Trace(400, 12, 3));
        string[] Args(string k)
        {
            var a = new List<string> { "paging", "run", "--trace", trace, "--k", k, "--algorithms", algorithms, "--seed", "5" };
            if (predict is not null) a.AddRange(["--predict", predict]); // (noise is drawn from a stream keyed by k itself)
            return [.. a];
        }
        var small = Run(Args("19"));
        var huge = Run(Args("2000000000"));
        Assert.Equal(0, small.Code);
        Assert.Equal(0, huge.Code);
        Assert.Equal(small.Out.Replace(",19,", ",K,"), huge.Out.Replace(",2000000000,", ",K,"));
        Assert.Contains("2000000000,400,12", huge.Out);
        // and a smaller k still evicts (the clamp is not applied below the page count)
        Assert.DoesNotContain(",K,400,12", Run(Args("4")).Out.Replace(",4,", ",K,"));
    }

    [Theory]
    [InlineData(new[] { "moe", "simulate", "--steps", "2000000000" }, "--steps 2000000000 exceeds 10000000")]
    [InlineData(new[] { "moe", "simulate", "--experts", "2000000000", "--tokens", "0" }, "is too large for one batch")]
    [InlineData(new[] { "scheduling", "generate", "--family", "mpt", "--param", "2000000000" }, "--param 2000000000 exceeds 2000 for mpt")]
    [InlineData(new[] { "scheduling", "generate", "--family", "poisson", "--param", "2000000000" }, "--param 2000000000 exceeds 1000000 jobs")]
    public void UserSizesThatCannotFitAreUsageErrorsBeforeAllocating(string[] args, string expected)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void SwfPartsBeyondTheLimitIsAUsageError()
    {
        string swf = File("t.swf", "1 0 0 10 1 -1 -1 1 10 -1 1 1 1 1 1 -1 -1 -1\n");
        var (code, _, stderr) = Run("scheduling", "run", "--instance", swf, "--format", "swf", "--split", "equal", "--parts", "2000000000");
        Assert.Equal(2, code);
        Assert.Contains("--parts 2000000000 exceeds 10000", stderr);
    }
}
