using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Online;
using ScottPlot;

namespace OnlineAlgos.Experiments.MoeBalancing;

/// <summary>
/// Study <c>moe-balancers</c> (spec §5.5 E2/E4): MaxVio_batch and idle experts over steps for every balancer on every
/// generator (online, a fresh batch per step), the global MaxVio, and a side table placing [W]'s reported MaxVio_global
/// (1B/3B DeepSeekMoE language models, spec §5.2) next to ours — clearly labelled as different settings.
/// The <c>-g8-top4</c> rows route group-limited as DeepSeek-V3 (spec A2e/§5.3): 8 groups, the best 4 kept per token, so
/// half the experts are eligible as in V3's 4 of 8 groups of 32.
/// Full: E = 64, K = 6 ([W]'s 1B shape), T = 1024, 2000 steps, 2 seeds. Quick: E = 16, K = 2, T = 128, 300 steps, 1 seed.
/// </summary>
public sealed class MoeBalancersStudy : IStudy
{
    private static readonly string[] Generators = { "iid", "zipf", "topics", "drift", "identical" };
    private static readonly string[] BalancerNames = { "alf-lb", "alf-lb-g8-top4", "proportional", "multiplicative", "aux-loss", "top-k", "top-k-g8-top4", "capacity-probs", "expert-choice" };
    private const string GroupSuffix = "-g8-top4";

    /// <inheritdoc/>
    public string Name => "moe-balancers";
    /// <inheritdoc/>
    public string Description => "MoE load balancing: MaxVio and idle experts over steps per balancer and generator; [W]'s MaxVio side table";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns => Columns;

    private static readonly string[] Columns = { "maxvio_late", "maxvio_global", "idle_mean", "objective_mean", "drop_rate", "maxvio_curve", "idle_curve" };
    private static readonly CellColumns Col = new(Columns);

    private static (int E, int K, int T, int Steps) Shape(StudyOptions o) => o.Quick ? (16, 2, 128, 300) : (64, 6, 1024, 2000);

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) =>
        new SweepGrid(options.Quick ? 1 : 2).Axis("generator", Generators).Axis("balancer", BalancerNames);

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) => []; // generated inputs only

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        var (e, k, t, steps) = Shape(options);
        // Same batches for every balancer of a generator and replicate: the generator's stream depends only on them.
        var genRng = Rng.ForCell(options.Seed, "moe-gen:" + cell["generator"], cell.Replicate);
        var gen = MoeStudyKit.Generator(cell["generator"], e, genRng.Split());
        var (bal, settings) = MoeStudyKit.Balancer(cell["balancer"], e, 1e-3, new SimulationSettings(t, k, steps));
        var m = MoeSimulator.Run(gen, bal, settings, genRng);
        var maxVio = m.Select(x => x.MaxVio).ToArray();
        var idle = m.Select(x => (double)x.IdleExperts).ToArray();
        return new[]
        {
            StudyRunner.Num(MoeStudyKit.Mean(maxVio, steps / 2, steps)),
            StudyRunner.Num(m[^1].MaxVioGlobal),
            StudyRunner.Num(idle.Average()),
            StudyRunner.Num(m.Average(x => x.Objective)),
            StudyRunner.Num(m.Average(x => x.DropRate)),
            MoeStudyKit.EncodeCurve(maxVio, 60),
            MoeStudyKit.EncodeCurve(idle, 60),
        };
    }

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var shape = Shape(options);
        var byKey = GroupByGeneratorAndBalancer(results, Grid(options).Cells());
        var table = BalancerTable(byKey, shape);
        var side = DeepSeekSideTable(byKey, shape);
        var plots = new List<StudyPlot>();
        foreach (var (col, label, stem) in new[] { ("maxvio_curve", "MaxVio (batch)", "maxvio"), ("idle_curve", "idle experts", "idle") })
            foreach (var g in Generators)
                plots.Add(CurvePlot(byKey, col, label, stem, g, shape));
        return new StudyOutput(new[] { new NamedTable("moe-balancers", table), new NamedTable("moe-balancers-deepseek-side-table", side) }, plots);
    }

    private static Dictionary<(string G, string B), List<CellResult>> GroupByGeneratorAndBalancer(IReadOnlyList<CellResult> results, IReadOnlyList<SweepCell> cells)
    {
        var byKey = new Dictionary<(string G, string B), List<CellResult>>();
        foreach (var r in results)
        {
            var c = cells[r.Index];
            var key = (c["generator"], c["balancer"]);
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = new List<CellResult>();
            list.Add(r);
        }
        return byKey;
    }

    // The mean of column col over the seeds of one (generator, balancer).
    private static double Avg(List<CellResult> seeds, string col) => seeds.Average(r => StudyRunner.ParseNum(r.Values[Col[col]]));

    private static Table BalancerTable(Dictionary<(string G, string B), List<CellResult>> byKey, (int E, int K, int T, int Steps) shape)
    {
        var (e, k, t, steps) = shape;
        int seedCount = byKey.Values.First().Count;
        var table = new Table($"MoE balancers (E = {e}, K = {k}, T = {t}, {steps} steps, u = 10⁻³): each value is the mean over {seedCount} seed(s)", new[]
        {
            new TableColumn("generator"), new TableColumn("balancer"),
            new TableColumn("maxvio_batch_late", ColumnKind.Real, 4, "MaxVio batch, late"), new TableColumn("maxvio_global", ColumnKind.Real, 4, "MaxVio global"),
            new TableColumn("idle_experts_mean", ColumnKind.Real, 2, "idle experts"), new TableColumn("objective_mean", ColumnKind.Real, 2, "objective"),
            new TableColumn("drop_rate", ColumnKind.Real, 4, "drop rate"),
        })
        {
            Legend = $"late = mean over the second half of the steps; idle experts and objective = mean per step; -g8-top4 = group-limited routing, 8 groups of {e / 8} experts, the best 4 kept per token",
        };
        foreach (var g in Generators)
            foreach (var b in BalancerNames)
            {
                var seeds = byKey[(g, b)];
                table.AddRow(g, b, Avg(seeds, "maxvio_late"), Avg(seeds, "maxvio_global"), Avg(seeds, "idle_mean"), Avg(seeds, "objective_mean"), Avg(seeds, "drop_rate"));
            }
        return table;
    }

    // [W] side table: published figures (spec §5.2) next to ours on the zipf generator. Different settings!
    private static Table DeepSeekSideTable(Dictionary<(string G, string B), List<CellResult>> byKey, (int E, int K, int T, int Steps) shape)
    {
        var (e, k, t, steps) = shape;
        var side = new Table("Side table: MaxVio global reported by DeepSeek [W] (1B and 3B language models, 100B and 200B tokens) beside ours on synthetic Zipf scores; DIFFERENT SETTINGS, not a reproduction", new[]
        {
            new TableColumn("method"), new TableColumn("W_setting", Header: "[W] setting"), new TableColumn("W_maxvio_global", ColumnKind.Real, 3, "[W] MaxVio"),
            new TableColumn("ours_setting", Header: "our setting"), new TableColumn("ours_maxvio_global", ColumnKind.Real, 3, "our MaxVio"),
        });
        string ours = $"synthetic zipf a=1 sigmoid, E={e} K={k} T={t}, {steps} steps";
        double Zipf(string balancer) => Avg(byKey[("zipf", balancer)], "maxvio_global");
        side.AddRow("loss-free sign u=1e-3", "1B, Table 2/3", 0.044, ours, Zipf("alf-lb"));
        side.AddRow("loss-free sign u=1e-3", "3B, Table 2", 0.04, ours, Zipf("alf-lb"));
        side.AddRow("proportional u*e_i, u=1e-3", "1B, Table 3", 0.036, ours + " (e_i/L)", Zipf("proportional"));
        side.AddRow("multiplicative u=1e-3", "1B, Table 4", 0.036, ours, Zipf("multiplicative"));
        side.AddRow("aux loss alpha=1e-3", "1B, Table 2", 0.72, ours + " (routing-time emulation, reconstructed)", Zipf("aux-loss"));
        side.AddRow("aux loss alpha=1e-3", "3B, Table 2", 0.52, ours + " (routing-time emulation, reconstructed)", Zipf("aux-loss"));
        return side;
    }

    // One curve column (MaxVio or idle experts) over steps on one generator: every balancer's seed mean with its band.
    private static StudyPlot CurvePlot(Dictionary<(string G, string B), List<CellResult>> byKey, string col, string label, string stem, string g,
        (int E, int K, int T, int Steps) shape)
    {
        var (e, k, t, _) = shape;
        int seeds = byKey[(g, BalancerNames[0])].Count;
        var plot = PlotStyle.Create($"{label} over steps, {g} scores (E = {e}, K = {k}, T = {t}, mean of {seeds} seed{(seeds == 1 ? "" : "s")})", "step",
            seeds > 1 ? label + " (mean, 95 % band)" : label);
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        var colours = new Dictionary<string, Color>();
        foreach (var b in BalancerNames)
        {
            var (x, y, half) = MoeStudyKit.MeanCurveWithCi(byKey[(g, b)].Select(r => r.Values[Col[col]]));
            var sc = plot.Add.Scatter(x, y);
            sc.LegendText = b;
            sc.MarkerSize = 0;
            sc.LineWidth = 2;
            // Variants are drawn in their base balancer's colour, group-limited rows dashed and capacity dropping
            // (top-K, then drop) dotted, so pairs read at a glance and coinciding curves stay visible.
            int cut = b.IndexOf(GroupSuffix, StringComparison.Ordinal);
            var (baseName, pattern) = cut > 0 ? (b[..cut], LinePattern.Dashed)
                : b == "capacity-probs" ? ("top-k", LinePattern.Dotted) : (b, LinePattern.Solid);
            if (baseName != b && colours.TryGetValue(baseName, out var c))
            {
                sc.Color = c;
                sc.LinePattern = pattern;
            }
            else sc.Color = colours[b] = palette.GetColor(colour++);
            PlotStyle.Band(plot, x, y.Select((v, i) => v - half[i]).ToArray(), y.Select((v, i) => v + half[i]).ToArray(), sc.Color);
        }
        PlotStyle.Legend(plot); // outside: with nine curves any inside corner hides one
        return new StudyPlot($"moe-balancers-{stem}-{g}", plot);
    }

}
