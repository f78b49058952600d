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
        var table = new Table($"ALF-LB rate sensitivity (E = {e}, K = {k}, T = {t}, {steps} steps; early = first 20%, late = second half)", new[]
        {
            new TableColumn("generator"), new TableColumn("schedule"), new TableColumn("u"),
            new TableColumn("maxvio_early", ColumnKind.Real, 4), new TableColumn("maxvio_late", ColumnKind.Real, 4), new TableColumn("maxvio_global", ColumnKind.Real, 4),
        });
        foreach (var key in groups.Keys.OrderBy(x => x.G, StringComparer.Ordinal).ThenBy(x => x.S, StringComparer.Ordinal).ThenBy(x => StudyRunner.ParseNum(x.U)))
        {
            var l = groups[key];
            table.AddRow(key.G, key.S, key.U, l.Average(r => StudyRunner.ParseNum(r.Values[Col["maxvio_early"]])), l.Average(r => StudyRunner.ParseNum(r.Values[Col["maxvio_late"]])), l.Average(r => StudyRunner.ParseNum(r.Values[Col["maxvio_global"]])));
        }
        var plots = new List<StudyPlot>();
        foreach (var g in new[] { "zipf", "drift" })
        {
            var plot = PlotStyle.Create($"ALF-LB (constant u) MaxVio over steps, generator {g}, mean of {groups[(g, "constant", Rates[0])].Count} seed(s)", "step", "MaxVio (batch)");
            foreach (var u in Rates)
            {
                var (x, y) = MoeStudyKit.MeanCurve(groups[(g, "constant", u)].Select(r => r.Values[Col["maxvio_curve"]]));
                var sc = plot.Add.Scatter(x, y);
                sc.LegendText = "u = " + u;
                sc.MarkerSize = 0;
                sc.LineWidth = 2;
            }
            PlotStyle.Legend(plot); // outside: the slow rates' curves reach every corner
            plots.Add(new StudyPlot($"moe-rate-curves-{g}", plot));
        }
        var sens = PlotStyle.Create("Late MaxVio vs rate u (zipf)", "log10 u", "MaxVio (batch, second half)");
        foreach (var s in Schedules)
        {
            var xs = Rates.Select(u => Math.Log10(StudyRunner.ParseNum(u))).ToArray();
            var ys = Rates.Select(u => groups[("zipf", s, u)].Average(r => StudyRunner.ParseNum(r.Values[Col["maxvio_late"]]))).ToArray();
            var sc = sens.Add.Scatter(xs, ys);
            sc.LegendText = s;
            sc.LineWidth = 2;
            sc.MarkerSize = 8;
        }
        PlotStyle.Legend(sens, Alignment.UpperRight);
        plots.Add(new StudyPlot("moe-rate-sensitivity", sens));
        return new StudyOutput(new[] { new NamedTable("moe-rate", table) }, plots);
    }
}
