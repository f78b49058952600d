using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;
using OnlineAlgos.MoeBalancing.Online;
using ScottPlot;

namespace OnlineAlgos.Experiments.MoeBalancing;

/// <summary>
/// Study <c>moe-gap</c> (spec §5.5 E1, deterministic setting): on a fixed score matrix, ALF-LB's distance to the exact
/// offline optimum (min-cost flow) and to the LP dual prices (GLOP): final MaxVio, D(p_k) − OPT, gap over span at
/// matched capacity, Pearson correlation of the centred bias with the centred LP prices, and the limit-cycle length of
/// constant steps (A4). Full: E = 16, K = 2, T = 256, 3000 steps, 3 instances; quick: E = 8, K = 2, T = 64, 600 steps, 1.
/// </summary>
public sealed class MoeGapStudy : IStudy
{
    private static readonly string[] Methods = { "alf-lb-u0.001", "alf-lb-u0.01", "alf-lb-annealed", "proportional-u0.01" };

    /// <inheritdoc/>
    public string Name => "moe-gap";
    /// <inheritdoc/>
    public string Description => "Fixed scores: ALF-LB gap to the exact offline optimum, dual gap, bias vs LP prices, limit cycles";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns => Columns;

    private static readonly string[] Columns = { "maxvio_final", "dual_gap_rel", "gap_over_span", "price_corr", "cycle_length", "dual_gap_curve" };
    private static readonly CellColumns Col = new(Columns);

    private static (int E, int K, int T, int Steps) Shape(StudyOptions o) => o.Quick ? (8, 2, 64, 600) : (16, 2, 256, 3000);

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) =>
        new SweepGrid(options.Quick ? 1 : 3).Axis("generator", "iid", "zipf").Axis("method", Methods);

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) => []; // generated inputs only

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        var (e, k, t, steps) = Shape(options);
        var rng = Rng.ForCell(options.Seed, "moe-gap:" + cell["generator"], cell.Replicate);
        var s = new ScoreMatrix(t, e);
        MoeStudyKit.Generator(cell["generator"], e, rng.Split()).Next(s, rng);
        int l = t * k / e;
        var opt = MinCostFlowAssignment.Solve(s, k, l, balanced: true);
        var lp = GlopAssignment.Solve(s, k, l, balanced: true);
        // The study's method labels: a registry balancer at a rate (annealed: u0 = 10*0.001).
        var (name, u) = cell["method"] switch
        {
            "alf-lb-u0.001" => ("alf-lb", 0.001),
            "alf-lb-u0.01" => ("alf-lb", 0.01),
            "alf-lb-annealed" => ("alf-lb-annealed", 0.001),
            _ => ("proportional", 0.01),
        };
        IBiasBalancer bal = MoeAlgorithms.Create(name, new MoeAlgorithmOptions(e, new SimulationSettings(t, k, steps), Rate: u)).Balancer;
        var a = new int[t * k];
        var loads = new int[e];
        var gaps = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            TopKRouter.Route(s, bal.Bias, k, a, loads);
            gaps[i] = Math.Max(1e-12, (BalanceMetrics.Lagrangian(s, a, k, bal.Bias, l) - opt.Value) / Math.Abs(opt.Value));
            bal.Update(s, loads, k);
        }
        TopKRouter.Route(s, bal.Bias, k, a, loads);
        double obj = BalanceMetrics.Objective(s, a, k);
        double gap = MoeSimulator.GapOverSpan(s, k, loads, obj);
        // Dropless routing is feasible for CAP_m, so the true gap is >= 0; a negative value within the two min-cost
        // flows' rounding (each within T·K/Q) is that rounding and is reported as 0, not as "-0.0000".
        double span = BalanceMetrics.TopKBound(s, k) - opt.Value;
        if (gap < 0 && span > 0 && -gap * span <= 2 * opt.ErrorBound + 1e-9 * Math.Abs(opt.Value)) gap = 0;
        double corr = Pearson(Centre(bal.Bias.ToArray()), Centre(lp.Prices!));
        int cycle = cell["method"].StartsWith("alf-lb-u", StringComparison.Ordinal)
            ? CycleDetection.Run(s, k, StudyRunner.ParseNum(cell["method"]["alf-lb-u".Length..]), 2 * steps) is { Found: true } rep ? rep.CycleLength : -1
            : -1;
        return new[]
        {
            StudyRunner.Num(BalanceMetrics.MaxVio(loads)), StudyRunner.Num(gaps[^1]), StudyRunner.Num(gap), StudyRunner.Num(corr),
            StudyRunner.Num(cycle), MoeStudyKit.EncodeCurve(gaps, 80),
        };
    }

    private static double[] Centre(double[] p)
    {
        double m = p.Average();
        return p.Select(v => v - m).ToArray();
    }

    private static double Pearson(double[] x, double[] y)
    {
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++) { sxy += x[i] * y[i]; sxx += x[i] * x[i]; syy += y[i] * y[i]; }
        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var (e, k, t, steps) = Shape(options);
        var cells = Grid(options).Cells();
        var table = new Table($"Fixed scores (E = {e}, K = {k}, T = {t}, {steps} steps): gap of each method to the exact optimum, each value the mean over the instances", new[]
        {
            new TableColumn("generator"), new TableColumn("method"), new TableColumn("maxvio_final", ColumnKind.Real, 4, "final MaxVio"),
            new TableColumn("(D(p)-OPT)/OPT", ColumnKind.Real, 6, "dual gap"), new TableColumn("gap_over_span", ColumnKind.Real, 4, "gap / span"),
            new TableColumn("corr(bias, LP prices)", ColumnKind.Real, 3, "corr."), new TableColumn("cycle_length", ColumnKind.Real, 1, "cycle"),
        })
        {
            Legend = $"dual gap = (D(p) − OPT)/OPT of the final bias p; gap / span = primal gap of the routing over the span top-K bound − OPT; "
                + $"corr. = Pearson correlation of the centred bias with the LP prices; cycle = length of the bias cycle, −1 = none within {2 * steps} steps or not applicable",
        };
        var plots = new List<StudyPlot>();
        foreach (var g in new[] { "iid", "zipf" })
        {
            int instances = results.Count(r => cells[r.Index]["generator"] == g && cells[r.Index]["method"] == Methods[0]);
            var plot = PlotStyle.Create($"Relative dual gap, fixed {g} scores, mean of {instances} instance{(instances == 1 ? "" : "s")}", "step",
                "(D(p) − OPT) / OPT (log scale; 10⁻¹² = exactly 0)");
            for (int mi = 0; mi < Methods.Length; mi++)
            {
                string m = Methods[mi];
                var rs = results.Where(r => cells[r.Index]["generator"] == g && cells[r.Index]["method"] == m).ToList();
                table.AddRow(g, m, rs.Average(r => StudyRunner.ParseNum(r.Values[Col["maxvio_final"]])), rs.Average(r => StudyRunner.ParseNum(r.Values[Col["dual_gap_rel"]])),
                    rs.Average(r => StudyRunner.ParseNum(r.Values[Col["gap_over_span"]])), rs.Average(r => StudyRunner.ParseNum(r.Values[Col["price_corr"]])), rs.Average(r => StudyRunner.ParseNum(r.Values[Col["cycle_length"]])));
                // The mean over instances, as in the table (each curve is floored at 1e-12 = exactly 0).
                var (x, mean, half) = MoeStudyKit.MeanCurveWithCi(rs.Select(r => r.Values[Col["dual_gap_curve"]]));
                var y = mean.Select(Math.Log10).ToArray();
                var sc = plot.Add.Scatter(x, y);
                sc.LegendText = m;
                sc.MarkerSize = 0;
                // Wider lines first and distinct dashes, so curves that coincide (e.g. both at the floor) stay visible.
                sc.LineWidth = 2 + 2 * (Methods.Length - 1 - mi);
                sc.LinePattern = mi % 2 == 0 ? LinePattern.Solid : LinePattern.Dashed;
                PlotStyle.Band(plot, x, mean.Select((v, i) => Math.Log10(Math.Max(1e-12, v - half[i]))).ToArray(), mean.Select((v, i) => Math.Log10(v + half[i])).ToArray(), sc.Color);
            }
            PlotStyle.LogAxis(plot.Axes.Left);
            PlotStyle.Legend(plot, Alignment.UpperRight);
            plots.Add(new StudyPlot($"moe-gap-dual-{g}", plot));
        }
        return new StudyOutput(new[] { new NamedTable("moe-gap", table) }, plots);
    }
}
