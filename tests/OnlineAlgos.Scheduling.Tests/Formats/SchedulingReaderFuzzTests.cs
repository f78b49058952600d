using OnlineAlgos.Scheduling.Formats;
using OnlineAlgos.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.Scheduling.Tests.Formats;

/// <summary>
/// Fuzzes <see cref="SchedulingJsonReader"/> and <see cref="SwfReader"/> from instances/scheduling and small hand-made
/// inputs: every mutated input must parse or raise InstanceFormatException, each within the fuzzer's time limit.
/// ONLINEALGOS_FUZZ_ITERATIONS sets the count per reader (default 10,000).
/// </summary>
public class SchedulingReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] JsonWords =
    [
        "\"format\": \"onlinealgos.scheduling/1\"", "\"jobs\": ", "\"id\": ", "\"release\": ", "\"operations\": ", "\"estimate\": ",
        "\"revealOperationCount\": true", "\"1/3\"", "\"-1/2\"", "\"99999999999999999999/7\"", "[]", "{}", "null", ",", ":", "/* c */",
    ];

    private static readonly string[] SwfWords = ["; comment\n", "-1", " 1e30 ", " 9223372036854775808 ", " 2 ", "\n", "\t", " 0.5 "];

    [Fact]
    public void Json_every_mutated_input_parses_or_is_rejected_with_InstanceFormatException()
    {
        var seeds = ReaderFuzzer.InstanceFiles("scheduling", "*.json");
        seeds.Add("""{"format": "onlinealgos.scheduling/1", "revealOperationCount": true, "jobs": [{"id": "a", "release": 0, "operations": [1, "5/2"], "estimate": 3}, {"id": 7, "release": "1/3", "operations": [0.25], "estimate": 1e2}]}"""u8.ToArray());
        const string name = "fuzz.json";
        var report = ReaderFuzzer.Run(seeds, bytes => SchedulingJsonReader.Read(new MemoryStream(bytes), name), ReaderFuzzer.Iterations, 0x5343_4A53, name, JsonWords);
        output.WriteLine(report.Summary("scheduling JSON"));
        ReaderFuzzer.AssertClean(report, "scheduling JSON");
        Assert.True(report.Parsed > 0 && report.Rejected > 0, report.Summary("scheduling JSON"));
    }

    [Fact]
    public void Swf_every_mutated_input_parses_or_is_rejected_with_InstanceFormatException()
    {
        var seeds = ReaderFuzzer.InstanceFiles("scheduling", "*.swf");
        seeds.Add("""
            ; tiny
            1 0 0 10 1 -1 -1 1 20 -1 1 1 1 1 1 1 -1 -1
            2 5 0 3 2 -1 -1 2 5 -1 2 1 1 1 1 1 -1 -1
            2 5 0 4 2 -1 -1 2 5 -1 3 1 1 1 1 1 -1 -1
            3 9 0 7 1 -1 -1 1 9 -1 1 1 1 1 1 1 1 4
            """u8.ToArray());
        const string name = "fuzz.swf";
        var modes = Enum.GetValues<SwfSplitMode>();
        int call = 0;
        var report = ReaderFuzzer.Run(seeds, bytes =>
        {
            // Cycle through the split modes so each one sees mutated sizes.
            var options = new SwfOptions { Split = modes[call++ % modes.Length], ProcessorsAsWork = call % 2 == 0 };
            using var reader = new StreamReader(new MemoryStream(bytes));
            SwfReader.Read(reader, name, options);
        }, ReaderFuzzer.Iterations, 0x5357_4631, name, SwfWords);
        output.WriteLine(report.Summary("SWF"));
        ReaderFuzzer.AssertClean(report, "SWF");
        Assert.True(report.Parsed > 0 && report.Rejected > 0, report.Summary("SWF"));
    }
}
