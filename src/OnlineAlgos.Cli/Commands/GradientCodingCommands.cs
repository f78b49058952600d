using System.CommandLine;
using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Formats;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Offline;
using OnlineAlgos.GradientCoding.Online;

namespace OnlineAlgos.Cli.Commands;

/// <summary><c>sgc replay</c> and <c>sgc design</c> (sequential gradient coding), CSV as in FORMATS.md.</summary>
public static class GradientCodingCommands
{
    /// <summary>The <c>sgc</c> command group.</summary>
    public static Command Create(CliContext ctx)
    {
        var sgc = new Command("sgc", "sequential gradient coding: replay schemes over measured straggler traces, design parameters");
        sgc.Subcommands.Add(Replay(ctx));
        sgc.Subcommands.Add(Design(ctx));
        return sgc;
    }

    private static Command Replay(CliContext ctx)
    {
        var cmd = new Command("replay", "runtime of each scheme replayed over a trace (spec §2.4); CSV: scheme,params,load,runtime_s,jobs,decoded_on_time");
        var o = new ReplayOptions();
        o.AddTo(cmd);
        cmd.SetAction(r => RunReplay(ctx, o, r));
        return cmd;
    }

    private sealed class ReplayOptions
    {
        public Option<string> Trace { get; } = new("--trace") { Description = "trace CSV (round,worker,round_started_s,round_finished_s,worker_started_s,worker_finished_s)", Required = true };
        public Option<string> Mu { get; } = new("--mu") { Description = "straggler slack: stragglers finish later than (1+mu) x fastest", DefaultValueFactory = _ => "1" };
        public Option<string> Schemes { get; } = new("--schemes") { Description = "comma-separated: gc,sr-sgc,m-sgc,uncoded", DefaultValueFactory = _ => "gc,sr-sgc,m-sgc,uncoded" };
        public Option<string> GcS { get; } = new("--gc-s") { Description = "GC tolerance s (default: the paper's 15)", DefaultValueFactory = _ => "15" };
        public Option<string> Sr { get; } = new("--sr-sgc") { Description = "SR-SGC B,W,lambda (default: the paper's 2,3,23)", DefaultValueFactory = _ => "2,3,23" };
        public Option<string> Ms { get; } = new("--m-sgc") { Description = "M-SGC B,W,lambda (default: the paper's 1,2,27)", DefaultValueFactory = _ => "1,2,27" };
        public Option<string?> Jobs { get; } = new("--jobs") { Description = "number of jobs J (default: rounds minus the largest delay T of the chosen schemes)" };
        public Option<string> Kappa { get; } = new("--kappa") { Description = "seconds per unit load to move the trace from --base-load to each scheme's load (0 = use times as measured)", DefaultValueFactory = _ => "0" };
        public Option<string> BaseLoad { get; } = new("--base-load") { Description = "normalised load the trace was measured at", DefaultValueFactory = _ => "0" };
        public Option<bool> Search { get; } = new("--search") { Description = "choose each scheme's parameters by the authors' grid search on this trace (best in hindsight, T <= --tmax)" };
        public Option<string> Tmax { get; } = new("--tmax") { Description = "delay cap of --search", DefaultValueFactory = _ => "4" };

        public void AddTo(Command cmd)
        {
            foreach (var o in new Option[] { Trace, Mu, Schemes, GcS, Sr, Ms, Jobs, Kappa, BaseLoad, Search, Tmax }) cmd.Options.Add(o);
        }
    }

    // The replay's numbers as parsed from the options.
    private readonly record struct ReplayParameters(double Mu, double Kappa, double BaseLoad, int Tmax, bool Search);

    private static int RunReplay(CliContext ctx, ReplayOptions o, ParseResult r)
    {
        var p = new ReplayParameters(
            ParseNonNegative(r.GetValue(o.Mu)!, "--mu"),
            ParseNonNegative(r.GetValue(o.Kappa)!, "--kappa"),
            ParseNonNegative(r.GetValue(o.BaseLoad)!, "--base-load"),
            CliContext.ParsePositiveInts(r.GetValue(o.Tmax)!, "--tmax")[0],
            r.GetValue(o.Search));
        var (names, kinds) = SchemeKinds(r.GetValue(o.Schemes)!);
        var t = ReadTrace(r.GetValue(o.Trace)!);
        var specs = ReplaySpecs(names, kinds, t, p, r.GetValue(o.GcS)!, r.GetValue(o.Sr)!, r.GetValue(o.Ms)!);
        int j = ReplayJobs(specs, p, t.Rounds, r.GetValue(o.Jobs));
        var lines = new List<string> { "scheme,params,load,runtime_s,jobs,decoded_on_time" };
        foreach (var s in specs)
        {
            double load = s.Load.ToDouble();
            var res = SgcReplay.Run(s, ParameterSearch.AtLoad(t, p.BaseLoad, load, p.Kappa), p.Mu, j);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{s.Name},{s.ParamsText},{load.ToString("R", CultureInfo.InvariantCulture)},{res.Runtime.ToString("R", CultureInfo.InvariantCulture)},{j},{res.DecodedOnTime}"));
        }
        foreach (var l in lines) ctx.Out.Write(l + "\n");
        return 0;
    }

    // The --schemes names and their kinds (at least one).
    private static (string[] Names, SgcSchemeKind[] Kinds) SchemeKinds(string schemes)
    {
        var names = schemes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new CliException("--schemes: at least one of " + string.Join(",", SgcAlgorithms.Schemes));
        var kinds = new SgcSchemeKind[names.Length];
        for (int i = 0; i < names.Length; i++) kinds[i] = Build("--schemes", () => SgcAlgorithms.Kind(names[i]));
        return (names, kinds);
    }

    // Each scheme's parameters: from the options, or (with --search, coded schemes) the grid search's best on the trace.
    private static List<SgcSchemeSpec> ReplaySpecs(string[] names, SgcSchemeKind[] kinds, StragglerTrace t, ReplayParameters p,
        string gcS, string sr, string ms)
    {
        var specs = new List<SgcSchemeSpec>();
        for (int i = 0; i < names.Length; i++)
        {
            if (p.Search && kinds[i] != SgcSchemeKind.Uncoded)
            {
                if (t.Rounds <= p.Tmax) throw new CliException($"--search: the trace has {t.Rounds} rounds; --tmax {p.Tmax} needs more");
                specs.Add(ParameterSearch.Best(kinds[i], t, p.BaseLoad, p.Kappa, p.Mu, p.Tmax).Best);
                continue;
            }
            specs.Add(Scheme(names[i], kinds[i], t.Workers, gcS, sr, ms));
        }
        return specs;
    }

    // The number of jobs J: --jobs, else the rounds left after the largest delay T (with --search, T ≥ --tmax).
    private static int ReplayJobs(List<SgcSchemeSpec> specs, ReplayParameters p, int rounds, string? jobsText)
    {
        int maxT = 0;
        foreach (var s in specs) maxT = Math.Max(maxT, s.Delay);
        if (p.Search) maxT = Math.Max(maxT, p.Tmax);
        if (jobsText is null)
        {
            int j = rounds - maxT;
            if (j < 1) throw new CliException($"{rounds} rounds in the trace leave no job after the largest delay T = {maxT}");
            return j;
        }
        int jobs = CliContext.ParsePositiveInts(jobsText, "--jobs")[0];
        if (jobs + maxT > rounds) throw new CliException($"--jobs {jobs} with delay T = {maxT} needs {jobs + maxT} rounds; the trace has {rounds}");
        return jobs;
    }

    private static Command Design(CliContext ctx)
    {
        var cmd = new Command("design", "loads, delay T and assignment of GC (s = lambda), SR-SGC and M-SGC for a (B,W,lambda) model; CSV: scheme,n,B,W,lambda,s,T,load");
        var n = new Option<string>("--n") { Description = "workers", Required = true };
        var b = new Option<string>("--B") { Description = "burst length B (1 <= B <= W-1)", Required = true };
        var w = new Option<string>("--W") { Description = "window W (>= 2)", Required = true };
        var l = new Option<string>("--lambda") { Description = "distinct stragglers per window (1..n)", Required = true };
        var schemes = new Option<string>("--schemes") { Description = "comma-separated: gc,sr-sgc,m-sgc (lower-bound row always added)", DefaultValueFactory = _ => "gc,sr-sgc,m-sgc" };
        foreach (var o in new Option[] { n, b, w, l, schemes }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            int nV = ParseInt(r.GetValue(n)!, "--n"), bV = ParseInt(r.GetValue(b)!, "--B"), wV = ParseInt(r.GetValue(w)!, "--W"), lV = ParseInt(r.GetValue(l)!, "--lambda");
            var model = Build("(n,B,W,lambda)", () => new BurstyModel(nV, bV, wV, lV));
            var lines = new List<string> { "scheme,n,B,W,lambda,s,T,load" };
            var summary = new List<string>();
            foreach (var nm in r.GetValue(schemes)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                switch (Build("--schemes", () => SgcAlgorithms.Kind(nm)))
                {
                    case SgcSchemeKind.Gc:
                        if (lV > nV - 1) throw new CliException($"gc: GC needs s = lambda <= n-1 = {nV - 1}, got lambda = {lV} (drop gc from --schemes)");
                        lines.Add(Row(nm, nV, bV, wV, lV, lV.ToString(CultureInfo.InvariantCulture), "0", SchemeLoads.Gc(nV, lV)));
                        summary.Add($"gc: each round every worker computes its ({nV},{lV})-GC row for that round's job; load (s+1)/n = {SchemeLoads.Gc(nV, lV)}");
                        break;
                    case SgcSchemeKind.SrSgc:
                    {
                        if ((wV - 1) % bV != 0) throw new CliException($"sr-sgc: SR-SGC needs B | W-1, got B = {bV}, W = {wV} (drop sr-sgc from --schemes)");
                        int s = SchemeLoads.SrSgcS(bV, wV, lV);
                        var load = Build("sr-sgc", () => SchemeLoads.SrSgc(model));
                        lines.Add(Row(nm, nV, bV, wV, lV, s.ToString(CultureInfo.InvariantCulture), bV.ToString(CultureInfo.InvariantCulture), load));
                        summary.Add($"sr-sgc: ({nV},{s})-GC per job; round r computes job r, except that when v > {s} workers still miss job r-{bV}, the v-{s} lowest-indexed of them re-attempt it; load {load}");
                        break;
                    }
                    case SgcSchemeKind.MSgc:
                    {
                        var load = SchemeLoads.MSgc(model);
                        var c = SchemeLoads.MSgcMiniTask(model);
                        int t = wV - 2 + bV;
                        lines.Add(Row(nm, nV, bV, wV, lV, "", t.ToString(CultureInfo.InvariantCulture), load));
                        summary.Add($"m-sgc: {wV - 1 + bV} mini-task slots of size c = {c} per worker per round (slot m serves job r-m); slots 0..{wV - 2} uncoded D1 pieces, slots {wV - 1}..{wV - 2 + bV} " +
                            (lV < nV ? $"({nV},{lV})-GC coded D2 groups or re-attempts of lost D1 pieces" : "re-attempts of lost D1 pieces only (lambda = n: no D2)") + $"; load {load}");
                        break;
                    }
                    default: throw new CliException($"--schemes: sgc design has no row for '{nm}'; it designs gc, sr-sgc, m-sgc");
                }
            }
            lines.Add(Row("lower-bound", nV, bV, wV, lV, "", "", SchemeLoads.LowerBound(model)));
            foreach (var x in lines) ctx.Out.Write(x + "\n");
            foreach (var x in summary) ctx.Error.Write(x + "\n");
            return 0;
        });
        return cmd;
    }

    // The scheme with the parameters of its option (--gc-s, --sr-sgc or --m-sgc), built by the registry.
    private static SgcSchemeSpec Scheme(string name, SgcSchemeKind kind, int n, string gcS, string sr, string ms)
    {
        switch (kind)
        {
            case SgcSchemeKind.Gc:
                return Build("--gc-s", () => SgcAlgorithms.Create(name, new SgcAlgorithmOptions(n, S: ParseInt(gcS, "--gc-s"))));
            case SgcSchemeKind.SrSgc:
            case SgcSchemeKind.MSgc:
            {
                string option = kind == SgcSchemeKind.SrSgc ? "--sr-sgc" : "--m-sgc";
                var p = Triple(kind == SgcSchemeKind.SrSgc ? sr : ms, option);
                return Build(option, () => SgcAlgorithms.Create(name, new SgcAlgorithmOptions(n, B: p[0], W: p[1], Lambda: p[2])));
            }
            default:
                return SgcAlgorithms.Create(name, new SgcAlgorithmOptions(n));
        }
    }

    private static string Row(string name, int n, int b, int w, int l, string s, string t, Rational load) =>
        string.Create(CultureInfo.InvariantCulture, $"{name},{n},{b},{w},{l},{s},{t},{load.ToDouble().ToString("R", CultureInfo.InvariantCulture)}");

    private static T Build<T>(string what, Func<T> f)
    {
        try { return f(); }
        catch (ArgumentException e) { throw new CliException($"{what}: {e.Message.Split(" (Parameter", 2)[0]}"); }
    }

    private static StragglerTrace ReadTrace(string path)
    {
        using var stream = CliContext.OpenInput(path);
        using var reader = new StreamReader(stream);
        try { return StragglerTraceReader.Read(reader, path); }
        catch (InstanceFormatException e) { throw CliContext.FromFormat(e); }
    }

    private static int ParseInt(string s, string option)
    {
        if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            throw new CliException($"{option} expects an integer, got '{s}'");
        return v;
    }

    private static int[] Triple(string s, string option)
    {
        var parts = s.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3) throw new CliException($"{option} expects B,W,lambda (three integers), got '{s}'");
        return [ParseInt(parts[0], option), ParseInt(parts[1], option), ParseInt(parts[2], option)];
    }

    private static double ParseNonNegative(string s, string option)
    {
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v < 0)
            throw new CliException($"{option} expects a non-negative number, got '{s}'");
        return v;
    }
}
