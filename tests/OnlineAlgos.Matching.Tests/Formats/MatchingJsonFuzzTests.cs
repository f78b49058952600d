using System.Text;
using OnlineAlgos.Matching.Formats;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.Matching.Tests.Formats;

/// <summary>
/// Fuzzes <see cref="MatchingJsonReader"/> from the instances under instances/matching and small generated ones:
/// every mutated input must parse or raise InstanceFormatException, each within the fuzzer's time limit.
/// ONLINEALGOS_FUZZ_ITERATIONS sets the count (default 10,000).
/// </summary>
public class MatchingJsonFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Words =
    [
        "\"format\": \"onlinealgos.matching/1\"", "\"offline\": ", "\"steps\": ", "\"types\": ", "\"p\": ", "\"edges\": ",
        "\"vertexWeights\": ", "{\"0\": 1}", "\"2147483648\": 1", "[]", "{}", "null", "true", "\"offline\": 16777216", ",", ":",
        "/* c */", "// c\n",
    ];

    [Fact]
    public void Every_mutated_input_parses_or_is_rejected_with_InstanceFormatException()
    {
        var seeds = ReaderFuzzer.InstanceFiles("matching", "*.json");
        seeds.Add(Encoding.UTF8.GetBytes(MatchingJsonWriter.ToText(AdversarialFamilies.OneShot(3))));
        seeds.Add(Encoding.UTF8.GetBytes(MatchingJsonWriter.ToText(AdversarialFamilies.PoissonTrap(3, 0.5))));
        seeds.Add("""{"format": "onlinealgos.matching/1", "offline": 2, "vertexWeights": [1, 2.5], "steps": [{"types": [{"p": 0.5, "edges": {"0": 1, "1": 2.5}}]}]}"""u8.ToArray());
        const string name = "fuzz.json";
        var report = ReaderFuzzer.Run(seeds, bytes => MatchingJsonReader.Read(new MemoryStream(bytes), name), ReaderFuzzer.Iterations, 0x4D41_5443, name, Words);
        output.WriteLine(report.Summary("matching JSON"));
        ReaderFuzzer.AssertClean(report, "matching JSON");
        Assert.True(report.Parsed > 0 && report.Rejected > 0, report.Summary("matching JSON"));
    }
}
