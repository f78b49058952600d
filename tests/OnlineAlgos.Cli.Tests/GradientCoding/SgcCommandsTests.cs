using OnlineAlgos.Cli;
using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Generators;
using Xunit;

namespace OnlineAlgos.Cli.Tests.GradientCoding;

public class SgcCommandsTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, new CliContext(o, e, false));
        return (code, o.ToString(), e.ToString());
    }

    private static string WriteTrace(int n, int rounds, ulong seed)
    {
        var t = new SyntheticTraceGenerator().Generate(n, rounds, 0, new Rng(seed));
        var sb = new System.Text.StringBuilder("round,worker,round_started_s,round_finished_s,worker_started_s,worker_finished_s\n");
        for (int r = 0; r < rounds; r++)
            for (int i = 0; i < n; i++)
                sb.Append(FormattableString.Invariant($"{r},{i},{r * 10},{r * 10 + 5},100,{100 + t[r, i]:R}\n"));
        string path = Path.Combine(Path.GetTempPath(), $"sgc-cli-{n}-{rounds}-{seed}-{Environment.ProcessId}.csv");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    [Fact]
    public void Design_prints_the_formats_header_and_exact_loads()
    {
        var (code, output, err) = Run("sgc", "design", "--n", "256", "--B", "1", "--W", "2", "--lambda", "27");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("scheme,n,B,W,lambda,s,T,load", lines[0]);
        Assert.Equal("gc,256,1,2,27,27,0,0.109375", lines[1]);
        Assert.Equal("sr-sgc,256,1,2,27,14,1,0.05859375", lines[2]);
        Assert.StartsWith("m-sgc,256,1,2,27,,1,0.00754310344827", lines[3]);
        Assert.StartsWith("lower-bound,256,1,2,27,,,0.0041237", lines[4]);
        Assert.Contains("mini-task", err);
    }

    [Theory]
    [InlineData(new[] { "--n", "256", "--B", "2", "--W", "4", "--lambda", "27" }, "B | W-1")]
    [InlineData(new[] { "--n", "8", "--B", "1", "--W", "2", "--lambda", "8" }, "lambda <= n-1")]
    [InlineData(new[] { "--n", "8", "--B", "2", "--W", "2", "--lambda", "3" }, "B must satisfy")]
    [InlineData(new[] { "--n", "x", "--B", "1", "--W", "2", "--lambda", "3" }, "--n expects an integer")]
    [InlineData(new[] { "--n", "1", "--B", "1", "--W", "2", "--lambda", "1", "--schemes", "sr-sgc" }, "n-1")]
    [InlineData(new[] { "--n", "8", "--B", "1", "--W", "2", "--lambda", "3", "--schemes", "foo" }, "unknown sgc algorithm 'foo'; known: uncoded, gc, sr-sgc, m-sgc, clairvoyant-lp, lower-bound")]
    public void Design_rejects_parameters_that_violate_a_schemes_conditions(string[] args, string expected)
    {
        var (code, output, err) = Run(["sgc", "design", .. args]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(expected, err);
    }

    [Fact]
    public void Replay_prints_one_row_per_scheme_and_every_job_decodes()
    {
        string path = WriteTrace(64, 20, 3);
        try
        {
            var (code, output, err) = Run("sgc", "replay", "--trace", path, "--gc-s", "7", "--sr-sgc", "1,2,8", "--m-sgc", "1,2,9", "--kappa", "2.2");
            Assert.True(code == 0, err);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("scheme,params,load,runtime_s,jobs,decoded_on_time", lines[0]);
            Assert.Equal(5, lines.Length);
            Assert.StartsWith("gc,n=64;s=7,0.125,", lines[1]);
            Assert.StartsWith("sr-sgc,n=64;B=1;W=2;lambda=8;s=4;T=1,", lines[2]);
            Assert.StartsWith("m-sgc,n=64;B=1;W=2;lambda=9;T=1,", lines[3]);
            Assert.StartsWith("uncoded,n=64,0.015625,", lines[4]);
            foreach (var l in lines[1..]) Assert.EndsWith(",19,19", l); // J = 20 - 1, all on time
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Replay_with_search_picks_parameters_from_the_grid()
    {
        string path = WriteTrace(16, 12, 4);
        try
        {
            var (code, output, err) = Run("sgc", "replay", "--trace", path, "--search", "--schemes", "gc,m-sgc");
            Assert.True(code == 0, err);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            Assert.EndsWith(",8,8", lines[1]); // J = 12 - T_max 4
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Replay_reports_bad_input_clearly()
    {
        string bad = Path.Combine(Path.GetTempPath(), $"sgc-bad-{Environment.ProcessId}.csv");
        File.WriteAllText(bad, "round,worker,round_started_s,round_finished_s,worker_started_s,worker_finished_s\n0,0,1,2,3,-4\n");
        string good = WriteTrace(8, 6, 5);
        try
        {
            var r1 = Run("sgc", "replay", "--trace", bad);
            Assert.Equal(1, r1.Code); // input error
            Assert.Contains(bad, r1.Err);
            Assert.Contains("line 2", r1.Err);
            Assert.Equal("", r1.Out);
            var r2 = Run("sgc", "replay", "--trace", "/nonexistent/x.csv");
            Assert.Equal(1, r2.Code); // input error
            Assert.Contains("no such file", r2.Err);
            var r3 = Run("sgc", "replay", "--trace", good); // paper defaults need n >= 16
            Assert.Equal(2, r3.Code);
            Assert.Contains("--gc-s", r3.Err);
            var r4 = Run("sgc", "replay", "--trace", good, "--schemes", "sr-sgc", "--sr-sgc", "2,4,3");
            Assert.Equal(2, r4.Code);
            Assert.Contains("B | W-1", r4.Err);
            var r5 = Run("sgc", "replay", "--trace", good, "--schemes", "uncoded", "--mu", "-1");
            Assert.Equal(2, r5.Code);
            Assert.Contains("--mu", r5.Err);
            var r6 = Run("sgc", "replay", "--trace", good, "--schemes", "gc", "--gc-s", "2", "--jobs", "7");
            Assert.Equal(2, r6.Code);
            Assert.Contains("needs 7 rounds", r6.Err);
            var r7 = Run("sgc", "replay", "--trace", good, "--schemes", "gcx");
            Assert.Equal(2, r7.Code);
            Assert.Contains("unknown sgc algorithm", r7.Err);
        }
        finally { File.Delete(bad); File.Delete(good); }
    }
}
