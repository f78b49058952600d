using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Formats;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Formats;

/// <summary>Issue #12 part 4: overflow, NaN/Inf, ragged rows and huge counts are refused naming the line, before allocating.</summary>
public class StragglerReaderHardeningTests
{
    private const string TraceHeader = "round,worker,round_started_s,round_finished_s,worker_started_s,worker_finished_s\n";

    private static InstanceFormatException BadTrace(string rows) =>
        Assert.Throws<InstanceFormatException>(() => StragglerTraceReader.Read(new StringReader(TraceHeader + rows), "t.csv"));

    [Theory]
    [InlineData("0,0,0,1,0,1e309\n", "worker_finished_s")]
    [InlineData("0,0,0,1,NaN,1\n", "worker_started_s")]
    [InlineData("0,0,0,Infinity,0,1\n", "round_finished_s")]
    [InlineData("2147483648,0,0,1,0,1\n", "round")]
    [InlineData("0,99999999999,0,1,0,1\n", "worker")]
    [InlineData("0,0,0,1,0\n", "6 fields")]
    [InlineData("0,0,0,1,0,1,7\n", "6 fields")]
    [InlineData("0,1000001,0,1,0,1\n", "below 1000000")]
    public void Trace_refuses_bad_rows_naming_line_2(string row, string expected)
    {
        var e = BadTrace(row);
        Assert.Equal(2, e.Line);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
    }

    private static InstanceFormatException BadPattern(string rows) =>
        Assert.Throws<InstanceFormatException>(() => StragglerPatternReader.Read(new StringReader("round,worker,straggler\n" + rows), "p.csv"));

    [Fact]
    public void Pattern_ids_claiming_far_more_cells_than_rows_are_refused_before_the_grid_is_allocated()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = BadPattern("0,0,0\n9999,4999,1\n"); // 50,000,000 cells: two 50 MB grids were allocated first
        Assert.Contains("found only 2), missing round 0 worker 1", e.Expected, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "allocated more than 1 MiB for a 2-row pattern");
    }

    [Theory]
    [InlineData("0,2147483648,0\n", 2, "worker")]
    [InlineData("0,0,2\n", 2, "0 or 1")]
    [InlineData("0,0\n", 2, "3 fields")]
    [InlineData("0,0,0\n0,0,1\n", 3, "repeats")]
    public void Pattern_refuses_overflow_ragged_rows_and_repeats(string rows, long line, string expected)
    {
        var e = BadPattern(rows);
        Assert.Equal(line, e.Line);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
    }
}
