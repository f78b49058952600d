using System.CommandLine;
using System.Globalization;
using System.Numerics;
using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Formats;
using OnlineAlgos.Scheduling.Generators;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;

namespace OnlineAlgos.Cli.Commands;

/// <summary><c>scheduling run</c>: total flow time of chosen algorithms and OPT on an instance, as CSV (FORMATS.md);
/// <c>scheduling generate</c>: an instance of a named family as JSON.</summary>
public static class SchedulingCommands
{
    /// <summary>Largest <c>--parts</c> of an SWF split (operations per job).</summary>
    public const int MaxParts = 10_000;

    /// <summary>Largest <c>--param</c> of <c>scheduling generate</c>: jobs (or chain length) of most families, and k of
    /// mpt, whose instance grows with k squared.</summary>
    public const int MaxJobs = 1_000_000, MaxSquareParam = 2_000;

    /// <summary>The <c>scheduling</c> command group.</summary>
    public static Command Create(CliContext ctx)
    {
        var group = new Command("scheduling", "flow time with gradually revealed jobs");
        group.Subcommands.Add(CreateRun(ctx));
        group.Subcommands.Add(CreateGenerate(ctx));
        return group;
    }

    private static Command CreateRun(CliContext ctx)
    {
        var run = new Command("run", "total flow time per algorithm and ratio to OPT; CSV on stdout: algorithm,total_flow_time,ratio");
        var instance = new Option<string>("--instance") { Description = "instance file", Required = true };
        var format = new Option<string>("--format") { Description = "json (onlinealgos.scheduling/1) or swf (Standard Workload Format)", DefaultValueFactory = _ => "json" };
        var algs = new Option<string>("--algorithms") { Description = "comma-separated: " + string.Join(",", SchedulingAlgorithms.Names), DefaultValueFactory = _ => string.Join(",", SchedulingAlgorithms.Names) };
        var exact = new Option<bool>("--exact") { Description = "exact rational arithmetic (slow on large inputs); default double" };
        var tie = new Option<string>("--tie-rule") { Description = string.Join(", ", SchedulingAlgorithmOptions.TieRuleNames) + " (priority rules)", DefaultValueFactory = _ => "release-asc" };
        var split = new Option<string>("--split") { Description = "swf: whole, natural, equal, dirichlet, geometric, test, requested-first, chain", DefaultValueFactory = _ => "whole" };
        var parts = new Option<int>("--parts") { Description = "swf: parts k (equal, dirichlet, requested-first)", DefaultValueFactory = _ => 4 };
        var testLength = new Option<double>("--test-length") { Description = "swf: test length t in seconds (test split)", DefaultValueFactory = _ => 1.0 };
        var growth = new Option<double>("--growth") { Description = "swf: growth factor c > 1 (geometric split)", DefaultValueFactory = _ => 2.0 };
        var alpha = new Option<double>("--alpha") { Description = "swf: Dirichlet alpha > 0", DefaultValueFactory = _ => 1.0 };
        var load = new Option<string>("--load") { Description = "swf: scale sizes to this load, or 'none'", DefaultValueFactory = _ => "0.9" };
        var keepFailed = new Option<bool>("--keep-failed") { Description = "swf: keep failed and cancelled jobs" };
        var keepZero = new Option<bool>("--keep-zero") { Description = "swf: keep jobs with run time 0 as size 0" };
        var procs = new Option<bool>("--processors") { Description = "swf: work = run time x processors" };
        foreach (var o in new Option[] { instance, format, algs, exact, tie, split, parts, testLength, growth, alpha, load, keepFailed, keepZero, procs })
            run.Options.Add(o);
        run.SetAction(r =>
        {
            var names = r.GetValue(algs)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var n in names)
                if (n != "opt" && !SchedulingAlgorithms.TryCreate<double>(n, null, out _))
                    throw new CliException($"--algorithms: unknown algorithm '{n}'; known: opt,{string.Join(",", SchedulingAlgorithms.Names)}");
            TieRule tieRule;
            try { tieRule = SchedulingAlgorithmOptions.ParseTieRule(r.GetValue(tie)!); }
            catch (ArgumentException e) { throw new CliException("--tie-rule: " + e.Message); }
            string path = r.GetValue(instance)!;
            SchedulingInstance<Rational> inst = r.GetValue(format) switch
            {
                "json" => ReadJson(path),
                "swf" => ReadSwf(path, SwfOptionsFrom(r.GetValue(split)!, r.GetValue(parts), r.GetValue(testLength), r.GetValue(growth),
                    r.GetValue(alpha), r.GetValue(load)!, r.GetValue(keepFailed), r.GetValue(keepZero), r.GetValue(procs))),
                var other => throw new CliException($"--format: unknown format '{other}'; known: json, swf"),
            };
            var lines = r.GetValue(exact) ? Evaluate(inst, names, tieRule) : Evaluate(inst.Convert<double>(), names, tieRule);
            foreach (var l in lines) ctx.Out.Write(l + "\n");
            return 0;
        });
        return run;
    }

    // Everything is computed before anything is printed.
    private static List<string> Evaluate<T>(SchedulingInstance<T> inst, string[] names, TieRule tie) where T : struct, INumber<T>
    {
        double opt = double.CreateChecked(SrptOptimum.Cost(inst));
        var lines = new List<string> { "algorithm,total_flow_time,ratio", Row("opt", opt, opt) };
        foreach (var name in names)
        {
            if (name == "opt") continue;
            double cost = double.CreateChecked(ScheduleSimulator.Run(inst, SchedulingAlgorithms.Create<T>(name, new SchedulingAlgorithmOptions(tie))).TotalFlowTime);
            lines.Add(Row(name, cost, opt));
        }
        return lines;
    }

    private static string Row(string name, double cost, double opt)
    {
        double ratio = opt == 0 ? (cost == 0 ? 1 : double.PositiveInfinity) : cost / opt;
        return string.Create(CultureInfo.InvariantCulture, $"{name},{cost:R},{ratio:R}");
    }

    private static SwfOptions SwfOptionsFrom(string split, int parts, double t, double growth, double alpha, string load,
        bool keepFailed, bool keepZero, bool procs)
    {
        var mode = split switch
        {
            "whole" => SwfSplitMode.Whole,
            "natural" => SwfSplitMode.Natural,
            "equal" => SwfSplitMode.Equal,
            "dirichlet" => SwfSplitMode.Dirichlet,
            "geometric" => SwfSplitMode.Geometric,
            "test" => SwfSplitMode.Test,
            "requested-first" => SwfSplitMode.RequestedFirst,
            "chain" => SwfSplitMode.Chain,
            _ => throw new CliException($"--split: unknown mode '{split}'; known: whole, natural, equal, dirichlet, geometric, test, requested-first, chain"),
        };
        double? rho = null;
        if (load != "none")
        {
            if (!double.TryParse(load, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v > 0) || !double.IsFinite(v))
                throw new CliException($"--load expects a number > 0 or 'none', got '{load}'");
            rho = v;
        }
        if (parts < 1) throw new CliException($"--parts expects an integer >= 1, got {parts}");
        if (parts > MaxParts) throw new CliException($"--parts {parts} exceeds {MaxParts}: every job of the log would be split into that many operations");
        if (!(t > 0) || !double.IsFinite(t)) throw new CliException($"--test-length expects a number > 0, got {t}");
        if (!(growth > 1) || !double.IsFinite(growth)) throw new CliException($"--growth expects a number > 1, got {growth}");
        if (!(alpha > 0) || !double.IsFinite(alpha)) throw new CliException($"--alpha expects a number > 0, got {alpha}");
        return new SwfOptions
        {
            Split = mode, Parts = parts, TestLength = t, Growth = growth, Alpha = alpha, TargetLoad = rho,
            KeepFailed = keepFailed, KeepZeroRuntime = keepZero, ProcessorsAsWork = procs,
        };
    }

    private static SchedulingInstance<Rational> ReadJson(string path)
    {
        using var stream = CliContext.OpenInput(path);
        try { return SchedulingJsonReader.Read(stream, path); }
        catch (InstanceFormatException e) { throw CliContext.FromFormat(e); }
    }

    private static SchedulingInstance<Rational> ReadSwf(string path, SwfOptions options)
    {
        using var stream = CliContext.OpenInput(path);
        using var reader = new StreamReader(stream);
        try { return SwfReader.Read(reader, path, options).Instance; }
        catch (InstanceFormatException e) { throw CliContext.FromFormat(e); }
    }

    private static Command CreateGenerate(CliContext ctx)
    {
        var gen = new Command("generate", "an instance of a named family as JSON on stdout");
        var family = new Option<string>("--family") { Description = "mpt (L1, parameter k), chain (L2, parameter m), poisson (G1), tests (G4), geometric (G3), tail (G2)", Required = true };
        var param = new Option<int>("--param") { Description = "k for mpt, m for chain, n for random families", DefaultValueFactory = _ => 4 };
        var seed = new Option<string>("--seed") { Description = "seed of random families", DefaultValueFactory = _ => "1" };
        gen.Options.Add(family);
        gen.Options.Add(param);
        gen.Options.Add(seed);
        gen.SetAction(r =>
        {
            int p = r.GetValue(param);
            if (p < 1) throw new CliException($"--param expects an integer >= 1, got {p}");
            string fam = r.GetValue(family)!;
            if (fam == "mpt" && p > MaxSquareParam) throw new CliException($"--param {p} exceeds {MaxSquareParam} for {fam} (its instance has about p^2 operations)");
            if (p > MaxJobs) throw new CliException($"--param {p} exceeds {MaxJobs} jobs");
            string seedText = r.GetValue(seed)!;
            if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong s))
                throw new CliException($"--seed expects an unsigned 64-bit integer, got '{seedText}'");
            var rng = new Rng(s);
            string json = r.GetValue(family) switch
            {
                "mpt" => SchedulingJsonWriter.ToJson(SchedulingWorkloads.MptStream(p)),
                "chain" => SchedulingJsonWriter.ToJson(SchedulingWorkloads.ChainVersusShort(p)),
                "poisson" => SchedulingJsonWriter.ToJson(SchedulingWorkloads.Poisson(rng, p, 0.9, 4, OperationSizeDistribution.LogNormal(1))),
                "tests" => SchedulingJsonWriter.ToJson(SchedulingWorkloads.UniformTests(rng, p, 0.9, OperationSizeDistribution.LogNormal(1))),
                "geometric" => SchedulingJsonWriter.ToJson(SchedulingWorkloads.GeometricGrowth(rng, p, 0.9, 2, 6)),
                "tail" => SchedulingJsonWriter.ToJson(SchedulingWorkloads.DeceptiveTail(rng, p, 0.9, 8)),
                var other => throw new CliException($"--family: unknown family '{other}'; known: mpt, chain, poisson, tests, geometric, tail"),
            };
            ctx.Out.Write(json);
            return 0;
        });
        return gen;
    }
}
