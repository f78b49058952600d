using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Formats;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Formats;

public class StragglerPatternReaderTests
{
    private static StragglerPattern Read(string text) => StragglerPatternReader.Read(new StringReader(text), "p.csv");

    [Fact]
    public void Round_trips_generated_patterns()
    {
        var m = new BurstyModel(5, 1, 3, 2);
        var p = BurstyPatternGenerator.Random(m, 7, 0.5, new Rng(2));
        var q = Read(p.ToCsv());
        Assert.Equal(p.ToString(), q.ToString());
    }

    [Theory]
    [InlineData("", 1, "header")]
    [InlineData("round,worker,flag\n", 1, "header")]
    [InlineData("round,worker,straggler\n", 1, "at least one")]
    [InlineData("round,worker,straggler\n0,0,2\n", 2, "0 or 1")]
    [InlineData("round,worker,straggler\n0,a,1\n", 2, "worker")]
    [InlineData("round,worker,straggler\n0,0\n", 2, "3 fields")]
    [InlineData("round,worker,straggler\n0,0,1\n0,0,0\n", 3, "once")]
    [InlineData("round,worker,straggler\n0,0,1\n0,1,0\n1,0,0\n", 4, "missing round 1 worker 1")]
    public void Malformed_patterns_are_reported(string text, long line, string expected)
    {
        var e = Assert.Throws<InstanceFormatException>(() => Read(text));
        Assert.Equal(line, e.Line);
        Assert.Contains(expected, e.Message);
    }
}
