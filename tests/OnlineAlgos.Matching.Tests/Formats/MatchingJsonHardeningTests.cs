using System.Text;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Formats;
using Xunit;

namespace OnlineAlgos.Matching.Tests.Formats;

/// <summary>Issue #12 part 4: inputs that crashed or misbehaved are rejected with InstanceFormatException and a JSON path.</summary>
public class MatchingJsonHardeningTests
{
    private static InstanceFormatException Bad(byte[] bytes) =>
        Assert.Throws<InstanceFormatException>(() => MatchingJsonReader.Read(new MemoryStream(bytes), "in.json"));

    private static InstanceFormatException Bad(string text) => Bad(Encoding.UTF8.GetBytes(text));

    private static string Instance(string offline = "2", string edges = "{\"0\": 1}", string p = "0.5", string extra = "") =>
        "{\"format\": \"onlinealgos.matching/1\", \"offline\": " + offline + extra + ", \"steps\": [{\"types\": [{\"p\": " + p + ", \"edges\": " + edges + "}]}]}";

    [Theory]
    [InlineData("{\"\\ud800\": 1}", "$.steps[0].types[0].edges")]      // edge key (was InvalidOperationException)
    [InlineData("{\"0\": 1, \"\\udfff1\": 2}", "$.steps[0].types[0].edges")]
    public void A_lone_surrogate_escape_in_a_property_name_is_a_format_error_with_the_path(string edges, string path)
    {
        var e = Bad(Instance(edges: edges));
        Assert.Equal(path, e.Position);
        Assert.Contains("surrogate", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_the_format_tag_or_an_unknown_key_is_a_format_error()
    {
        Assert.Equal("$.format", Bad("{\"format\": \"onlinealgos.matching/1\\ud800\", \"offline\": 1, \"steps\": []}").Position);
        Assert.Equal("$", Bad("{\"format\": \"onlinealgos.matching/1\", \"\\ud800\": 1, \"offline\": 1, \"steps\": []}").Position);
    }

    [Fact]
    public void A_lone_surrogate_char_in_text_input_is_a_format_error_not_silently_replaced()
    {
        string text = Instance().Replace("\"0\"", "\"0\uD800\"", StringComparison.Ordinal);
        var e = Assert.Throws<InstanceFormatException>(() => MatchingJsonReader.ParseText(text, "in.json"));
        Assert.Contains("UTF-16", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_names_line_and_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Instance().Replace("\"steps\"", "\n \"st\u00e9ps\"", StringComparison.Ordinal));
        int i = Array.IndexOf(bytes, (byte)0xC3);
        bytes[i + 1] = 0x28; // a lead byte followed by ASCII
        var e = Bad(bytes);
        Assert.Equal(2, e.Line);
        Assert.Equal("line 2, byte 5", e.Position);
    }

    [Fact]
    public void Nesting_deeper_than_64_is_a_format_error()
    {
        var e = Bad(Instance(extra: ", \"x\": " + new string('[', 100_000)));
        Assert.Contains("depth", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    [InlineData("1e999999999")]
    public void A_number_beyond_double_is_a_format_error_with_its_path(string p)
    {
        var e = Bad(Instance(p: p));
        Assert.Equal("$.steps[0].types[0].p", e.Position);
    }

    [Fact]
    public void A_number_with_more_than_1000_characters_is_rejected_quickly_with_its_path()
    {
        var e = Bad(Instance(edges: "{\"0\": 1" + new string('0', 300_000) + "}"));
        Assert.Equal("$.steps[0].types[0].edges['0']", e.Position);
        Assert.Contains("1000", e.Expected, StringComparison.Ordinal);
        // A 1001-character number is refused, a 1000-character one is read.
        Assert.Contains("1000", Bad(Instance(p: "0." + new string('0', 999)) ).Expected, StringComparison.Ordinal);
        Assert.Equal(0, MatchingJsonReader.ParseText(Instance(p: "0." + new string('0', 998)), "in.json").Probability(0));
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("16777217")]
    [InlineData("1e300")]
    [InlineData("-1")]
    [InlineData("2.5")]
    public void An_offline_count_beyond_the_limit_is_refused_before_anything_is_allocated(string offline)
    {
        var e = Bad(Instance(offline: offline, edges: "{}"));
        Assert.Equal("$.offline", e.Position);
    }

    [Fact]
    public void Vertex_weights_are_counted_before_they_are_allocated()
    {
        var e = Bad(Instance(offline: "16777216", edges: "{}", extra: ", \"vertexWeights\": [1]"));
        Assert.Equal("$.vertexWeights", e.Position);
        Assert.Contains("16777216", e.Expected, StringComparison.Ordinal);
    }
}
