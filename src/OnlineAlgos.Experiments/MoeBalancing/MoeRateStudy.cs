using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Online;
using ScottPlot;

namespace OnlineAlgos.Experiments.MoeBalancing;

/// <summary>
/// Study <c>moe-rate</c>: sensitivity of ALF-LB to the update rate u (spec §5.2 Fig. 4 qualitatively: small u converges
/// slowly, large u fluctuates late) on the zipf (sigmoid) and drift generators, with constant, [V3]-piecewise and
/// annealed schedules. Full: E = 64, K = 6, T = 1024, 2000 steps, 2 seeds. Quick: E = 16, K = 2, T = 128, 300 steps.
/// </summary>
public sealed class MoeRateStudy : IStudy
{
    private static readonly string[] Rates = { "0.0001", "0.0003", "0.001", "0.003", "0.01" };
    private static readonly string[] Schedules = { "constant", "piecewise", "inverse-sqrt" };

    /// <inheritdoc/>
    public string Name => "moe-rate";
    /// <inheritdoc/>
    public string Description => "ALF-LB sensitivity to the rate u and the schedule: early and late MaxVio";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns => Columns;

    private static readonly string[] Columns = { "maxvio_early", "maxvio_late", "maxvio_global", "maxvio_curve" };
    private static readonly CellColumns Col = new(Columns);

    private static (int E, int K, int T, int Steps) Shape(StudyOptions o) => o.Quick ? (16, 2, 128, 300) : (64, 6, 1024, 2000);

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) =>
        new SweepGrid(options.Quick ? 1 : 2).Axis("generator", "zipf", "drift").Axis("schedule", Schedules).Axis("rate", Rates);

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) => []; // generated inputs only

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        var (e, k, t, steps) = Shape(options);
        double u = StudyRunner.ParseNum(cell["rate"]);
        var sched = cell["schedule"] switch
        {
            "piecewise" => StepSchedule.Piecewise(u, steps * 3 / 4), // [V3]: frozen for the last quarter
            "inverse-sqrt" => StepSchedule.InverseSqrt(10 * u),
            _ => StepSchedule.Constant(u),
        };
        var genRng = Rng.ForCell(options.Seed, "moe-gen:" + cell["generator"], cell.Replicate);
        var gen = MoeStudyKit.Generator(cell["generator"], e, genRng.Split());
        var m = MoeSimulator.Run(gen, new AlfLbBalancer(e, sched), new SimulationSettings(t, k, steps), genRng);
        var v = m.Select(x => x.MaxVio).ToArray();
        return new[]
        {
            StudyRunner.Num(MoeStudyKit.Mean(v, 0, steps / 5)),
            StudyRunner.Num(MoeStudyKit.Mean(v, steps / 2, steps)),
            StudyRunner.Num(m[^1].MaxVioGlobal),
            MoeStudyKit.EncodeCurve(v, 60),
        };
    }

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var (e, k, t, steps) = Shape(options);
        var cells = Grid(options).Cells();
        var groups = results.GroupBy(r => (G: cells[r.Index]["generator"], S: cells[r.Index]["schedule"], U: cells[r.Index]["rate"]))
            .ToDictionary(g => g.Key, g => g.ToList());
        var table = new Table($"ALF-LB rate sensitivity (E = {e}, K = {k}, T = {t}, {steps} steps): MaxVio per generator, schedule and rate u, each value the mean over the seeds", new[]
        {
            new TableColumn("generator"), new TableColumn("schedule"), new TableColumn("u"),
            new TableColumn("maxvio_early", ColumnKind.Real, 4, "MaxVio early"), new TableColumn("maxvio_late", ColumnKind.Real, 4, "MaxVio late"), new TableColumn("maxvio_global", ColumnKind.Real, 4, "MaxVio global"),
        })
        {
            Legend = "early = mean batch MaxVio over the first 20 % of the steps, late = over the second half; global = MaxVio of the loads summed over all steps",
        };
        foreach (var key in groups.Keys.OrderBy(x => x.G, StringComparer.Ordinal).ThenBy(x => x.S, StringComparer.Ordinal).ThenBy(x => StudyRunner.ParseNum(x.U)))
        {
            var l = groups[key];
            table.AddRow(key.G, key.S, key.U, l.Average(r => StudyRunner.ParseNum(r.Values[Col["maxvio_early"]])), l.Average(r => StudyRunner.ParseNum(r.Values[Col["maxvio_late"]])), l.Average(r => StudyRunner.ParseNum(r.Values[Col["maxvio_global"]])));
        }
        var plots = new List<StudyPlot>();
        foreach (var g in new[] { "zipf", "drift" })
        {
            int seeds = groups[(g, "constant", Rates[0])].Count;
            var plot = PlotStyle.Create($"ALF-LB with constant rate u: MaxVio over steps, {g} scores, mean of {seeds} seed{(seeds == 1 ? "" : "s")}", "step",
                seeds > 1 ? "MaxVio (batch; mean, 95 % band)" : "MaxVio (batch)");
            int ui = 0;
            foreach (var u in Rates)
            {
                var (x, y, half) = MoeStudyKit.MeanCurveWithCi(groups[(g, "constant", u)].Select(r => r.Values[Col["maxvio_curve"]]));
                var sc = plot.Add.Scatter(x, y);
                sc.LegendText = "u = " + u;
                sc.MarkerSize = 0;
                sc.LineWidth = 2;
                sc.LinePattern = new[] { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed }[ui++ % 4];
                PlotStyle.Band(plot, x, y.Select((v, i) => v - half[i]).ToArray(), y.Select((v, i) => v + half[i]).ToArray(), sc.Color);
            }
            PlotStyle.Legend(plot); // outside: the slow rates' curves reach every corner
            plots.Add(new StudyPlot($"moe-rate-curves-{g}", plot));
        }
        var sens = PlotStyle.Create("Late MaxVio vs rate u, zipf scores", "rate u (log scale)", "MaxVio (batch, second half; mean, 95 % CI)");
        int si = 0;
        foreach (var s in Schedules)
        {
            var xs = Rates.Select(u => Math.Log10(StudyRunner.ParseNum(u)) + (si - 0.5) * 0.03).ToArray();
            var stats = Rates.Select(u => RatioStatistics.Compute(groups[("zipf", s, u)].Select(r => StudyRunner.ParseNum(r.Values[Col["maxvio_late"]])).ToArray())).ToArray();
            var ys = stats.Select(st => st.Mean).ToArray();
            var sc = PlotStyle.Series(sens, si++, xs, ys, s + " schedule");
            PlotStyle.ErrorBars(sens, xs, ys, stats.Select(st => st.Ci95HalfWidth).ToArray(), sc.Color);
        }
        PlotStyle.LogAxis(sens.Axes.Bottom);
        PlotStyle.Legend(sens, Alignment.UpperRight);
        plots.Add(new StudyPlot("moe-rate-sensitivity", sens));
        return new StudyOutput(new[] { new NamedTable("moe-rate", table) }, plots);
    }
}
