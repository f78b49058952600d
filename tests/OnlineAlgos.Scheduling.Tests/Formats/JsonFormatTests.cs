using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Formats;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Testing;
using Xunit;

namespace OnlineAlgos.Scheduling.Tests.Formats;

public class JsonFormatTests
{
    private static SchedulingInstance<Rational> Read(string text) => SchedulingJsonReader.Read(new StringReader(text), "x.json");

    private static string Jobs(string jobs) => "{\"format\": \"onlinealgos.scheduling/1\", \"jobs\": [" + jobs + "]}";

    [Fact]
    public void ReadsTheFormatsExample()
    {
        var inst = Read("""
            {
              "format": "onlinealgos.scheduling/1",
              "jobs": [
                { "id": "a", "release": 0,   "operations": [1, 2.5] },
                { "id": "b", "release": "1/3", "operations": ["1/2"] }
              ]
            }
            """);
        Assert.Equal(2, inst.JobCount);
        Assert.Equal("b", inst.Id(1));
        Assert.Equal(new Rational(1, 3), inst.Release(1));
        Assert.Equal(new Rational(5, 2), inst.Operation(0, 1));
        Assert.Equal(new Rational(7, 2), inst.TotalSize(0));
        Assert.False(inst.RevealOperationCount);
    }

    [Fact]
    public void RoundTripsGeneratedInstances()
    {
        foreach (var inst in FsCheck.Fluent.Gen.Sample(SchedulingGenerators.InstanceGen(8, 5), 100))
        {
            var text = SchedulingJsonWriter.ToJson(inst);
            Assert.Equal(text, SchedulingJsonWriter.ToJson(Read(text)));
        }
        var flagged = new SchedulingInstance<Rational>(new[] { new SchedulingJob<Rational>("q\"x", 1, new Rational[] { 2 }, Estimate: new Rational(3, 2)) }, true);
        var back = Read(SchedulingJsonWriter.ToJson(flagged));
        Assert.True(back.RevealOperationCount);
        Assert.Equal(new Rational(3, 2), back.Estimate(0));
        Assert.Equal("q\"x", back.Id(0));
    }

    [Theory]
    [InlineData("{\"id\": 1, \"release\": -1, \"operations\": [1]}", "$.jobs[0].release")]
    [InlineData("{\"id\": 1, \"release\": 0, \"operations\": [1, -2]}", "$.jobs[0].operations[1]")]
    [InlineData("{\"id\": 1, \"release\": \"-1/2\", \"operations\": [1]}", "$.jobs[0].release")]
    [InlineData("{\"id\": 1, \"release\": 0, \"operations\": []}", "$.jobs[0].operations")]
    [InlineData("{\"id\": 1, \"release\": \"NaN\", \"operations\": [1]}", "$.jobs[0].release")]
    [InlineData("{\"id\": 1, \"release\": 0, \"operations\": [\"Infinity\"]}", "$.jobs[0].operations[0]")]
    [InlineData("{\"id\": 1, \"release\": 0, \"operations\": [\"1/0\"]}", "$.jobs[0].operations[0]")]
    [InlineData("{\"id\": 2, \"release\": 0, \"operations\": [1]}, {\"id\": 1, \"release\": 0, \"operations\": [1]}", "$.jobs[1].id")]
    [InlineData("{\"id\": \"a\", \"release\": 0, \"operations\": [1]}, {\"id\": \"a\", \"release\": 0, \"operations\": [1]}", "$.jobs[1].id")]
    [InlineData("{\"id\": 1, \"operations\": [1]}", "$.jobs[0].release")]
    [InlineData("{\"id\": 1, \"release\": 0}", "$.jobs[0].operations")]
    [InlineData("{\"id\": true, \"release\": 0, \"operations\": [1]}", "$.jobs[0].id")]
    [InlineData("{\"id\": 1, \"release\": 0, \"operations\": [1], \"estimate\": 0}", "$.jobs[0].estimate")]
    [InlineData("{\"id\": 1, \"release\": 0, \"operations\": [1], \"estimate\": 2}, {\"id\": 2, \"release\": 0, \"operations\": [1]}", "$.jobs")]
    [InlineData("3", "$.jobs[0]")]
    public void RejectsBadJobs(string jobs, string path)
    {
        var e = Assert.Throws<InstanceFormatException>(() => Read(Jobs(jobs)));
        Assert.Equal(path, e.Position);
        Assert.StartsWith("x.json: " + path + ": expected", e.Message);
    }

    [Theory]
    [InlineData("{\"format\": \"other/1\", \"jobs\": []}", "$.format")]
    [InlineData("{\"jobs\": []}", "$.format")]
    [InlineData("{\"format\": \"onlinealgos.scheduling/1\"}", "$.jobs")]
    [InlineData("{\"format\": \"onlinealgos.scheduling/1\", \"jobs\": {}}", "$.jobs")]
    [InlineData("{\"format\": \"onlinealgos.scheduling/1\", \"revealOperationCount\": 1, \"jobs\": []}", "$.revealOperationCount")]
    [InlineData("[]", "$")]
    public void RejectsBadDocuments(string text, string path)
    {
        var e = Assert.Throws<InstanceFormatException>(() => Read(text));
        Assert.Equal(path, e.Position);
    }

    [Fact]
    public void SyntaxErrorsNameTheLine()
    {
        var e = Assert.Throws<InstanceFormatException>(() => Read("{\n\"format\": \"onlinealgos.scheduling/1\",\n\"jobs\": [ {\"release\": 0,, } ]\n}"));
        Assert.Equal(3, e.Line);
        Assert.Contains("x.json: line 3", e.Message);
    }

    [Fact]
    public void ArbitraryBytesGiveOnlyFormatErrors()
    {
        var rng = new Rng(11);
        const string alphabet = "{}[]\":,0123456789-./eE abcNaInfty\n";
        var valid = SchedulingJsonWriter.ToJson(TestInstances.Tests5());
        for (int trial = 0; trial < 500; trial++)
        {
            string text;
            if (trial % 2 == 0)
            {
                var chars = new char[rng.NextInt(0, 80)];
                for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[rng.NextInt(alphabet.Length)];
                text = new string(chars);
            }
            else
            {
                // Mutate a valid file at one position.
                var chars = valid.ToCharArray();
                chars[rng.NextInt(chars.Length)] = alphabet[rng.NextInt(alphabet.Length)];
                text = new string(chars);
            }
            try { Read(text); }
            catch (InstanceFormatException) { }
        }
    }
}
