using System.Globalization;
using Xunit;

namespace OnlineAlgos.Cli.Tests.Search;

/// <summary><c>check &lt;family&gt;</c> and the search mode of <c>worst-case &lt;family&gt;</c>, end to end: exit codes,
/// the counterexample file, and the printed replay command run through the same CLI reproducing both costs.</summary>
public class CheckCommandTests : CliTestBase
{
    private static readonly string[] Separator = [" "];

    // Runs the printed "replay: onlinealgos ..." line through the CLI (the command is ours, so splitting on spaces is safe).
    private static (int Code, string Out, string Err) Replay(string output)
    {
        string line = output.Split('\n').Single(l => l.StartsWith("replay: onlinealgos ", StringComparison.Ordinal));
        return Run(line["replay: onlinealgos ".Length..].Split(Separator, StringSplitOptions.RemoveEmptyEntries));
    }

    private static (string Alg, string Opt) Costs(string output)
    {
        string line = output.Split('\n')[0];
        string alg = line[(line.IndexOf("ALG = ", StringComparison.Ordinal) + 6)..line.IndexOf(", OPT", StringComparison.Ordinal)];
        string opt = line[(line.IndexOf("OPT = ", StringComparison.Ordinal) + 6)..line.IndexOf(", bound", StringComparison.Ordinal)];
        return (alg, opt);
    }

    [Theory]
    [InlineData("lru", "2.5")]
    [InlineData("mru", "3")]
    public void A_false_paging_claim_exits_1_with_a_counterexample_whose_replay_gives_the_same_costs(string algorithm, string ratio)
    {
        string ce = Path.Combine(Dir, "ce.txt");
        var (code, o, e) = Run("check", "paging", "--algorithm", algorithm, "--ratio", ratio, "--k", "3", "--out", ce);
        Assert.True(code == 1, o + e);
        Assert.StartsWith($"{algorithm} violates ALG <= ", o);
        Assert.True(System.IO.File.Exists(ce));
        Assert.Contains("# k=3", System.IO.File.ReadAllText(ce));
        var (alg, opt) = Costs(o);
        var (rc, csv, err) = Replay(o);
        Assert.True(rc == 0, err);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("algorithm,k,requests,faults", rows[0]);
        Assert.EndsWith("," + alg, rows[1]);
        Assert.StartsWith(algorithm + ",3,", rows[1]);
        Assert.EndsWith("," + opt, rows[2]);
        Assert.StartsWith("belady,3,", rows[2]);
        Assert.True(long.Parse(alg, CultureInfo.InvariantCulture) > double.Parse(ratio, CultureInfo.InvariantCulture) * long.Parse(opt, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Moe_weak_duality_holds_and_a_stronger_claim_fails_with_a_replayable_batch()
    {
        var (code, o, e) = Run("check", "moe", "--algorithm", "alf-lb", "--ratio", "1", "--budget", "200");
        Assert.True(code == 0, o + e);
        Assert.StartsWith("no violation of ALG >= 1*OPT for alf-lb: 300 random instances, then ", o);

        string ce = Path.Combine(Dir, "ce.csv");
        (code, o, e) = Run("check", "moe", "--algorithm", "alf-lb", "--ratio", "1.05", "--steps", "10", "--out", ce);
        Assert.True(code == 1, o + e);
        Assert.StartsWith("alf-lb violates ALG >= 21/20*OPT: ", o);
        Assert.StartsWith("# moe instance:", System.IO.File.ReadAllText(ce));
        var (alg, opt) = Costs(o);
        var (rc, csv, err) = Replay(o);
        Assert.True(rc == 0, err);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("algorithm,steps,min_dual,optimum", rows[0]);
        var cols = rows[1].Split(',');
        Assert.Equal(["alf-lb", "10"], cols[..2]);
        double dual = double.Parse(cols[2], CultureInfo.InvariantCulture), best = double.Parse(cols[3], CultureInfo.InvariantCulture);
        Assert.Equal(double.Parse(alg, CultureInfo.InvariantCulture), dual, 9);
        Assert.Equal(double.Parse(opt, CultureInfo.InvariantCulture), best, 9);
        Assert.True(dual >= best - 1e-9 && dual < 1.05 * best);
    }

    [Fact]
    public void A_true_paging_claim_exits_0_and_says_what_it_tried()
    {
        var (code, o, e) = Run("check", "paging", "--algorithm", "lru", "--ratio", "3", "--k", "3", "--budget", "500");
        Assert.True(code == 0, o + e);
        Assert.StartsWith("no violation of ALG <= 3*OPT for lru: 300 random instances, then ", o);
        Assert.Contains("search evaluations", o);
    }

    [Fact]
    public void The_same_seed_gives_the_same_counterexample()
    {
        string a = Path.Combine(Dir, "a.txt"), b = Path.Combine(Dir, "b.txt");
        Assert.Equal(1, Run("check", "paging", "--algorithm", "mru", "--ratio", "3", "--k", "2", "--seed", "7", "--out", a).Code);
        Assert.Equal(1, Run("check", "paging", "--algorithm", "mru", "--ratio", "3", "--k", "2", "--seed", "7", "--out", b).Code);
        Assert.Equal(System.IO.File.ReadAllText(a), System.IO.File.ReadAllText(b));
    }

    [Fact]
    public void A_false_scheduling_claim_replays_through_scheduling_run()
    {
        string ce = Path.Combine(Dir, "ce.json");
        var (code, o, e) = Run("check", "scheduling", "--algorithm", "fifo", "--ratio", "1", "--out", ce);
        Assert.True(code == 1, o + e);
        var (alg, opt) = Costs(o);
        var (rc, csv, err) = Replay(o);
        Assert.True(rc == 0, err);
        var row = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith("fifo,", StringComparison.Ordinal)).Split(',');
        // scheduling run prints the total flow time and the ratio to OPT as decimals; the check's costs are exact
        // (the generator's shrinker halves sizes, so they can be long fractions): compare ALG and ALG/OPT numerically.
        var a = OnlineAlgos.Core.Rational.Parse(alg, CultureInfo.InvariantCulture);
        var p = OnlineAlgos.Core.Rational.Parse(opt, CultureInfo.InvariantCulture);
        Assert.Equal(a.ToDouble(), double.Parse(row[1], CultureInfo.InvariantCulture), 6);
        Assert.Equal((a / p).ToDouble(), double.Parse(row[2], CultureInfo.InvariantCulture), 6);
        Assert.True(a > p);
    }

    [Fact]
    public void Bad_options_are_usage_errors_with_one_clear_line()
    {
        var (code, _, e) = Run("check", "paging", "--algorithm", "nope", "--ratio", "2");
        Assert.Equal(2, code);
        Assert.Contains("unknown paging algorithm 'nope'", e);
        (code, _, e) = Run("check", "paging", "--algorithm", "lru", "--ratio", "two");
        Assert.Equal(2, code);
        Assert.Contains("--ratio expects a number", e);
        (code, _, e) = Run("check", "paging", "--algorithm", "lru", "--ratio", "2", "--budget", "-1");
        Assert.Equal(2, code);
        (code, _, e) = Run("check", "paging", "--algorithm", "belady", "--ratio", "1");
        Assert.Equal(2, code);
        Assert.Contains("offline benchmark", e);
        (code, _, _) = Run("check", "paging", "--algorithm", "lru");
        Assert.Equal(2, code); // --ratio is required
    }

    [Fact]
    public void Worst_case_paging_search_prints_csv_and_writes_a_witness_that_replays_to_the_ratio()
    {
        string w = Path.Combine(Dir, "w.txt");
        var (code, o, e) = Run("worst-case", "paging", "--algorithm", "lru", "--k", "2", "--budget", "800", "--out", w);
        Assert.True(code == 0, o + e);
        var rows = o.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("algorithm,ratio,evaluations,witness", rows[0]);
        var f = rows[1].Split(',');
        Assert.Equal("lru", f[0]);
        double ratio = double.Parse(f[1], CultureInfo.InvariantCulture);
        Assert.InRange(ratio, 1.5, 2); // LRU is exactly 2-competitive at k = 2
        Assert.Equal(w, f[3]);
        var (rc, csv, _) = Run("paging", "run", "--trace", w, "--k", "2", "--algorithms", "lru,belady");
        Assert.Equal(0, rc);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        double alg = double.Parse(lines[1].Split(',')[3], CultureInfo.InvariantCulture), opt = double.Parse(lines[2].Split(',')[3], CultureInfo.InvariantCulture);
        Assert.Equal(ratio, alg / opt, 12);
    }

    [Fact]
    public void Worst_case_scheduling_search_finds_fifo_far_from_opt()
    {
        string w = Path.Combine(Dir, "s.json");
        var (code, o, e) = Run("worst-case", "scheduling", "--algorithm", "fifo", "--budget", "300", "--out", w);
        Assert.True(code == 0, o + e);
        var f = o.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(',');
        Assert.Equal("fifo", f[0]);
        Assert.True(double.Parse(f[1], CultureInfo.InvariantCulture) > 1.5, o);
        Assert.True(System.IO.File.Exists(w));
    }
}
