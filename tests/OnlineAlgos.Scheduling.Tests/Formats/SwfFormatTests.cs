using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Formats;
using OnlineAlgos.Scheduling.Model;
using Xunit;

namespace OnlineAlgos.Scheduling.Tests.Formats;

public class SwfFormatTests
{
    // Fields: job submit wait run procs cpu mem reqProcs reqTime reqMem status user group exe queue partition prev think
    private const string Sample = """
        ; Version: 2.2
        ; MaxProcs: 8
        1   0  5  10  2  -1 -1  2  20 -1 1 1 1 1 1 1 -1 -1
        2   3  0   0  1  -1 -1  1  10 -1 1 1 1 1 1 1 -1 -1
        3   4  1   6  4  -1 -1  4  10 -1 0 1 1 1 1 1 -1 -1
        4   6  0   4  1  -1 -1  1   2 -1 2 2 1 1 1 1 -1 -1
        4   9  0   3  1  -1 -1  1   2 -1 3 2 1 1 1 1 -1 -1
        5  10  0   8  1  -1 -1  1  -1 -1 1 2 1 1 1 1  1 30
        6  12  0   2 -1  -1 -1  3  -1 -1 5 2 1 1 1 1 -1 -1
        """;

    private static SwfReadResult Read(string text, SwfOptions? o = null) => SwfReader.Read(new StringReader(text), "log.swf", o);

    [Fact]
    public void WholeJobsWithDefaultsFiltersAndGroups()
    {
        var r = Read(Sample, new SwfOptions { TargetLoad = null });
        // Dropped: job 2 (run 0), job 3 (failed), job 6 (cancelled). Job 4's two partial lines are one job of 4 + 3.
        Assert.Equal(7, r.Lines);
        Assert.Equal(2, r.DroppedStatus);
        Assert.Equal(1, r.DroppedZeroRuntime);
        var inst = r.Instance;
        Assert.Equal(new[] { "1", "4", "5" }, Enumerable.Range(0, inst.JobCount).Select(inst.Id).ToArray());
        Assert.Equal(new Rational(6), inst.Release(1));
        Assert.Equal(new Rational(7), inst.TotalSize(1));
        Assert.Equal(1, inst.OperationCount(1));
    }

    [Fact]
    public void NaturalSplitUsesPartialExecutions()
    {
        var inst = Read(Sample, new SwfOptions { TargetLoad = null, Split = SwfSplitMode.Natural }).Instance;
        Assert.Equal(new Rational[] { 4, 3 }, inst.Operations(1).ToArray());
    }

    [Fact]
    public void ScalesToTargetLoad()
    {
        var r = Read(Sample, new SwfOptions { TargetLoad = 0.5 });
        // Kept work 10 + 7 + 8 = 25 over releases 0..10: factor 0.5·10/25 = 1/5.
        Assert.Equal(new Rational(1, 5), r.ScaleFactor);
        Assert.Equal(new Rational(2), r.Instance.TotalSize(0));
    }

    [Fact]
    public void SplitModes()
    {
        var equal = Read(Sample, new SwfOptions { TargetLoad = null, Split = SwfSplitMode.Equal, Parts = 4 }).Instance;
        Assert.Equal(Enumerable.Repeat(new Rational(5, 2), 4).ToArray(), equal.Operations(0).ToArray());
        var test = Read(Sample, new SwfOptions { TargetLoad = null, Split = SwfSplitMode.Test, TestLength = 1.5 }).Instance;
        Assert.Equal(new Rational[] { new(3, 2), new(17, 2) }, test.Operations(0).ToArray());
        var geo = Read(Sample, new SwfOptions { TargetLoad = null, Split = SwfSplitMode.Geometric, Growth = 2 }).Instance;
        Assert.Equal(new Rational[] { 1, 2, 4, 3 }, geo.Operations(0).ToArray());
        var req = Read(Sample, new SwfOptions { TargetLoad = null, Split = SwfSplitMode.RequestedFirst, Parts = 2 }).Instance;
        Assert.Equal(new Rational[] { 5, new(5, 2), new(5, 2) }, req.Operations(0).ToArray());
        var dir = Read(Sample, new SwfOptions { TargetLoad = null, Split = SwfSplitMode.Dirichlet, Parts = 3, Alpha = 0.5 }).Instance;
        for (int j = 0; j < dir.JobCount; j++)
        {
            Assert.Equal(3, dir.OperationCount(j));
            Assert.Equal(Read(Sample, new SwfOptions { TargetLoad = null }).Instance.TotalSize(j), dir.TotalSize(j));
        }
        var procs = Read(Sample, new SwfOptions { TargetLoad = null, ProcessorsAsWork = true }).Instance;
        Assert.Equal(new Rational(20), procs.TotalSize(0));
    }

    [Fact]
    public void ChainLinksByPrecedingJob()
    {
        var r = Read(Sample, new SwfOptions { TargetLoad = null, Split = SwfSplitMode.Chain });
        // Job 5 follows job 1 (think time 30 ignored): job 1 = [10, 8]; job 4 stays alone.
        Assert.Equal(2, r.Instance.JobCount);
        Assert.Equal(new Rational[] { 10, 8 }, r.Instance.Operations(0).ToArray());
        Assert.Equal(1, r.ChainLinksWithThinkTime);
    }

    [Fact]
    public void KeepFlags()
    {
        var r = Read(Sample, new SwfOptions { TargetLoad = null, KeepFailed = true, KeepZeroRuntime = true });
        Assert.Equal(6, r.Instance.JobCount);
        Assert.Equal(Rational.Zero, r.Instance.TotalSize(1));
    }

    private const string Ok = "1 0 0 5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1";

    [Theory]
    [InlineData("1 0 0 5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1", 1, "18 whitespace-separated fields")]
    [InlineData("1 0 0 5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1 7", 1, "18 whitespace-separated fields")]
    [InlineData("1 0 0 -5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1", 1, "field 4")]
    [InlineData("1 -2 0 5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1", 1, "field 2")]
    [InlineData("1 -1 0 5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1", 1, "field 2")]
    [InlineData("1 0 0 NaN 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1", 1, "field 4")]
    [InlineData("1 0 0 Infinity 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1", 1, "field 4")]
    [InlineData("x 0 0 5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1", 1, "field 1")]
    [InlineData("1.5 0 0 5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1", 1, "field 1")]
    [InlineData("1 0 0 5 1 -1 -1 1 -1 -1 9 1 1 1 1 1 -1 -1", 1, "field 11")]
    [InlineData(Ok + "\n" + Ok, 2, "job 1 repeats")]
    [InlineData("2 0 0 5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1\n" + Ok, 2, "increasing order")]
    [InlineData("1 5 0 5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1\n2 3 0 5 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1", 2, "non-decreasing")]
    public void RejectsBadLines(string text, int line, string expected)
    {
        var e = Assert.Throws<InstanceFormatException>(() => Read("; header\n" + text));
        Assert.Equal(line + 1, e.Line);
        Assert.Contains(expected, e.Message);
        Assert.StartsWith($"log.swf: line {line + 1}: ", e.Message);
    }

    [Fact]
    public void BadOptionsAreReported()
    {
        Assert.Throws<InstanceFormatException>(() => Read(Ok, new SwfOptions { Parts = 0 }));
        Assert.Throws<InstanceFormatException>(() => Read(Ok, new SwfOptions { Growth = 1 }));
        Assert.Throws<InstanceFormatException>(() => Read(Ok, new SwfOptions { TargetLoad = double.NaN }));
    }

    [Fact]
    public void ArbitraryLinesGiveOnlyFormatErrors()
    {
        var rng = new Rng(3);
        const string alphabet = "0123456789-.; eENa\n\t";
        for (int trial = 0; trial < 500; trial++)
        {
            var chars = Ok.ToCharArray();
            for (int k = 0; k < 3; k++) chars[rng.NextInt(chars.Length)] = alphabet[rng.NextInt(alphabet.Length)];
            try { Read(new string(chars)); }
            catch (InstanceFormatException) { }
        }
    }

    [Fact]
    public void ReadsTheRepositorySample()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "instances", "scheduling", "sample.swf");
        using var reader = new StreamReader(path);
        var r = SwfReader.Read(reader, "sample.swf");
        Assert.True(r.Instance.JobCount >= 10);
        Assert.Equal(new Rational(9, 10), TotalLoad(r.Instance));
    }

    private static Rational TotalLoad(SchedulingInstance<Rational> inst)
    {
        Rational work = 0;
        for (int j = 0; j < inst.JobCount; j++) work += inst.TotalSize(j);
        return work / (inst.Release(inst.JobCount - 1) - inst.Release(0));
    }
}
