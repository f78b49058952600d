using System.Text;
using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Formats;
using OnlineAlgos.Scheduling.Model;
using Xunit;

namespace OnlineAlgos.Scheduling.Tests.Formats;

/// <summary>Issue #12 part 4: inputs that crashed, hung or were silently accepted are refused with the JSON path or SWF line.</summary>
public class SchedulingReaderHardeningTests
{
    private static InstanceFormatException BadJson(string text) =>
        Assert.Throws<InstanceFormatException>(() => SchedulingJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "x.json"));

    private static string Jobs(string jobs) => "{\"format\": \"onlinealgos.scheduling/1\", \"jobs\": [" + jobs + "]}";

    private static string Ops(string ops) => Jobs("{\"id\": 1, \"release\": 0, \"operations\": [" + ops + "]}");

    [Theory]
    [InlineData("{\"id\": \"\\ud800\", \"release\": 0, \"operations\": [1]}", "$.jobs[0].id")]
    [InlineData("{\"id\": 1, \"release\": \"\\udc00/2\", \"operations\": [1]}", "$.jobs[0].release")]
    public void A_lone_surrogate_escape_is_a_format_error_with_the_path(string job, string path)
    {
        var e = BadJson(Jobs(job));
        Assert.Equal(path, e.Position);
        Assert.Contains("surrogate", e.Expected, StringComparison.Ordinal);
        // The same through the text reader.
        Assert.Equal(path, Assert.Throws<InstanceFormatException>(() => SchedulingJsonReader.Read(new StringReader(Jobs(job)), "x.json")).Position);
    }

    [Fact]
    public void A_lone_surrogate_in_the_format_tag_is_a_format_error()
    {
        var e = BadJson("{\"format\": \"\\ud800\", \"jobs\": []}");
        Assert.Equal("$.format", e.Position);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_an_unknown_key_is_a_format_error()
    {
        // Found by the fuzzer: property lookup threw InvalidOperationException on "\udfffop".
        Assert.Equal("$", BadJson("{\"\\udfffft\": 1, \"format\": \"onlinealgos.scheduling/1\", \"jobs\": []}").Position);
        Assert.Equal("$.jobs[0]", BadJson(Jobs("{\"id\": 36, \"\\udfffop\": [1]}")).Position);
        Assert.Equal("$.jobs[0]", BadJson(Jobs("{\"id\": 36, \"\\ud800\\u0041\": [1]}")).Position);
    }

    [Fact]
    public void A_lone_surrogate_char_in_text_and_invalid_utf8_bytes_are_format_errors_with_line()
    {
        var e = Assert.Throws<InstanceFormatException>(() => SchedulingJsonReader.Read(new StringReader(Jobs("{\"id\": \"a\uD800\", \"release\": 0, \"operations\": [1]}")), "x.json"));
        Assert.Equal(1, e.Line);
        Assert.Equal("line 1, character 58", e.Position);
        var bytes = Encoding.UTF8.GetBytes(Jobs("{\"id\": \"az\", \"release\": 0, \"operations\": [1]}"));
        bytes[Array.IndexOf(bytes, (byte)'z')] = 0xFF;
        var u = Assert.Throws<InstanceFormatException>(() => SchedulingJsonReader.Read(new MemoryStream(bytes), "x.json"));
        Assert.Equal(1, u.Line);
        Assert.Equal("line 1, byte 58", u.Position);
    }

    [Fact]
    public void A_300000_digit_operation_size_is_refused_at_once_with_its_path()
    {
        var e = BadJson(Ops("1, " + new string('7', 300_000)));
        Assert.Equal("$.jobs[0].operations[1]", e.Position);
        Assert.Contains("at most 1000 characters", e.Expected, StringComparison.Ordinal);
        var s = BadJson(Ops("\"" + new string('7', 300_000) + "/3\""));
        Assert.Equal("$.jobs[0].operations[0]", s.Position);
        Assert.Contains("at most 1000 characters", s.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e309")]
    [InlineData("1e999999999")]
    [InlineData("1e-999999999")]
    [InlineData("\"1e400\"")]
    [InlineData("1e-400")]
    [InlineData("\"1/1e400\"")]
    public void A_number_outside_the_double_range_is_refused_with_its_path(string size)
    {
        var e = BadJson(Ops("1, " + size));
        Assert.Equal("$.jobs[0].operations[1]", e.Position);
    }

    [Fact]
    public void The_largest_double_and_long_exact_literals_still_read()
    {
        var inst = SchedulingJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Ops("1.7976931348623157e308, \"1/3\", 0." + new string('0', 300) + "1"))), "x.json");
        Assert.Equal(1.7976931348623157e308, inst.Operation(0, 0).ToDouble());
        Assert.Equal(new Rational(1, 3), inst.Operation(0, 1));
        Assert.Equal(1e-301, inst.Operation(0, 2).ToDouble());
    }

    [Fact]
    public void A_total_flow_time_beyond_double_is_refused()
    {
        var e = BadJson(Ops("1e308, 1e308"));
        Assert.Equal("$.jobs", e.Position);
        Assert.Contains("double range", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_64_is_a_format_error()
    {
        var e = BadJson(Ops(new string('[', 100_000)));
        Assert.Contains("depth", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    // ---- SWF

    private const string Good = "1 0 0 10 1 -1 -1 1 20 -1 1 1 1 1 1 1 -1 -1";

    private static InstanceFormatException BadSwf(string text, SwfOptions? o = null) =>
        Assert.Throws<InstanceFormatException>(() => SwfReader.Read(new StringReader(text), "log.swf", o));

    [Theory]
    [InlineData(1, "9223372036854775808")] // was OverflowException
    [InlineData(11, "99999999999")]         // status beyond int: was OverflowException
    [InlineData(17, "9223372036854775808")] // preceding job beyond long: was OverflowException
    [InlineData(17, "1e30")]                // was OverflowException
    [InlineData(1, "1e30")]                 // integer field with an exponent: was accepted
    [InlineData(5, "2.5")]                  // processors must be integers: was accepted
    [InlineData(12, "1e3")]
    public void Integer_fields_hold_plain_64_bit_integers(int field, string value)
    {
        var f = Good.Split(' ');
        f[field - 1] = value;
        var e = BadSwf(string.Join(' ', f));
        Assert.Equal(1, e.Line);
        Assert.Contains($"field {field} (", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, "1e309")]
    [InlineData(2, "1e999999999")]
    [InlineData(9, "1e-400")]
    public void Number_fields_stay_within_the_double_range(int field, string value)
    {
        var f = Good.Split(' ');
        f[field - 1] = value;
        var e = BadSwf(string.Join(' ', f));
        Assert.Equal(1, e.Line);
        Assert.Contains("double range", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_300000_digit_run_time_is_refused_at_once()
    {
        var f = Good.Split(' ');
        f[3] = new string('9', 300_000);
        var e = BadSwf(string.Join(' ', f));
        Assert.Equal(1, e.Line);
        Assert.Contains("at most 1000 characters", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Splits_that_would_make_too_many_operations_are_refused_before_building_them()
    {
        var big = Good.Replace(" 10 1 ", " 100000000 1 ", StringComparison.Ordinal);
        var e = BadSwf(big, new SwfOptions { Split = SwfSplitMode.Geometric, Growth = 1.000000001, TargetLoad = null });
        Assert.Contains("operations after the Geometric split", e.Expected, StringComparison.Ordinal);
        Assert.Contains("option Parts", BadSwf(Good, new SwfOptions { Split = SwfSplitMode.Equal, Parts = int.MaxValue }).Expected, StringComparison.Ordinal);
        // The same log with a sane growth factor reads: units 1, 2, 4, ... cover 10^8 in 27 operations.
        var ok = SwfReader.Read(new StringReader(big), "log.swf", new SwfOptions { Split = SwfSplitMode.Geometric, TargetLoad = null }).Instance;
        Assert.Equal(27, ok.OperationCount(0));
    }

    [Fact]
    public void A_fractional_cpu_time_still_reads()
    {
        var f = Good.Split(' ');
        f[5] = "12.5"; // average CPU time may be fractional
        var r = SwfReader.Read(new StringReader(string.Join(' ', f)), "log.swf", new SwfOptions { TargetLoad = null });
        Assert.Equal(new Rational(10), r.Instance.TotalSize(0));
    }
}
