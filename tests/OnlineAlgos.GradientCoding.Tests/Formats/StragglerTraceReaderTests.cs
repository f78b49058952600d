using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Formats;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.TestSupport;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Formats;

public class StragglerTraceReaderTests
{
    private const string Header = "round,worker,round_started_s,round_finished_s,worker_started_s,worker_finished_s";

    private static StragglerTrace Read(string text) => StragglerTraceReader.Read(new StringReader(text), "t.csv");

    private static InstanceFormatException Bad(string text) => Assert.Throws<InstanceFormatException>(() => Read(text));

    [Fact]
    public void Reads_durations_as_worker_finished_minus_worker_started()
    {
        var t = Read(Header + "\n0,0,10,20,1.0,1.5\n0,1,10,20,3.0,4.25\n1,1,20,30,2,2.5\n1,0,20,30,0,0.75\n");
        Assert.Equal(2, t.Rounds);
        Assert.Equal(2, t.Workers);
        Assert.Equal(0.5, t[0, 0], 12);
        Assert.Equal(1.25, t[0, 1], 12);
        Assert.Equal(0.75, t[1, 0], 12);
        Assert.Equal(0.5, t[1, 1], 12);
    }

    [Fact]
    public void Columns_may_come_in_any_order()
    {
        var t = Read("worker,round,worker_finished_s,worker_started_s,round_started_s,round_finished_s\n0,0,2,1,0,3\n");
        Assert.Equal(1.0, t[0, 0], 12);
    }

    [Theory]
    [InlineData("", 1, "header")]
    [InlineData("round,worker,round_started_s,round_finished_s,worker_started_s\n0,0,1,2,3\n", 1, "worker_finished_s")]
    [InlineData(Header + "\n", 1, "at least one data row")]
    [InlineData(Header + "\n0,0,1,2,abc,4\n", 2, "worker_started_s: a number")]
    [InlineData(Header + "\n0,0,1,2,3,NaN\n", 2, "worker_finished_s: a number")]
    [InlineData(Header + "\n0,0,1,2,-3,4\n", 2, "non-negative")]
    [InlineData(Header + "\n0,0,1,2,5,4\n", 2, "worker_finished_s >= worker_started_s")]
    [InlineData(Header + "\nx,0,1,2,3,4\n", 2, "round: a non-negative integer")]
    [InlineData(Header + "\n0,-1,1,2,3,4\n", 2, "worker: a non-negative integer")]
    [InlineData(Header + "\n0,0,1,2,3,4\n0,1,1,2,3,4\n1,0,1,2,3,4\n1,1,1,2,3,4\n0,2,1,2,3,4\n", 6, "rounds in order")]
    [InlineData(Header + "\n0,0,1,2,3,4\n2,0,1,2,3,4\n", 3, "without gaps")]
    [InlineData(Header + "\n0,0,1,2,3,4\n0,1,1,2,3,4\n1,0,1,2,3,4\n", 5, "inconsistent worker count")]
    [InlineData(Header + "\n0,0,1,2,3,4\n0,1,1,2,3,4\n1,0,1,2,3,4\n1,2,1,2,3,4\n", 5, "inconsistent worker count")]
    [InlineData(Header + "\n0,0,1,2,3,4\n0,0,1,2,3,4\n", 3, "once per round")]
    [InlineData(Header + "\n0,0,1,2,3,4\n0,2,1,2,3,4\n", 4, "without gaps")]
    [InlineData(Header + "\n0,0,1,2,3\n", 2, "6 fields")]
    [InlineData(Header + "\n0,0,1,2,3,4\n\n", 3, "blank line")]
    public void Malformed_traces_are_reported_with_file_line_and_expectation(string text, long line, string expected)
    {
        var e = Bad(text);
        Assert.Equal("t.csv", e.SourceName);
        Assert.Equal(line, e.Line);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Arbitrary_bytes_give_only_format_errors()
    {
        var rng = new Rng(99);
        for (int k = 0; k < 300; k++)
        {
            var chars = new char[rng.NextInt(0, 200)];
            const string alphabet = "0123456789,.-\n\"e rowkx_";
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[rng.NextInt(alphabet.Length)];
            string text = (k % 2 == 0 ? Header + "\n" : "") + new string(chars);
            try { Read(text); }
            catch (InstanceFormatException) { }
        }
    }

    [SkippableFact]
    public void Real_trace_reproduces_the_specs_statistics()
    {
        // Spec §5: the stored 30-round batch-2048 Canada load-0 trace, mu = 1: 12.8 stragglers per round on average,
        // max 58, burst lengths 1:315, 2:27, 3:2, 4:2, min 0.542 s, max 2.25 s.
        string file = SharedData.Require("straggler-traces/cnn_profile_est_desktop_long__w256-n30-l0_000-b2048-Canada.csv");
        using var reader = new StreamReader(file);
        var t = StragglerTraceReader.Read(reader, file);
        Assert.Equal(30, t.Rounds);
        Assert.Equal(256, t.Workers);
        var p = t.DerivePattern(1.0);
        int total = 0, max = 0;
        for (int r = 0; r < p.Rounds; r++) { total += p.CountInRound(r); max = Math.Max(max, p.CountInRound(r)); }
        Assert.Equal(12.8, total / 30.0, 1);
        Assert.Equal(58, max);
        var bursts = new int[31];
        for (int i = 0; i < 256; i++)
            for (int r = 0; r < 30; r++)
                if (p[r, i] && (r == 0 || !p[r - 1, i]))
                {
                    int len = 0;
                    while (r + len < 30 && p[r + len, i]) len++;
                    bursts[len]++;
                }
        Assert.Equal([315, 27, 2, 2], bursts[1..5]);
        double min = double.MaxValue, mx = 0;
        for (int r = 0; r < 30; r++) { min = Math.Min(min, t.Min(r)); mx = Math.Max(mx, t.Max(r)); }
        Assert.Equal(0.542, min, 3);
        Assert.Equal(2.25, mx, 2);
    }

    [Fact]
    public void A_generated_trace_written_in_the_trace_format_reads_back_identically()
    {
        var g = new OnlineAlgos.GradientCoding.Generators.SyntheticTraceGenerator().Generate(8, 5, 0, new Rng(1));
        var sb = new System.Text.StringBuilder(Header + "\n");
        for (int r = 0; r < 5; r++)
            for (int i = 0; i < 8; i++)
                sb.Append(System.FormattableString.Invariant($"{r},{i},0,10,1,{1 + g[r, i]:R}\n"));
        var t = Read(sb.ToString());
        for (int r = 0; r < 5; r++) for (int i = 0; i < 8; i++) Assert.Equal(g[r, i], t[r, i], 12);
    }

    /// <summary>Every shipped trace reads cleanly (skipped without ../shared/data; it used to loop zero times and pass).</summary>
    [SkippableFact]
    public void All_shipped_traces_read_cleanly()
    {
        string dir = SharedData.Require("straggler-traces");
        var files = Directory.GetFiles(dir, "*.csv");
        Assert.True(files.Length >= 30, $"trace folder {dir} holds only {files.Length} traces");
        foreach (var f in files)
        {
            using var reader = new StreamReader(f);
            var t = StragglerTraceReader.Read(reader, f);
            Assert.Equal(256, t.Workers);
            Assert.InRange(t.Rounds, 10, 30);
        }
    }

    [Fact]
    public void Pattern_derivation_uses_the_strict_one_plus_mu_times_fastest_rule()
    {
        var t = new StragglerTrace(1, 4, [1.0, 2.0, 2.0000001, 3.5]);
        var p = t.DerivePattern(1.0);
        Assert.Equal([false, false, true, true], p.Round(0).ToArray());
        Assert.Equal([false, true, true, true], t.DerivePattern(0.5).Round(0).ToArray());
    }
}
