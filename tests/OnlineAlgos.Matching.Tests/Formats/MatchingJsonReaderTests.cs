using OnlineAlgos.Core;
using OnlineAlgos.Matching.Formats;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;
using Xunit;

namespace OnlineAlgos.Matching.Tests.Formats;

public class MatchingJsonReaderTests
{
    private const string Example = """
        {
          "format": "onlinealgos.matching/1",
          "offline": 3,
          "steps": [
            { "types": [ { "p": 0.6, "edges": { "0": 1.0, "2": 0.4 } } ] },
            { "types": [ { "p": 0.3, "edges": { "1": 2.0 } }, { "p": 0.5, "edges": { "0": 0.7, "1": 0.1 } } ] }
          ]
        }
        """;

    private static InstanceFormatException Bad(string json) =>
        Assert.Throws<InstanceFormatException>(() => MatchingJsonReader.ParseText(json, "in.json"));

    private static string With(string stepsJson, string extra = "") =>
        "{ \"format\": \"onlinealgos.matching/1\", \"offline\": 3, " + extra + "\"steps\": " + stepsJson + " }";

    [Fact]
    public void ReadsTheFormatsExample()
    {
        var inst = MatchingJsonReader.ParseText(Example, "ex.json");
        Assert.Equal(3, inst.OfflineCount);
        Assert.Equal(2, inst.StepCount);
        Assert.Equal(3, inst.TypeCount);
        Assert.False(inst.IsBernoulli);
        Assert.Equal(0.6, inst.Probability(0));
        Assert.Equal(0.8, inst.ArrivalProbability(1), 12);
        // Edges of a type are stored heaviest first.
        Assert.Equal(0, inst.EdgeNode(inst.EdgeStart(0)));
        Assert.Equal(1.0, inst.EdgeWeight(inst.EdgeStart(0)));
        Assert.Equal(0.4, inst.Weight(0, 2));
        Assert.Equal(0.1, inst.Weight(2, 1));
        Assert.Equal(0, inst.Weight(1, 0));
    }

    [Fact]
    public void RejectsTheFormatsVertexWeightedExampleAsTheReviewNoteSays()
    {
        var e = Bad(Example.Replace("\"offline\": 3,", "\"offline\": 3, \"vertexWeights\": [1.0, 2.0, 0.5],", StringComparison.Ordinal));
        Assert.Equal("$.steps[0].types[0].edges['2']", e.Position);
        Assert.Contains("vertex-weighted", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTripsThroughTheWriter()
    {
        var rng = new Rng(5);
        foreach (var inst in new[]
        {
            MatchingJsonReader.ParseText(Example, "ex"),
            RandomInstances.ErdosRenyi(rng, 7, 5, 0.5),
            RandomInstances.Geometric(rng, 6, 4, 0.5, vertexWeighted: true),
            AdversarialFamilies.PoissonTrap(4, 0.01),
            new MatchingInstance(0, Array.Empty<IReadOnlyList<ArrivalType>>()),
        })
        {
            string text = MatchingJsonWriter.ToText(inst);
            var back = MatchingJsonReader.ParseText(text, "rt");
            Assert.Equal(text, MatchingJsonWriter.ToText(back));
            Assert.Equal(inst.EdgeCount, back.EdgeCount);
            Assert.Equal(inst.IsVertexWeighted, back.IsVertexWeighted);
            for (int e = 0; e < inst.EdgeCount; e++)
            {
                Assert.Equal(inst.EdgeWeight(e), back.EdgeWeight(e));
                Assert.Equal(inst.EdgeNode(e), back.EdgeNode(e));
            }
        }
    }

    [Theory]
    [InlineData("[{ \"types\": [ { \"p\": 1.5, \"edges\": {} } ] }]", "$.steps[0].types[0].p", "[0, 1]")]
    [InlineData("[{ \"types\": [ { \"p\": -0.1, \"edges\": {} } ] }]", "$.steps[0].types[0].p", "[0, 1]")]
    [InlineData("[{ \"types\": [ { \"p\": 0.5, \"edges\": {} } ] }, { \"types\": [ { \"p\": 0.7, \"edges\": {} }, { \"p\": 0.4, \"edges\": {} } ] }]", "$.steps[1].types", "at most 1")]
    [InlineData("[{ \"types\": [ { \"p\": 0.5, \"edges\": { \"0\": -1 } } ] }]", "$.steps[0].types[0].edges['0']", ">= 0")]
    [InlineData("[{ \"types\": [ { \"p\": 0.5, \"edges\": { \"3\": 1 } } ] }]", "$.steps[0].types[0].edges['3']", "0..2")]
    [InlineData("[{ \"types\": [ { \"p\": 0.5, \"edges\": { \"a\": 1 } } ] }]", "$.steps[0].types[0].edges['a']", "offline id")]
    [InlineData("[{ \"types\": [ { \"p\": 0.5, \"edges\": { \"-1\": 1 } } ] }]", "$.steps[0].types[0].edges['-1']", "offline id")]
    [InlineData("[{ \"types\": [ { \"p\": 0.5, \"edges\": { \"1\": 1, \"1\": 2 } } ] }]", "$.steps[0].types[0].edges['1']", "at most once")]
    [InlineData("[{ \"types\": [ { \"p\": \"1/2\", \"edges\": {} } ] }]", "$.steps[0].types[0].p", "JSON number")]
    [InlineData("[{ \"types\": [ { \"p\": 0.5, \"edges\": { \"0\": 1e999 } } ] }]", "$.steps[0].types[0].edges['0']", "out-of-range")]
    [InlineData("[{ \"types\": [ { \"edges\": {} } ] }]", "$.steps[0].types[0]", "\"p\"")]
    [InlineData("[{ \"types\": [ { \"p\": 0.5 } ] }]", "$.steps[0].types[0]", "\"edges\"")]
    [InlineData("[{ \"types\": [] }]", "$.steps[0].types", "non-empty")]
    [InlineData("[{ \"typs\": [] }]", "$.steps[0].typs", "unknown property")]
    [InlineData("[3]", "$.steps[0]", "step object")]
    [InlineData("{}", "$.steps", "array")]
    [InlineData("[{ \"types\": [ { \"p\": 0.5, \"edges\": [1, 2] } ] }]", "$.steps[0].types[0].edges", "object")]
    public void ReportsTheJsonPathOfEveryError(string steps, string path, string expected)
    {
        var e = Bad(With(steps));
        Assert.Equal(path, e.Position);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("in.json: " + path + ": ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"offline\": 3, \"steps\": [] }", "$", "format")]
    [InlineData("{ \"format\": \"onlinealgos.matching/2\", \"offline\": 3, \"steps\": [] }", "$.format", "onlinealgos.matching/1")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"offline\": -1, \"steps\": [] }", "$.offline", "integer")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"offline\": 2.5, \"steps\": [] }", "$.offline", "integer")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"steps\": [] }", "$", "offline")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"offline\": 1 }", "$", "steps")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"offline\": 1, \"steps\": [], \"extra\": 1 }", "$.extra", "unknown property")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"offline\": 2, \"vertexWeights\": [1], \"steps\": [] }", "$.vertexWeights", "one weight per offline node")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"offline\": 1, \"vertexWeights\": [-2], \"steps\": [] }", "$.vertexWeights[0]", ">= 0")]
    [InlineData("[1, 2]", "$", "JSON object")]
    public void ReportsTopLevelErrors(string json, string path, string expected)
    {
        var e = Bad(json);
        Assert.Equal(path, e.Position);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", }")]
    [InlineData("\u0001\u0002garbage")]
    public void ReportsSyntaxErrorsWithLineAndByte(string json)
    {
        var e = Bad(json);
        Assert.StartsWith("line ", e.Position, StringComparison.Ordinal);
        Assert.Contains("well-formed JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsInvalidUtf8WithLineAndByte()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\n  \"format\": \"x\"}");
        bytes[14] = 0xCA;
        var e = Assert.Throws<InstanceFormatException>(() => MatchingJsonReader.Read(new MemoryStream(bytes), "u.json"));
        Assert.Equal("line 2, byte 13", e.Position);
        Assert.Contains("UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArbitraryBytesNeverEscapeAsAnotherExceptionType()
    {
        var rng = new Rng(11);
        var valid = System.Text.Encoding.UTF8.GetBytes(Example);
        for (int trial = 0; trial < 500; trial++)
        {
            var bytes = (byte[])valid.Clone();
            int flips = 1 + rng.NextInt(4);
            for (int f = 0; f < flips; f++) bytes[rng.NextInt(bytes.Length)] = (byte)rng.NextInt(256);
            try
            {
                MatchingJsonReader.Read(new MemoryStream(bytes), "fuzz");
            }
            catch (InstanceFormatException)
            {
            }
        }
    }

    [Fact]
    public void ReadsEveryShippedInstance()
    {
        string dir = Path.Combine(RepoRoot(), "instances", "matching");
        var files = Directory.GetFiles(dir, "*.json");
        Assert.NotEmpty(files);
        foreach (var f in files)
        {
            using var s = File.OpenRead(f);
            var inst = MatchingJsonReader.Read(s, f);
            Assert.True(inst.StepCount > 0, f);
        }
    }

    internal static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "OnlineAlgos.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
