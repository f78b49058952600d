using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Generators;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;

namespace OnlineAlgos.Experiments.Scheduling;

/// <summary>
/// Uniform obligatory tests: the worst OpSRPT/OPT ratio found by adversarial hill climbing (spec §6.2 S1) per tie rule
/// and maximum job count, against the proven bound 2 (Lindermayr et al. 2026). Each cell is one search (restarts ×
/// steps); the best instance is re-checked in exact rational arithmetic and the exact ratio is reported.
/// </summary>
public sealed class SchedulingUniformTestsStudy : IStudy
{
    private static readonly string[] QuickMaxJobs = ["4", "8"], FullMaxJobs = ["3", "4", "6", "8", "10", "14"];

    /// <inheritdoc/>
    public string Name => "scheduling-uniform-tests";
    /// <inheritdoc/>
    public string Description => "uniform obligatory tests: worst OpSRPT/OPT found by search vs the bound 2";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } = new[] { "ratio_search", "ratio_exact", "jobs" };

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) =>
        new SweepGrid(options.Quick ? 2 : 8)
            .Axis("tie", SchedulingAlgorithmOptions.TieRuleNames)
            .Axis("max_jobs", options.Quick ? QuickMaxJobs : FullMaxJobs);

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) => []; // generated inputs only

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        var tie = SchedulingAlgorithmOptions.ParseTieRule(cell["tie"]);
        int maxJobs = int.Parse(cell["max_jobs"], CultureInfo.InvariantCulture);
        var best = UniformTestsAdversary.HillClimb(cell.CreateRng(options.Seed), options.Quick ? 4 : 20, options.Quick ? 100 : 400, maxJobs, tie);
        var exact = best.Instance.Convert<Rational>();
        var opt = SrptOptimum.Cost(exact);
        double ratio = Rational.IsZero(opt) ? 1 : (ScheduleSimulator.Run(exact, new OperationSrptScheduler<Rational>(tie)).TotalFlowTime / opt).ToDouble();
        return new[] { StudyRunner.Num(best.Ratio), StudyRunner.Num(ratio), StudyRunner.Num(exact.JobCount) };
    }

    private static string TieLabel(string tie) => tie switch
    {
        "release-asc" => "ties by earliest release",
        "release-desc" => "ties by latest release",
        _ => "ties by job index",
    };

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var grid = Grid(options).Cells();
        var table = new Table("Uniform tests: worst OpSRPT / OPT found by hill climbing (re-checked in exact arithmetic) vs the proven bound 2", new[]
        {
            new TableColumn("tie_rule", Header: "tie rule"), new TableColumn("max_jobs", ColumnKind.Integer, Header: "max jobs"), new TableColumn("searches", ColumnKind.Integer),
            new TableColumn("worst_ratio", ColumnKind.Real, 4, "worst"), new TableColumn("mean_of_search_maxima", ColumnKind.Real, 4, "mean of maxima"),
            new TableColumn("bound", ColumnKind.Real, 1), new TableColumn("holds"),
        })
        {
            Legend = "searches = independent hill climbs (seeds); worst = largest ratio any search found; mean of maxima = mean over the searches of each one's best ratio; holds = worst ≤ bound",
        };
        var plot = PlotStyle.Create("OpSRPT on uniform tests: worst ratio found", "maximum number of jobs n", "worst OpSRPT / OPT found");
        var ties = SchedulingAlgorithmOptions.TieRuleNames;
        int exactColumn = new CellColumns(RecordColumns)["ratio_exact"];
        var sizes = grid.Select(c => int.Parse(c["max_jobs"], CultureInfo.InvariantCulture)).Distinct().OrderBy(x => x).ToArray();
        foreach (var tie in ties)
        {
            var ys = new List<double>();
            foreach (var n in sizes)
            {
                var cells = results.Where(r => grid[r.Index]["tie"] == tie && grid[r.Index]["max_jobs"] == n.ToString(CultureInfo.InvariantCulture)).ToList();
                if (cells.Count == 0) { ys.Add(double.NaN); continue; }
                var vals = cells.Select(c => StudyRunner.ParseNum(c.Values[exactColumn])).ToArray();
                double worst = vals.Max();
                ys.Add(worst);
                table.AddRow(tie, n, cells.Count, worst, vals.Average(), 2.0, worst <= 2 ? "yes" : "NO");
            }
            int ti = ((IList<string>)ties).IndexOf(tie);
            // A maximum over searches per size, not a curve: points, shifted per tie rule so equal values stay visible.
            PlotStyle.Points(plot, ti, sizes.Select(x => x + (ti - 1) * 0.12).ToArray(), ys.ToArray(), TieLabel(tie));
        }
        plot.Axes.Bottom.SetTicks(sizes.Select(x => (double)x).ToArray(), sizes.Select(x => x.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.SetLimitsX(sizes[0] - 1, sizes[^1] + 1);
        var bound = plot.Add.HorizontalLine(2);
        bound.LegendText = "proven bound 2";
        bound.LinePattern = ScottPlot.LinePattern.Dashed;
        plot.Axes.SetLimitsY(1, 2.1);
        PlotStyle.Legend(plot, ScottPlot.Alignment.LowerRight);
        return new StudyOutput(new[] { new NamedTable("scheduling-uniform-tests", table) }, new[] { new StudyPlot("scheduling-uniform-tests", plot) });
    }
}
