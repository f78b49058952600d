using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;
using OnlineAlgos.Matching.Online;

namespace OnlineAlgos.Experiments.Matching;

/// <summary>
/// Ratio of every matching algorithm's exact expected value to the exact online optimum (primary), to the PPSW LP and
/// to E[OPT_off], on the spec's random families (ER, BA, geometric, complete; p ~ U[0,1] or U[0,0.3]; edge- or
/// vertex-weighted), a regime sweep over T at fixed n, and the adversarial families F1, F2, F3, F6, F7 (spec §5).
/// Each cell is one instance; algorithm values are exact (enumeration of the available-set distribution), so ratios
/// carry no sampling error. Random instances are reproducible with <c>onlinealgos matching generate</c>.
/// </summary>
public sealed class MatchingRatioStudy : IStudy
{
    private static readonly string[] AdversarialConfigs = ["f1-eps0.1", "f2-n5-dw0.01", "f2-n10-dw0.01", "f2-n10-dw0.0001", "f3-n5", "f6-W10", "f7-m5", "f7-m8", "f7-m12"];
    private static readonly string[] FullOnlyAdversarialConfigs = ["f2-n14-dw0.01", "f2-n14-dw0.0001", "f7-m12-c0.1108"];

    /// <inheritdoc/>
    public string Name => "matching-ratios";

    /// <inheritdoc/>
    public string Description => "online Bayesian matching: exact ratios of every algorithm to the online optimum, LP and offline optimum";

    private static readonly string[] Fixed = { "family", "steps", "offline", "arrivals", "weights", "instance_seed", "lp", "online_opt", "offline_opt", "offline_method" };

    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } = Fixed.Concat(MatchingAlgorithms.OnlineNames).ToArray();

    private static readonly string[] Families = { "er", "ba", "geom", "comp" };

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configs = new List<string>();
        var sizes = options.Quick ? new[] { (10, 6), (6, 10) } : new[] { (10, 6), (6, 10), (20, 10), (30, 10) };
        int reps = options.Quick ? 1 : 5;
        foreach (var f in Families)
            foreach (var (T, n) in sizes)
                foreach (var arr in new[] { "uniform", "rare" })
                    foreach (var w in new[] { "edge", "vertex" })
                        for (int r = 0; r < reps; r++)
                            configs.Add($"{f}-T{T}-n{n}-{arr}-{w}-r{r}");
        int sweepN = options.Quick ? 6 : 10;
        var sweepT = options.Quick ? new[] { 3, 6, 12, 18 } : new[] { 5, 10, 15, 20, 25, 30, 35, 40 };
        foreach (int T in sweepT)
            for (int r = 0; r < (options.Quick ? 2 : 5); r++)
                configs.Add($"sweep-T{T}-n{sweepN}-uniform-edge-r{r}");
        configs.AddRange(AdversarialConfigs);
        if (!options.Quick) configs.AddRange(FullOnlyAdversarialConfigs);
        return new SweepGrid(1).Axis("config", configs);
    }

    /// <summary>The instance of a config string and its seed (random families), as the study builds it.</summary>
    public static (MatchingInstance Instance, string Family, int Steps, int Offline, string Arrivals, string Weights) Build(string config, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        var parts = config.Split('-');
        string fam = parts[0];
        int Int(string prefix) => int.Parse(parts.First(p => p.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..], CultureInfo.InvariantCulture);
        double Dbl(string prefix, double dflt) =>
            parts.FirstOrDefault(p => p.StartsWith(prefix, StringComparison.Ordinal)) is { } s ? double.Parse(s[prefix.Length..], CultureInfo.InvariantCulture) : dflt;
        switch (fam)
        {
            case "f1": { var i = AdversarialFamilies.ProphetGap(Dbl("eps", 0.1)); return (i, fam, i.StepCount, i.OfflineCount, "fixed", "edge"); }
            case "f2": { var i = AdversarialFamilies.PoissonTrap(Int("n"), Dbl("dw", 0.01)); return (i, fam, i.StepCount, i.OfflineCount, "fixed", "edge"); }
            case "f3": { var i = AdversarialFamilies.OneShot(Int("n")); return (i, fam, i.StepCount, i.OfflineCount, "fixed", "edge"); }
            case "f6": { var i = AdversarialFamilies.GreedyTrap(Dbl("W", 10)); return (i, fam, i.StepCount, i.OfflineCount, "fixed", "edge"); }
            case "f7": { var i = AdversarialFamilies.SureNodeTrap(Int("m"), Dbl("c", 0.2761), 1e-4); return (i, fam, i.StepCount, i.OfflineCount, "fixed", "edge"); }
        }
        int T = Int("T"), n = Int("n");
        var arrivals = parts[3] == "rare" ? ArrivalDistribution.Rare : ArrivalDistribution.Uniform;
        bool vw = parts[4] == "vertex";
        var rng = new Rng(seed);
        var inst = fam switch
        {
            "ba" => RandomInstances.BarabasiAlbert(rng, T, n, 4, true, arrivals, vw),
            "geom" => RandomInstances.Geometric(rng, T, n, 0.25, arrivals, vw),
            "comp" => RandomInstances.Complete(rng, T, n, arrivals, vw),
            _ => RandomInstances.ErdosRenyi(rng, T, n, 0.5, arrivals, vw),
        };
        return (inst, fam, T, n, parts[3], parts[4]);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) => []; // generated inputs only

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(options);
        var rng = cell.CreateRng(options.Seed);
        ulong seed = rng.NextUInt64();
        var (inst, fam, T, n, arr, w) = Build(cell["config"], seed);
        var x = PpswLinearProgram.Solve(inst);
        double online = OnlineOptimum.Solve(inst);
        var off = OfflineOptimum.Solve(inst, rng.Split(), samples: 4000);
        var algs = MatchingAlgorithms.CreateOnline(new MatchingAlgorithmOptions(inst, x, rng.Split()));
        var values = MatchingAlgorithms.Evaluate(inst, algs, rng.Split());
        var row = new List<string>
        {
            fam, StudyRunner.Num(T), StudyRunner.Num(n), arr, w, seed.ToString(CultureInfo.InvariantCulture),
            StudyRunner.Num(x.Value), StudyRunner.Num(online), StudyRunner.Num(off.Value), off.MethodName,
        };
        foreach (var v in values) row.Add(StudyRunner.Num(v.Value));
        return row;
    }

    private sealed record Rec(string Config, string Family, int T, int N, string Arrivals, string Weights, ulong Seed, double Lp, double Online, double Offline, double[] Alg);

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        var recs = new List<Rec>();
        var col = new CellColumns(RecordColumns);
        int k = MatchingAlgorithms.OnlineNames.Count;
        foreach (var r in results)
        {
            var v = r.Values;
            var alg = new double[k];
            for (int a = 0; a < k; a++) alg[a] = StudyRunner.ParseNum(v[col[MatchingAlgorithms.OnlineNames[a]]]);
            string config = r.CellId.Split('#')[0]["config=".Length..];
            recs.Add(new Rec(config, v[col["family"]], int.Parse(v[col["steps"]], CultureInfo.InvariantCulture),
                int.Parse(v[col["offline"]], CultureInfo.InvariantCulture), v[col["arrivals"]], v[col["weights"]],
                ulong.Parse(v[col["instance_seed"]], CultureInfo.InvariantCulture), StudyRunner.ParseNum(v[col["lp"]]),
                StudyRunner.ParseNum(v[col["online_opt"]]), StudyRunner.ParseNum(v[col["offline_opt"]]), alg));
        }
        var tables = new List<NamedTable> { RatioTable(recs), WorstTable(recs), AdversarialTable(recs) };
        var plots = new List<StudyPlot> { FamilyPlot(recs), SweepPlot(recs) };
        return new StudyOutput(tables, plots);
    }

    private static readonly string[] Groups = { "er", "ba", "geom", "comp", "vertex-weighted", "rare-arrivals", "sweep", "adversarial" };

    private static bool InGroup(Rec r, string g) => g switch
    {
        "vertex-weighted" => r.Weights == "vertex",
        "rare-arrivals" => r.Arrivals == "rare",
        "adversarial" => r.Arrivals == "fixed",
        _ => r.Family == g,
    };

    private static NamedTable RatioTable(List<Rec> recs)
    {
        var t = new Table("Online matching: ratios of exact expected values E[ALG] / OPT, per instance group and algorithm", new[]
        {
            new TableColumn("group"), new TableColumn("algorithm"), new TableColumn("instances", ColumnKind.Integer, Header: "inst."),
            new TableColumn("mean_vs_online_opt", ColumnKind.Real, 4, "mean"), new TableColumn("min_vs_online_opt", ColumnKind.Real, 4, "min"),
            new TableColumn("p5_vs_online_opt", ColumnKind.Real, 4, "p5"), new TableColumn("mean_vs_lp", ColumnKind.Real, 4, "mean vs LP"),
            new TableColumn("mean_vs_offline_opt", ColumnKind.Real, 4, "mean vs offline"),
        })
        {
            Legend = "inst. = instances in the group; mean, min, p5 = mean, minimum and 5th percentile over the instances of E[ALG] / online optimum; "
                + "mean vs LP, mean vs offline = mean over the instances of E[ALG] / LP bound and E[ALG] / offline optimum",
        };
        foreach (var g in Groups)
        {
            var sel = recs.Where(r => InGroup(r, g) && r.Online > 0).ToList();
            if (sel.Count == 0) continue;
            for (int a = 0; a < MatchingAlgorithms.OnlineNames.Count; a++)
            {
                var on = RatioStatistics.Compute(sel.Select(r => r.Alg[a] / r.Online).ToArray(), null, largerIsWorse: false);
                double lp = sel.Average(r => r.Alg[a] / r.Lp);
                double off = sel.Average(r => r.Alg[a] / r.Offline);
                t.AddRow(g, MatchingAlgorithms.OnlineNames[a], sel.Count, on.Mean, on.Min, on.Quantile(0.05), lp, off);
            }
        }
        return new NamedTable("matching-ratios", t);
    }

    /// <summary>The command that regenerates a random config's instance, or the family command for adversarial ones.</summary>
    public static string ReproduceCommand(string config, string family, int steps, int offline, string arrivals, string weights, ulong seed)
    {
        if (arrivals == "fixed") return "study config " + config;
        string fam = family == "sweep" ? "er" : family;
        string param = fam switch { "er" => " --param 0.5", "ba" => " --param 4", "geom" => " --param 0.25", _ => "" };
        return string.Create(CultureInfo.InvariantCulture,
            $"onlinealgos matching generate --family {fam} --steps {steps} --offline {offline}{param} --arrivals {arrivals}{(weights == "vertex" ? " --vertex-weighted" : "")} --seed {seed}");
    }

    private static NamedTable WorstTable(List<Rec> recs)
    {
        var t = new Table("Online matching: worst ratio E[ALG] / online optimum per algorithm, over all instances and over the random ones", new[]
        {
            new TableColumn("algorithm"), new TableColumn("worst_vs_online_opt", ColumnKind.Real, 4, "worst"),
            new TableColumn("worst_random_vs_online_opt", ColumnKind.Real, 4, "worst random"), new TableColumn("worst_random_config", Header: "random config"),
            new TableColumn("reproduce", Header: "command that regenerates it"),
        })
        {
            Legend = "worst = smallest E[ALG] / online optimum over every instance (adversarial families included); worst random = the same over the random instances only, attained on random config",
        };
        var valid = recs.Where(r => r.Online > 0).ToList();
        for (int a = 0; a < MatchingAlgorithms.OnlineNames.Count; a++)
        {
            int ai = a;
            var worst = valid.MinBy(r => r.Alg[ai] / r.Online)!;
            var random = valid.Where(r => r.Arrivals != "fixed").MinBy(r => r.Alg[ai] / r.Online);
            t.AddRow(MatchingAlgorithms.OnlineNames[a], worst.Alg[a] / worst.Online,
                random is null ? double.NaN : random.Alg[a] / random.Online, random?.Config ?? "",
                random is null ? "" : ReproduceCommand(random.Config, random.Family, random.T, random.N, random.Arrivals, random.Weights, random.Seed));
        }
        return new NamedTable("matching-worst", t);
    }

    private static NamedTable AdversarialTable(List<Rec> recs)
    {
        var cols = new List<TableColumn> { new("instance"), new("online_opt", ColumnKind.Real, 4, "OPT on"), new("lp", ColumnKind.Real, 4, "LP"), new("offline_opt", ColumnKind.Real, 4, "OPT off") };
        var shortNames = new[] { "G", "TG", "BP", "IP", "GP", "P", "PU", "PD" };
        for (int a = 0; a < MatchingAlgorithms.OnlineNames.Count; a++)
            cols.Add(new TableColumn(MatchingAlgorithms.OnlineNames[a], ColumnKind.Real, 4, a < shortNames.Length && MatchingAlgorithms.OnlineNames.Count == shortNames.Length ? shortNames[a] : null));
        var t = new Table("Online matching, adversarial families: E[ALG] / online optimum for each algorithm", cols)
        {
            Legend = "OPT on, LP, OPT off = online optimum, LP bound and offline optimum (values); "
                + string.Join(", ", MatchingAlgorithms.OnlineNames.Select((n, a) => (a < shortNames.Length && MatchingAlgorithms.OnlineNames.Count == shortNames.Length ? shortNames[a] : n) + " = " + n)),
        };
        foreach (var r in recs.Where(r => r.Arrivals == "fixed"))
        {
            var row = new List<object?> { r.Config, r.Online, r.Lp, r.Offline };
            foreach (double v in r.Alg) row.Add(r.Online > 0 ? v / r.Online : double.NaN);
            t.AddRow(row.ToArray());
        }
        return new NamedTable("matching-adversarial", t);
    }

    private static StudyPlot FamilyPlot(List<Rec> recs)
    {
        // Groups are categories: each algorithm is a point per group (no connecting line), shifted sideways so the
        // eight algorithms sit side by side, with the Student-t 95 % interval of the mean over the group's instances.
        var plot = PlotStyle.Create("Mean ratio to the online optimum by instance group", "instance group", "E[ALG] / online optimum (mean, 95 % CI)");
        var groups = Groups.Where(g => recs.Any(r => InGroup(r, g) && r.Online > 0)).ToArray();
        int count = MatchingAlgorithms.OnlineNames.Count;
        for (int a = 0; a < count; a++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            var ci = new List<double>();
            for (int g = 0; g < groups.Length; g++)
            {
                var sel = recs.Where(r => InGroup(r, groups[g]) && r.Online > 0).ToList();
                var st = RatioStatistics.Compute(sel.Select(r => r.Alg[a] / r.Online).ToArray(), null, largerIsWorse: false);
                xs.Add(g + (a - (count - 1) / 2.0) * 0.09);
                ys.Add(st.Mean);
                ci.Add(st.Ci95HalfWidth);
            }
            var sc = PlotStyle.Points(plot, a, xs.ToArray(), ys.ToArray(), MatchingAlgorithms.OnlineNames[a]);
            sc.MarkerSize = 9;
            PlotStyle.ErrorBars(plot, xs.ToArray(), ys.ToArray(), ci.ToArray(), sc.Color);
        }
        PlotStyle.Ticks(plot.Axes.Bottom, groups.Select((_, i) => (double)i).ToArray(), groups.Select(GroupLabel).ToArray());
        for (int g = 1; g < groups.Length; g++)
        {
            var sep = plot.Add.VerticalLine(g - 0.5);
            sep.Color = ScottPlot.Colors.LightGray;
            sep.LineWidth = 1;
        }
        plot.Axes.SetLimitsX(-0.5, groups.Length - 0.5);
        plot.Axes.SetLimitsY(0.4, 1.05);
        var target = plot.Add.HorizontalLine(0.678);
        target.LinePattern = ScottPlot.LinePattern.Dashed;
        target.Color = ScottPlot.Colors.Black;
        target.LegendText = "0.678 (BDPSW bound)";
        PlotStyle.Legend(plot);
        return new StudyPlot("matching-ratio-by-group", plot, 1200, 650);
    }

    private static string GroupLabel(string g) => g switch
    {
        "er" => "Erdős–Rényi",
        "ba" => "Barabási–Albert",
        "geom" => "geometric",
        "comp" => "complete",
        "vertex-weighted" => "vertex-weighted",
        "rare-arrivals" => "rare arrivals",
        "sweep" => "T/n sweep",
        "adversarial" => "adversarial",
        _ => g,
    };

    private static StudyPlot SweepPlot(List<Rec> recs)
    {
        var sweep = recs.Where(r => r.Family == "sweep" && r.Online > 0).ToList();
        int n = sweep.Count > 0 ? sweep[0].N : 0;
        var plot = PlotStyle.Create($"Regime sweep: Erdős–Rényi(0.5), n = {n}, p ~ U[0, 1]", "T / n (online steps per offline node)", "E[ALG] / online optimum (mean)");
        var ts = sweep.Select(r => r.T).Distinct().Order().ToArray();
        for (int a = 0; a < MatchingAlgorithms.OnlineNames.Count; a++)
        {
            var xs = ts.Select(T => (double)T / n).ToArray();
            var stats = ts.Select(T => RatioStatistics.Compute(sweep.Where(r => r.T == T).Select(r => r.Alg[a] / r.Online).ToArray(), null, largerIsWorse: false)).ToArray();
            if (xs.Length == 0) break;
            var ys = stats.Select(st => st.Mean).ToArray();
            var sc = PlotStyle.Series(plot, a, xs, ys, MatchingAlgorithms.OnlineNames[a]);
            sc.LineWidth = 1.5f;
            PlotStyle.ErrorBars(plot, xs, ys, stats.Select(st => st.Ci95HalfWidth).ToArray(), sc.Color);
        }
        PlotStyle.Legend(plot);
        return new StudyPlot("matching-regime-sweep", plot, 1000, 650);
    }
}
