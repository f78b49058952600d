using System.Globalization;
using System.Text;
using OnlineAlgos.GradientCoding.Formats;
using OnlineAlgos.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.GradientCoding.Tests.Formats;

/// <summary>
/// Fuzzes <see cref="StragglerTraceReader"/> and <see cref="StragglerPatternReader"/> from instances/gradient-coding and
/// small generated files: every mutated input must parse or raise InstanceFormatException, each within the fuzzer's
/// time limit. ONLINEALGOS_FUZZ_ITERATIONS sets the count per reader (default 10,000).
/// </summary>
public class StragglerReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Words = ["round,", "worker,", "straggler", ",worker_started_s", "\"", ",,", "1e400", "NaN", "\n", "999999", "10000000"];

    private static byte[] Trace(int rounds, int workers, bool shuffledColumns)
    {
        var sb = new StringBuilder(shuffledColumns
            ? "worker,round,extra,worker_finished_s,worker_started_s,round_finished_s,round_started_s\n"
            : "round,worker,round_started_s,round_finished_s,worker_started_s,worker_finished_s\n");
        for (int r = 0; r < rounds; r++)
            for (int w = workers - 1; w >= 0; w--)
            {
                double ws = r * 10 + 0.01 * w, wf = ws + 1 + 0.37 * ((r * 7 + w * 3) % 5);
                string rs = (r * 10).ToString(CultureInfo.InvariantCulture), rf = (r * 10 + 4).ToString(CultureInfo.InvariantCulture);
                sb.Append(shuffledColumns
                    ? string.Create(CultureInfo.InvariantCulture, $"{w},{r},x,{wf},{ws},{rf},{rs}\n")
                    : string.Create(CultureInfo.InvariantCulture, $"{r},{w},{rs},{rf},{ws},{wf}\n"));
            }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Pattern(int rounds, int workers)
    {
        var sb = new StringBuilder("round,worker,straggler\n");
        for (int w = 0; w < workers; w++)
            for (int r = rounds - 1; r >= 0; r--)
                sb.Append(CultureInfo.InvariantCulture, $"{r},{w},{((r + w) % 3 == 0 ? 1 : 0)}\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Fact]
    public void Trace_every_mutated_input_parses_or_is_rejected_with_InstanceFormatException()
    {
        var seeds = new List<byte[]> { Trace(3, 4, false), Trace(2, 3, true), Trace(1, 1, false), Trace(6, 8, false) };
        const string name = "fuzz.csv";
        var report = ReaderFuzzer.Run(seeds, bytes => StragglerTraceReader.Read(new StreamReader(new MemoryStream(bytes)), name), ReaderFuzzer.Iterations, 0x5354_5243, name, Words);
        output.WriteLine(report.Summary("straggler trace CSV"));
        ReaderFuzzer.AssertClean(report, "straggler trace CSV");
        Assert.True(report.Parsed > 0 && report.Rejected > 0, report.Summary("straggler trace CSV"));
    }

    [Fact]
    public void Pattern_every_mutated_input_parses_or_is_rejected_with_InstanceFormatException()
    {
        var seeds = ReaderFuzzer.InstanceFiles("gradient-coding", "*.csv");
        seeds.Add(Pattern(3, 4));
        seeds.Add(Pattern(1, 1));
        const string name = "fuzz.csv";
        var report = ReaderFuzzer.Run(seeds, bytes => StragglerPatternReader.Read(new StreamReader(new MemoryStream(bytes)), name), ReaderFuzzer.Iterations, 0x5041_5454, name, Words);
        output.WriteLine(report.Summary("straggler pattern CSV"));
        ReaderFuzzer.AssertClean(report, "straggler pattern CSV");
        Assert.True(report.Parsed > 0 && report.Rejected > 0, report.Summary("straggler pattern CSV"));
    }
}
