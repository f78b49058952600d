using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;

namespace OnlineAlgos.Experiments.Scheduling;

/// <summary>
/// Gantt charts of one small uniform-tests instance (spec §6.4 tests5) under OPT, OpSRPT, RR and the chunked
/// skeleton, exact arithmetic: one row per job, bar height = processing rate (processor sharing shows as thin bars),
/// release dates marked. The table lists each job's completion time per schedule.
/// </summary>
public sealed class SchedulingGanttStudy : IStudy
{
    private static readonly string[] Schedules = { "opt", "opsrpt", "rr", "chunked" };

    /// <inheritdoc/>
    public string Name => "scheduling-gantt";
    /// <inheritdoc/>
    public string Description => "Gantt charts of a small uniform-tests instance under OPT, OpSRPT, RR and the chunked skeleton";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } = new[] { "total_flow_time" };

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) => new SweepGrid(1).Axis("schedule", Schedules);

    /// <summary>The instance drawn (tests5 of spec §6.4).</summary>
    public static SchedulingInstance<Rational> Instance()
    {
        Rational half = new(1, 2);
        return SchedulingInstance<Rational>.UniformTests(1, new Rational[] { 0, 0, half, 2, 3 }, new Rational[] { 3, 0, 1, 5, half });
    }

    private static ScheduleResult<Rational> Run(string schedule) => schedule == "opt"
        ? SrptOptimum.Solve(Instance(), recordSegments: true)
        : ScheduleSimulator.Run(Instance(), SchedulingAlgorithms.Create<Rational>(schedule), recordSegments: true);

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) => []; // generated inputs only

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options) =>
        new[] { StudyRunner.Num(Run(cell["schedule"]).TotalFlowTime.ToDouble()) };

    private static string ScheduleLabel(string schedule) => schedule switch
    {
        "opt" => "Optimal schedule",
        "opsrpt" => "Operation SRPT",
        "rr" => "Round robin",
        "chunked" => "Chunked skeleton",
        _ => schedule,
    };

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var inst = Instance();
        var columns = new List<TableColumn> { new("schedule"), new("total_flow_time", ColumnKind.Real, 2) };
        for (int j = 0; j < inst.JobCount; j++) columns.Add(new TableColumn($"C_{j}", ColumnKind.Real, 3, "C" + (char)('₀' + j)));
        var table = new Table($"A uniform-tests instance with {inst.JobCount} jobs: total flow time and completion time of each job per schedule (exact, shown rounded)", columns)
        {
            Legend = "Cj = completion time of job j; opt = optimal schedule (SRPT on totals), opsrpt = operation SRPT, rr = round robin, chunked = chunked skeleton",
        };
        var plots = new List<StudyPlot>();
        foreach (var schedule in Schedules)
        {
            var r = Run(schedule);
            var row = new List<object?> { schedule, r.TotalFlowTime.ToDouble() };
            row.AddRange(r.CompletionTimes.Select(c => (object?)c.ToDouble()));
            table.AddRow(row.ToArray());
            var plot = PlotStyle.Create($"{ScheduleLabel(schedule)}: total flow time {r.TotalFlowTime}", "time", "job");
            var palette = new ScottPlot.Palettes.Category10();
            foreach (var s in r.Segments!)
            {
                double y = s.Job;
                double h = 0.8 * s.Rate.ToDouble();
                var rect = plot.Add.Rectangle(s.Start.ToDouble(), s.End.ToDouble(), y - h / 2, y + h / 2);
                rect.FillStyle.Color = palette.GetColor(s.Job);
                rect.LineStyle.Width = 0;
            }
            for (int j = 0; j < inst.JobCount; j++)
            {
                var m = plot.Add.Marker(inst.Release(j).ToDouble(), j - 0.45);
                m.MarkerStyle.Shape = ScottPlot.MarkerShape.FilledTriangleUp;
                m.MarkerStyle.Size = 12;
                m.MarkerStyle.FillColor = ScottPlot.Colors.Black;
                if (j == 0) m.LegendText = "release";
            }
            plot.Axes.Left.SetTicks(Enumerable.Range(0, inst.JobCount).Select(j => (double)j).ToArray(),
                Enumerable.Range(0, inst.JobCount).Select(j => $"job {j}").ToArray());
            plot.Axes.SetLimits(0, r.Makespan.ToDouble() + 0.5, -0.7, inst.JobCount - 0.3);
            PlotStyle.Legend(plot, ScottPlot.Alignment.UpperRight);
            plots.Add(new StudyPlot($"scheduling-gantt-{schedule}", plot, 900, 420));
        }
        return new StudyOutput(new[] { new NamedTable("scheduling-gantt", table) }, plots);
    }
}
