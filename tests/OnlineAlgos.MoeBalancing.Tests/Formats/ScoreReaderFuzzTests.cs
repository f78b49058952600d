using System.Text;
using OnlineAlgos.MoeBalancing.Formats;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.MoeBalancing.Tests.Formats;

/// <summary>
/// Fuzzes <see cref="ScoreCsvReader"/> and <see cref="NpyScoreReader"/> from instances/moe-balancing and small written
/// files: every mutated input must parse or raise InstanceFormatException, each within the fuzzer's time limit.
/// ONLINEALGOS_FUZZ_ITERATIONS sets the count per reader (default 10,000).
/// </summary>
public class ScoreReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] CsvWords = ["batch,", "token,", ",e0", ",e1", "\"", "\"\"", ",,", "\n0,0,1\n", "1e400", "NaN", "\n\n"];

    private static readonly string[] NpyWords =
    [
        "'descr': '<f8', ", "'descr': '<f4', ", "'descr': '>f8', ", "'descr': '|u1', ", "'fortran_order': True, ",
        "'fortran_order': False, ", "'shape': (0, 3), ", "'shape': (2147483648, 2147483648), ", "'shape': (3,), ",
        "'shape': (), ", "'shape': (1, 1, 1, 1), ", "'shape': (4611686018427387904, 4, 4), ", "{", "}", "(", ")", "L", "'",
    ];

    private static ScoreMatrix Matrix(int tokens, int experts, int salt)
    {
        var m = new ScoreMatrix(tokens, experts);
        for (int i = 0; i < m.Data.Length; i++) m.Data[i] = ((i * 37 + salt * 11) % 101) / 100.0;
        return m;
    }

    [Fact]
    public void Csv_every_mutated_input_parses_or_is_rejected_with_InstanceFormatException()
    {
        var seeds = ReaderFuzzer.InstanceFiles("moe-balancing", "*.csv");
        var w = new StringWriter();
        ScoreCsvWriter.Write(w, [Matrix(3, 2, 1), Matrix(2, 2, 2), Matrix(1, 2, 3)]);
        seeds.Add(Encoding.UTF8.GetBytes(w.ToString()));
        const string name = "fuzz.csv";
        var report = ReaderFuzzer.Run(seeds, bytes => ScoreCsvReader.Read(new StreamReader(new MemoryStream(bytes)), name), ReaderFuzzer.Iterations, 0x4D4F_4543, name, CsvWords);
        output.WriteLine(report.Summary("MoE score CSV"));
        ReaderFuzzer.AssertClean(report, "MoE score CSV");
        Assert.True(report.Parsed > 0 && report.Rejected > 0, report.Summary("MoE score CSV"));
    }

    [Fact]
    public void Npy_every_mutated_input_parses_or_is_rejected_with_InstanceFormatException()
    {
        var seeds = ReaderFuzzer.InstanceFiles("moe-balancing", "*.npy");
        foreach (bool f32 in new[] { false, true })
        {
            var one = new MemoryStream();
            NpyScoreWriter.Write(one, [Matrix(2, 3, 1)], f32);
            seeds.Add(one.ToArray());
            var three = new MemoryStream();
            NpyScoreWriter.Write(three, [Matrix(2, 2, 1), Matrix(2, 2, 2)], f32);
            seeds.Add(three.ToArray());
        }
        const string name = "fuzz.npy";
        var report = ReaderFuzzer.Run(seeds, bytes => NpyScoreReader.Read(new MemoryStream(bytes), name), ReaderFuzzer.Iterations, 0x4E50_5931, name, NpyWords);
        output.WriteLine(report.Summary("MoE .npy"));
        ReaderFuzzer.AssertClean(report, "MoE .npy");
        Assert.True(report.Parsed > 0 && report.Rejected > 0, report.Summary("MoE .npy"));
    }
}
