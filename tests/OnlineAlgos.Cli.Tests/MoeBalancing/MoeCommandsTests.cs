using OnlineAlgos.Cli;
using OnlineAlgos.MoeBalancing.Formats;
using OnlineAlgos.MoeBalancing.Model;
using Xunit;

namespace OnlineAlgos.Cli.Tests.MoeBalancing;

public sealed class MoeCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "moe-cli-" + Guid.NewGuid().ToString("N"));

    public MoeCommandsTests() => Directory.CreateDirectory(_dir);
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, new CliContext(o, e, interactive: false));
        return (code, o.ToString(), e.ToString());
    }

    private string File(string name, string text)
    {
        string p = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void Optimum_Csv_HandChecked_WithPrices()
    {
        string f = File("s.csv", "token,e0,e1,e2\n0,5,4,0\n1,5,0,4\n2,5,3,3\n");
        var (code, output, _) = Run("moe", "optimum", "--scores", f, "--top-k", "1", "--prices");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,value", lines[0]);
        Assert.Equal("optimum,13", lines[1]);
        Assert.Equal("top_k_bound,15", lines[2]);
        Assert.Equal("expert_choice_bound,13", lines[3]);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("price_0,", lines[4], StringComparison.Ordinal);
        // The printed prices certify the optimum: D(p) = 13.
        var p = lines[4..].Select(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var s = ScoreMatrix.FromRows(new[] { new[] { 5.0, 4, 0 }, new[] { 5.0, 0, 4 }, new[] { 5.0, 3, 3 } }, 3);
        Assert.Equal(13.0, BalanceMetrics.DualFunction(s, p, 1, 1), 6);
    }

    [Fact]
    public void Optimum_Npy_3D_ConcatenatesBatches_AndCapacityOption()
    {
        string f = Path.Combine(_dir, "s.npy");
        using (var fs = System.IO.File.Create(f))
            NpyScoreWriter.Write(fs, new[] { ScoreMatrix.FromRows(new[] { new[] { 1.0, 0 } }, 2), ScoreMatrix.FromRows(new[] { new[] { 2.0, 0 } }, 2) }, float32: true);
        var (code, output, _) = Run("moe", "optimum", "--scores", f, "--top-k", "1");
        Assert.Equal(0, code);
        Assert.Contains("optimum,2\n", output, StringComparison.Ordinal); // C = 1: 2 + 0
        (code, output, _) = Run("moe", "optimum", "--scores", f, "--top-k", "1", "--capacity", "2");
        Assert.Equal(0, code);
        Assert.Contains("optimum,3\n", output, StringComparison.Ordinal);
        (code, output, _) = Run("moe", "optimum", "--scores", f, "--top-k", "1", "--batch", "1");
        Assert.Contains("optimum,2\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token,e0,e1\n0,1,NaN\n", new[] { "--top-k", "1" }, "finite", 1)]
    [InlineData("token,e0,e1\n0,1,Infinity\n", new[] { "--top-k", "1" }, "finite", 1)]
    [InlineData("token,e0,e1\n0,1\n", new[] { "--top-k", "1" }, "3 fields", 1)]
    [InlineData("token,e0,e1\n0,1,2\n", new[] { "--top-k", "3" }, "exceeds", 2)]
    [InlineData("token,e0,e1\n0,1,2\n", new[] { "--top-k", "0" }, "at least 1", 2)]
    [InlineData("token,e0,e1\n0,1,2\n", new[] { "--top-k", "-2" }, "at least 1", 2)]
    [InlineData("token,e0,e1\n0,1,2\n", new[] { "--top-k", "1", "--capacity", "-1" }, ">= 0", 2)]
    [InlineData("token,e0,e1\n0,1,2\n1,1,2\n1,1,2\n", new[] { "--top-k", "1", "--capacity", "1" }, "token 2", 1)]
    [InlineData("token,e0,e1\n0,1,2\n1,1,2\n2,1,2\n", new[] { "--top-k", "1", "--capacity", "1" }, "infeasible", 2)]
    [InlineData("token,e0,e1\n0,1,2\n", new[] { "--top-k", "x" }, "integer", 2)]
    public void Optimum_BadInput_ClearErrorNonZeroExitNoOutput(string text, string[] extra, string expected, int exitCode)
    {
        // exit 1: the file is bad; exit 2: the command line is (FORMATS.md)
        string f = File("bad.csv", text);
        var (code, output, err) = Run(new[] { "moe", "optimum", "--scores", f }.Concat(extra).ToArray());
        Assert.Equal(exitCode, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimum_MissingFileAndBadNpy()
    {
        var (code, _, err) = Run("moe", "optimum", "--scores", Path.Combine(_dir, "none.csv"), "--top-k", "1");
        Assert.Equal(1, code); // input error
        Assert.Contains("no such file", err, StringComparison.Ordinal);
        string f = File("x.npy", "not numpy at all");
        (code, _, err) = Run("moe", "optimum", "--scores", f, "--top-k", "1");
        Assert.Equal(1, code);
        Assert.Contains("magic", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_PrintsTheContractHeader_AndOneRowPerStep()
    {
        var (code, output, _) = Run("moe", "simulate", "--experts", "8", "--top-k", "2", "--tokens", "64", "--steps", "20", "--gap-every", "10", "--seed", "3");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("step,maxvio,idle_experts,objective,gap_to_opt", lines[0], StringComparison.Ordinal);
        Assert.Equal(21, lines.Length);
        Assert.Equal("", lines[1].Split(',')[4]);
        Assert.NotEqual("", lines[10].Split(',')[4]);
        Assert.Equal(output, Run("moe", "simulate", "--experts", "8", "--top-k", "2", "--tokens", "64", "--steps", "20", "--gap-every", "10", "--seed", "3").Out);
        foreach (var b in OnlineAlgos.Cli.Commands.MoeCommands.Balancers)
            Assert.Equal(0, Run("moe", "simulate", "--experts", "8", "--top-k", "2", "--tokens", "32", "--steps", "3", "--balancer", b).Code);
        foreach (var g in OnlineAlgos.Cli.Commands.MoeCommands.GeneratorNames)
            Assert.Equal(0, Run("moe", "simulate", "--experts", "8", "--top-k", "2", "--tokens", "32", "--steps", "3", "--generator", g).Code);
    }

    /// <summary>
    /// --groups/--top-groups select group-limited routing and print the same CSV columns. Keeping every group (M = G)
    /// prints plain top-K's rows (dual up to rounding: D(p) is evaluated directly there); keeping 1 of 8 groups
    /// changes the loads (idle experts: at most M·E/G = 2 of 16 experts can be used by a token, and the MaxVio rises).
    /// </summary>
    [Fact]
    public void Simulate_GroupLimited_SameCsvColumns_AllGroupsKeptEqualsPlain()
    {
        string[] common = { "moe", "simulate", "--experts", "16", "--top-k", "2", "--tokens", "64", "--steps", "30", "--seed", "5" };
        var plain = Run(common);
        var all = Run(common.Concat(new[] { "--groups", "4", "--top-groups", "4" }).ToArray());
        var few = Run(common.Concat(new[] { "--groups", "8", "--top-groups", "1", "--balancer", "top-k" }).ToArray());
        var plainTopK = Run(common.Concat(new[] { "--balancer", "top-k" }).ToArray());
        Assert.Equal((0, 0, 0), (plain.Code, all.Code, few.Code));
        string[] P(string o) => o.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (pl, al, fl, tl) = (P(plain.Out), P(all.Out), P(few.Out), P(plainTopK.Out));
        Assert.Equal("step,maxvio,idle_experts,objective,gap_to_opt,maxvio_global,dual,drop_rate", al[0]);
        Assert.Equal(pl[0], fl[0]);
        Assert.Equal(31, al.Length);
        Assert.Equal(31, fl.Length);
        for (int i = 1; i < pl.Length; i++)
        {
            var (a, b) = (pl[i].Split(','), al[i].Split(','));
            for (int c = 0; c < a.Length; c++)
            {
                if (c == 6)
                {
                    double da = double.Parse(a[c], System.Globalization.CultureInfo.InvariantCulture), db = double.Parse(b[c], System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(da - db) <= 1e-9 * Math.Max(1, Math.Abs(da)), $"row {i}: dual {da} vs {db}");
                }
                else Assert.Equal(a[c], b[c]);
            }
        }
        // Plain top-K and 1-of-8-groups top-K see the same batches (same seed) but route differently.
        double MaxVio(string row) => double.Parse(row.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(Enumerable.Range(1, 30), i => MaxVio(fl[i]) != MaxVio(tl[i]));
        // The dual column is D(p) = D(0) = UB_topK for a zero bias, whatever the routing.
        double Dual(string row) => double.Parse(row.Split(',')[6], System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(Enumerable.Range(1, 30), i => Assert.True(Math.Abs(Dual(tl[i]) - Dual(fl[i])) <= 1e-9 * Math.Abs(Dual(tl[i]))));
    }

    [Theory]
    [InlineData(new[] { "--rate", "0" }, "--rate must be > 0")]
    [InlineData(new[] { "--rate", "-0.001" }, "--rate must be > 0")]
    [InlineData(new[] { "--rate", "NaN" }, "finite number")]
    [InlineData(new[] { "--top-k", "9", "--experts", "8" }, "exceeds")]
    [InlineData(new[] { "--top-k", "0" }, "at least 1")]
    [InlineData(new[] { "--experts", "0" }, "--experts must be at least 1")]
    [InlineData(new[] { "--balancer", "magic" }, "--balancer: unknown moe algorithm 'magic'; known: alf-lb, alf-lb-zero-mean, alf-lb-annealed, proportional, ogd, multiplicative, aux-loss, top-k, capacity-probs, capacity-position, expert-choice, optimum, hindsight")]
    [InlineData(new[] { "--generator", "magic" }, "--generator: unknown moe generator 'magic'; known: iid, zipf, zipf-logit, topics, drift, change-point, drift-walk, identical, superstar, binary")]
    [InlineData(new[] { "--schedule", "magic" }, "unknown schedule")]
    [InlineData(new[] { "--capacity-factor", "0" }, "capacity-factor")]
    [InlineData(new[] { "--seed", "-1" }, "--seed")]
    [InlineData(new[] { "--groups", "8" }, "--groups and --top-groups go together")]
    [InlineData(new[] { "--top-groups", "4" }, "--groups and --top-groups go together")]
    [InlineData(new[] { "--groups", "3", "--top-groups", "1" }, "--groups 3 does not divide --experts 64")]
    [InlineData(new[] { "--groups", "0", "--top-groups", "1" }, "--groups must be at least 1, got 0")]
    [InlineData(new[] { "--groups", "x", "--top-groups", "1" }, "--groups expects an integer, got 'x'")]
    [InlineData(new[] { "--groups", "8", "--top-groups", "0" }, "--top-groups must be at least 1, got 0")]
    [InlineData(new[] { "--groups", "8", "--top-groups", "9" }, "--top-groups 9 exceeds --groups 8")]
    [InlineData(new[] { "--groups", "64", "--top-groups", "4" }, "--top-k 8 exceeds the 4 experts of the 4 kept groups")]
    [InlineData(new[] { "--groups", "8", "--top-groups", "4", "--balancer", "multiplicative" }, "does not apply to --balancer multiplicative")]
    [InlineData(new[] { "--groups", "8", "--top-groups", "4", "--balancer", "expert-choice" }, "does not apply to --balancer expert-choice")]
    public void Simulate_BadOptions_ClearErrorNonZeroExit(string[] extra, string expected)
    {
        var (code, output, err) = Run(new[] { "moe", "simulate", "--tokens", "16", "--steps", "2" }.Concat(extra).ToArray());
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>--generator drift</c> is the studies' change-point drift (popularity re-drawn every 250 steps), and the random
    /// walk the CLI used to call <c>drift</c> is <c>drift-walk</c>: each prints exactly the MaxVio column of a run built
    /// here from the generator classes directly (the CLI's seed handling: setup draws from the first split).
    /// </summary>
    [Theory]
    [InlineData("drift", true)]
    [InlineData("drift-walk", false)]
    public void Simulate_DriftNames_AreTheRegistryGenerators(string name, bool changePoint)
    {
        const int e = 8, k = 2, t = 32, steps = 300;
        var (code, output, _) = Run("moe", "simulate", "--experts", "8", "--top-k", "2", "--tokens", "32", "--steps", "300", "--generator", name, "--seed", "4");
        Assert.Equal(0, code);
        var rng = new OnlineAlgos.Core.Rng(4);
        var inner = new OnlineAlgos.MoeBalancing.Generators.ZipfGumbelGenerator(e, 1.0, rng.Split());
        var gen = changePoint
            ? new OnlineAlgos.MoeBalancing.Generators.DriftGenerator(inner, OnlineAlgos.MoeBalancing.Generators.DriftMode.ChangePoint, period: 250)
            : new OnlineAlgos.MoeBalancing.Generators.DriftGenerator(inner, OnlineAlgos.MoeBalancing.Generators.DriftMode.RandomWalk, 0.05);
        var metrics = OnlineAlgos.MoeBalancing.Online.MoeSimulator.Run(gen, new OnlineAlgos.MoeBalancing.Online.AlfLbBalancer(e, 0.001),
            new OnlineAlgos.MoeBalancing.Online.SimulationSettings(t, k, steps), rng);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(steps + 1, lines.Length);
        for (int i = 0; i < steps; i++)
            Assert.Equal(metrics[i].MaxVio.ToString("R", System.Globalization.CultureInfo.InvariantCulture), lines[i + 1].Split(',')[1]);
    }
}
