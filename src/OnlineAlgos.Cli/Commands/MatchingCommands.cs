using System.CommandLine;
using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Formats;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;
using OnlineAlgos.Matching.Online;

namespace OnlineAlgos.Cli.Commands;

/// <summary>
/// <c>matching solve</c>: LP bound, exact online optimum, offline optimum and every algorithm's expected value of an
/// instance file, as CSV <c>name,value,stderr,method</c> (FORMATS.md); ratios and skipped-value reasons on stderr.
/// <c>matching generate</c>: writes a generated instance (random families or §3.4 families) as JSON.
/// </summary>
public static class MatchingCommands
{
    /// <summary>The <c>matching</c> command group.</summary>
    public static Command Create(CliContext ctx)
    {
        var matching = new Command("matching", "online Bayesian bipartite matching");
        matching.Subcommands.Add(Solve(ctx));
        matching.Subcommands.Add(Generate(ctx));
        return matching;
    }

    private static ulong ParseSeed(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) ? v
            : throw new CliException($"--seed expects an unsigned 64-bit integer, got '{text}'");

    private static Command Solve(CliContext ctx)
    {
        var cmd = new Command("solve", "LP value, online optimum, offline optimum and each algorithm's expected value; CSV on stdout: name,value,stderr,method");
        var instance = new Option<string>("--instance") { Description = "instance file (onlinealgos.matching/1 JSON)", Required = true };
        var samples = new Option<int>("--samples") { Description = "Monte Carlo samples when a value cannot be computed exactly", DefaultValueFactory = _ => 20000 };
        var seed = new Option<string>("--seed") { Description = "seed of Monte Carlo estimates and price sampling", DefaultValueFactory = _ => "1" };
        var maxDp = new Option<int>("--max-dp-nodes") { Description = "largest connected component (offline nodes) for the exact online-optimum DP", DefaultValueFactory = _ => OnlineOptimum.DefaultMaxComponentNodes };
        var requireExact = new Option<bool>("--require-exact") { Description = "fail instead of skipping when the online optimum cannot be computed exactly" };
        var lpIterations = new Option<long?>("--lp-max-iterations") { Description = "GLOP iteration limit (the command fails if GLOP stops before optimality)" };
        foreach (var o in new Option[] { instance, samples, seed, maxDp, requireExact, lpIterations }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            int n = r.GetValue(samples);
            if (n < 2) throw new CliException($"--samples must be at least 2, got {n}");
            int dpLimit = r.GetValue(maxDp);
            if (dpLimit is < 0 or > 26) throw new CliException($"--max-dp-nodes must be in 0..26, got {dpLimit}");
            long? iterations = r.GetValue(lpIterations);
            if (iterations is <= 0) throw new CliException($"--lp-max-iterations must be positive, got {iterations}");
            var rng = new Rng(ParseSeed(r.GetValue(seed)!));
            string path = r.GetValue(instance)!;
            MatchingInstance inst;
            using (var stream = CliContext.OpenInput(path))
                inst = MatchingJsonReader.Read(stream, path);
            var report = SolveAll(inst, path, rng, n, dpLimit, r.GetValue(requireExact), iterations);
            Print(ctx, report);
            return 0;
        });
        return cmd;
    }

    private sealed record SolveReport(LpSolution Lp, ValueEstimate Online, ValueEstimate Offline,
        IReadOnlyList<IOnlineMatchingAlgorithm> Algorithms, IReadOnlyList<ValueEstimate> Values, IReadOnlyList<string> Notes);

    // The benchmarks (LP, online optimum, offline optimum) and every registered online algorithm's expected value.
    private static SolveReport SolveAll(MatchingInstance inst, string path, Rng rng, int samples, int dpLimit, bool requireExact, long? iterations)
    {
        LpSolution x;
        try
        {
            x = PpswLinearProgram.Solve(inst, new LpSolveOptions(MaxIterations: iterations));
        }
        catch (SolverException e)
        {
            throw CliException.Input($"{path}: {e.Message}");
        }
        var notes = new List<string>();
        ValueEstimate online;
        try
        {
            online = new ValueEstimate(OnlineOptimum.Solve(inst, dpLimit), 0, EstimateMethod.Exact);
        }
        catch (SolverException e) when (e.Status == MatchingSolverStatus.TooLarge)
        {
            if (requireExact) throw CliException.Input($"{path}: {e.Message}");
            online = new ValueEstimate(double.NaN, double.NaN, EstimateMethod.Skipped);
            notes.Add("online_opt skipped: " + e.Message);
        }
        var offline = OfflineOptimum.Solve(inst, rng.Split(), samples: Math.Max(2, samples / 5));
        var algs = MatchingAlgorithms.CreateOnline(new MatchingAlgorithmOptions(inst, x, rng.Split()));
        var values = inst.OfflineCount <= 64
            ? MatchingAlgorithms.Evaluate(inst, algs, rng.Split(), samples)
            : MonteCarloEvaluator.Evaluate(inst, algs, samples, rng.Split());
        return new SolveReport(x, online, offline, algs, values, notes);
    }

    // Everything is computed before anything is printed: CSV on stdout, notes and ratios on stderr.
    private static void Print(CliContext ctx, SolveReport report)
    {
        var (x, online, offline, algs, values) = (report.Lp, report.Online, report.Offline, report.Algorithms, report.Values);
        var lines = new List<string> { "name,value,stderr,method" };
        lines.Add(Row("lp", new ValueEstimate(x.Value, 0, EstimateMethod.Lp)));
        lines.Add(Row("online_opt", online));
        lines.Add(Row("offline_opt", offline));
        for (int a = 0; a < algs.Count; a++) lines.Add(Row(algs[a].Name, values[a]));
        foreach (var l in lines) ctx.Out.Write(l + "\n");
        foreach (var note in report.Notes) ctx.Error.WriteLine(note);
        for (int a = 0; a < algs.Count; a++)
        {
            string toOn = online.Method == EstimateMethod.Skipped || online.Value <= 0 ? "n/a" : F(values[a].Value / online.Value);
            string toLp = x.Value <= 0 ? "n/a" : F(values[a].Value / x.Value);
            string toOff = offline.Value <= 0 ? "n/a" : F(values[a].Value / offline.Value);
            ctx.Error.WriteLine($"{algs[a].Name}: ratio to online_opt {toOn}, to lp {toLp}, to offline_opt {toOff}");
        }
    }

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);

    private static string Row(string name, ValueEstimate v) => v.Method == EstimateMethod.Skipped
        ? $"{name},,,skipped"
        : string.Create(CultureInfo.InvariantCulture, $"{name},{v.Value:R},{v.StdErr:R},{v.MethodName}");

    private static Command Generate(CliContext ctx)
    {
        var cmd = new Command("generate", "write a generated instance as JSON on stdout");
        var family = new Option<string>("--family") { Description = "er, ba, geom, comp (random) or f1, f2, f3, f6, f7 (spec §3.4)", Required = true };
        var steps = new Option<int>("--steps") { Description = "T (random families)", DefaultValueFactory = _ => 10 };
        var offline = new Option<int>("--offline") { Description = "n (random families; f2/f3: n; f7: m)", DefaultValueFactory = _ => 6 };
        var param = new Option<double?>("--param") { Description = "er: edge probability (0.5); ba: b (4); geom: kept fraction (0.25); f1: eps (0.1); f2/f7: dw (0.01 / 1e-4); f6: W (10)" };
        var c = new Option<double>("--c") { Description = "f7: LP mass of the sure node", DefaultValueFactory = _ => 0.2761 };
        var arrivals = new Option<string>("--arrivals") { Description = "uniform, rare or certain", DefaultValueFactory = _ => "uniform" };
        var vertex = new Option<bool>("--vertex-weighted") { Description = "one weight per offline node" };
        var seed = new Option<string>("--seed") { Description = "generator seed", DefaultValueFactory = _ => "1" };
        foreach (var o in new Option[] { family, steps, offline, param, c, arrivals, vertex, seed }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            int T = r.GetValue(steps), n = r.GetValue(offline);
            if (T < 0 || n < 1 || T > 100000 || n > 100000) throw new CliException("--steps must be in 0..100000 and --offline in 1..100000");
            var arr = r.GetValue(arrivals) switch
            {
                "uniform" => ArrivalDistribution.Uniform,
                "rare" => ArrivalDistribution.Rare,
                "certain" => ArrivalDistribution.Certain,
                var s => throw new CliException($"--arrivals: unknown value '{s}'; known: uniform, rare, certain"),
            };
            var rng = new Rng(ParseSeed(r.GetValue(seed)!));
            double? p = r.GetValue(param);
            if (p is double pv) CheckParam(r.GetValue(family)!, pv);
            bool vw = r.GetValue(vertex);
            MatchingInstance inst;
            try
            {
            inst = r.GetValue(family) switch
            {
                "er" => RandomInstances.ErdosRenyi(rng, T, n, p ?? 0.5, arr, vw),
                "ba" => RandomInstances.BarabasiAlbert(rng, T, n, (int)(p ?? 4), true, arr, vw),
                "geom" => RandomInstances.Geometric(rng, T, n, p ?? 0.25, arr, vw),
                "comp" => RandomInstances.Complete(rng, T, n, arr, vw),
                "f1" => AdversarialFamilies.ProphetGap(p ?? 0.1),
                "f2" => AdversarialFamilies.PoissonTrap(n, p ?? 0.01),
                "f3" => AdversarialFamilies.OneShot(n),
                "f6" => AdversarialFamilies.GreedyTrap(p ?? 10),
                "f7" => AdversarialFamilies.SureNodeTrap(n, r.GetValue(c), p ?? 1e-4),
                var s => throw new CliException($"--family: unknown family '{s}'; known: er, ba, geom, comp, f1, f2, f3, f6, f7"),
            };
            }
            catch (ArgumentException e)
            {
                throw new CliException("invalid generator parameters: " + e.Message);
            }
            ctx.Out.Write(MatchingJsonWriter.ToText(inst));
            return 0;
        });
        return cmd;
    }

    /// <summary>Refuses a --param outside the family's domain (an edge probability of 2 used to give a complete graph
    /// silently; a fractional b was truncated).</summary>
    private static void CheckParam(string family, double v)
    {
        string? want = family switch
        {
            "er" when !(v >= 0 && v <= 1) => "an edge probability in [0,1]",
            "ba" when !(v >= 1 && v <= 100000 && v == Math.Floor(v)) => "b, an integer in 1..100000",
            "geom" when !(v > 0 && v <= 1) => "a kept fraction in (0,1]",
            "f1" when !(v > 0 && v <= 1) => "eps in (0,1]",
            "f2" or "f7" when !(v >= 0 && v < 1e6) => "dw, a finite number >= 0",
            "f6" when !(v > 0 && v < 1e300) => "W, a finite number > 0",
            "comp" or "f3" => "no --param (this family has none)",
            _ => null,
        };
        if (want != null)
            throw new CliException($"--param: family {family} takes {want}; got {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
