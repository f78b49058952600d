using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Formats;
using OnlineAlgos.Scheduling.Generators;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;

namespace OnlineAlgos.Experiments.Scheduling;

/// <summary>
/// Ratio to OPT versus the number of operations m for every online scheduler, on the generator families of spec §5.1
/// (G1 LogNormal and Pareto, G2 deceptive tail, G3 geometric growth, G4 uniform tests) and the lower-bound families L1
/// (MPT stream, k = m, at least 2; its jobs have k + 1 operations) and L2 (chain of m unit operations vs floor(sqrt m)
/// jobs of size 2; OpSRPT and FIFO coincide there). Double arithmetic; OPT = SRPT on totals. Per (family, m) the
/// table gives mean, median, p95, max and the 95% CI of the mean over the seeds, plus the chunked skeleton's
/// counters. G4 has m = 2 always (the m axis is ignored there). G7 (SWF-derived, spec §5.2) runs when the data folder
/// holds Standard Workload Format logs in <c>scheduling/*.swf</c>: the first log (by name), each job split into m
/// Dirichlet(m, 1) operations (seeded per cell), sizes scaled to load 0.9; without such a log G7 is left out (the
/// toolkit ships no archive log).
/// </summary>
public sealed class SchedulingRatioStudy : IStudy
{
    private static readonly string[] Families = { "g1-lognormal", "g1-pareto", "g2-tail", "g3-geometric", "g4-tests", "l1-mpt", "l2-chain" };

    /// <summary>The SWF log G7 uses, or null when the data folder has none.</summary>
    public static string? SwfLog(StudyOptions options)
    {
        if (options.DataDirectory is null) return null;
        string dir = Path.Combine(options.DataDirectory, "scheduling");
        if (!Directory.Exists(dir)) return null;
        var logs = Directory.GetFiles(dir, "*.swf");
        Array.Sort(logs, StringComparer.Ordinal);
        return logs.Length > 0 ? logs[0] : null;
    }

    private static string[] FamiliesFor(StudyOptions options) =>
        SwfLog(options) is null ? Families : [.. Families, "g7-swf"];

    private static readonly string[] QuickMachines = ["1", "2", "4", "8"], FullMachines = ["1", "2", "4", "8", "16", "32"];

    /// <inheritdoc/>
    public string Name => "scheduling-ratios";
    /// <inheritdoc/>
    public string Description => "flow time: ratio to OPT vs operations per job, every scheduler, families G1-G4, L1, L2";

    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } =
        SchedulingAlgorithms.Names.Select(n => "ratio_" + n).Concat(new[] { "jobs", "chunks_max", "ops_per_chunk_max" }).ToArray();

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) =>
        new SweepGrid(options.Quick ? 3 : 30)
            .Axis("family", FamiliesFor(options))
            .Axis("m", options.Quick ? QuickMachines : FullMachines);

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) => SwfLog(options) is { } log ? [log] : [];

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        var rng = cell.CreateRng(options.Seed);
        int m = int.Parse(cell["m"], CultureInfo.InvariantCulture);
        int n = options.Quick ? 150 : 1000;
        SchedulingInstance<double> inst = cell["family"] switch
        {
            "g1-lognormal" => SchedulingWorkloads.Poisson(rng, n, 0.9, m, OperationSizeDistribution.LogNormal(1)),
            "g1-pareto" => SchedulingWorkloads.Poisson(rng, n, 0.9, m, OperationSizeDistribution.Pareto()),
            "g2-tail" => SchedulingWorkloads.DeceptiveTail(rng, n, 0.9, Math.Max(2, m), 0.01, 10, 0.5),
            "g3-geometric" => SchedulingWorkloads.GeometricGrowth(rng, n, 0.9, 2, m),
            "g4-tests" => SchedulingWorkloads.UniformTests(rng, n, 0.9, OperationSizeDistribution.LogNormal(1)),
            "l1-mpt" => SchedulingWorkloads.MptStream(Math.Max(2, Math.Min(m, options.Quick ? 8 : 16))).Convert<double>(),
            "g7-swf" => ReadSwf(SwfLog(options)!, m, rng),
            _ => SchedulingWorkloads.ChainVersusShort(m).Convert<double>(),
        };
        double opt = SrptOptimum.Cost(inst);
        var values = new List<string>();
        int chunksMax = 0, opsPerChunkMax = 0;
        foreach (var name in SchedulingAlgorithms.Names)
        {
            var scheduler = SchedulingAlgorithms.Create<double>(name);
            double cost = ScheduleSimulator.Run(inst, scheduler).TotalFlowTime;
            values.Add(StudyRunner.Num(opt > 0 ? cost / opt : 1));
            if (scheduler is ChunkedExploreScheduler<double> c) { chunksMax = c.ChunkCountMax; opsPerChunkMax = c.OpsPerChunkMax; }
        }
        values.Add(StudyRunner.Num(inst.JobCount));
        values.Add(StudyRunner.Num(chunksMax));
        values.Add(StudyRunner.Num(opsPerChunkMax));
        return values;
    }

    private static SchedulingInstance<double> ReadSwf(string path, int m, Rng rng)
    {
        var opts = new SwfOptions { Split = m == 1 ? SwfSplitMode.Whole : SwfSplitMode.Dirichlet, Parts = m, Alpha = 1.0, TargetLoad = 0.9, Seed = rng.NextUInt64() };
        using var reader = new StreamReader(path);
        return SwfReader.Read(reader, path, opts).Instance.Convert<double>();
    }

    private static string FamilyLabel(string family) => family switch
    {
        "g1-lognormal" => "G1, Poisson arrivals, lognormal operations",
        "g1-pareto" => "G1, Poisson arrivals, Pareto operations",
        "g2-tail" => "G2, deceptive tail",
        "g3-geometric" => "G3, geometric growth",
        "g4-tests" => "G4, uniform tests",
        "l1-mpt" => "L1, MPT stream",
        "l2-chain" => "L2, chain vs short jobs",
        "g7-swf" => "G7, SWF workload log",
        _ => family,
    };

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var grid = Grid(options).Cells();
        var table = RatioTable();
        var plots = new List<StudyPlot>();
        var col = new CellColumns(RecordColumns);
        foreach (var family in FamiliesFor(options))
        {
            var (ms, means, halfWidths, seeds) = AddFamilyRows(table, family, grid, results, col);
            plots.Add(FamilyPlot(family, ms, means, halfWidths, seeds));
        }
        return new StudyOutput(new[] { new NamedTable("scheduling-ratios", table) }, plots);
    }

    private static Table RatioTable() =>
        new("Total flow time ALG / OPT by family, m and algorithm: mean, Student-t 95 % CI half-width, median, 95th percentile and maximum over the seeds", new[]
        {
            new TableColumn("family"), new TableColumn("m", ColumnKind.Integer), new TableColumn("algorithm"),
            new TableColumn("seeds", ColumnKind.Integer), new TableColumn("mean", ColumnKind.Real, 3),
            new TableColumn("ci95", ColumnKind.Real, 3, "CI ±"), new TableColumn("median", ColumnKind.Real, 3),
            new TableColumn("p95", ColumnKind.Real, 3), new TableColumn("max", ColumnKind.Real, 3),
            new TableColumn("chunks_max", ColumnKind.Integer, Header: "chunks"), new TableColumn("ops_per_chunk_max", ColumnKind.Integer, Header: "ops/chunk"),
        })
        {
            Legend = "m = maximum operations per job; seeds = replicates (one generated instance each); CI ± = half-width of the 95 % interval of the mean; "
                + "chunks, ops/chunk = largest chunk count and operations per chunk of the chunked skeleton over the seeds; OPT = SRPT on job totals",
        };

    // One row per (m, algorithm) of the family; returns its m values and the ratio means and CI half-widths
    // [algorithm, m] for the plot, with the seed count of the last row.
    private static (int[] Ms, double[,] Means, double[,] HalfWidths, int Seeds) AddFamilyRows(Table table, string family,
        IReadOnlyList<SweepCell> grid, IReadOnlyList<CellResult> results, CellColumns col)
    {
        var names = SchedulingAlgorithms.Names;
        var ms = grid.Where(c => c["family"] == family).Select(c => int.Parse(c["m"], CultureInfo.InvariantCulture)).Distinct().OrderBy(x => x).ToArray();
        var means = new double[names.Count, ms.Length];
        var halfWidths = new double[names.Count, ms.Length];
        int seeds = 0;
        for (int mi = 0; mi < ms.Length; mi++)
        {
            var cells = results.Where(r => grid[r.Index]["family"] == family && grid[r.Index]["m"] == ms[mi].ToString(CultureInfo.InvariantCulture)).ToList();
            if (cells.Count == 0) continue;
            int chunks = cells.Max(c => (int)StudyRunner.ParseNum(c.Values[col["chunks_max"]]));
            int opc = cells.Max(c => (int)StudyRunner.ParseNum(c.Values[col["ops_per_chunk_max"]]));
            for (int a = 0; a < names.Count; a++)
            {
                var vals = cells.Select(c => StudyRunner.ParseNum(c.Values[col["ratio_" + names[a]]])).ToArray();
                var st = RatioStatistics.Compute(vals, cells.Select(c => c.CellId).ToArray());
                means[a, mi] = st.Mean;
                halfWidths[a, mi] = st.Ci95HalfWidth;
                seeds = st.Count;
                table.AddRow(family, ms[mi], names[a], st.Count, st.Mean, st.Ci95HalfWidth, st.Quantile(0.5), st.Quantile(0.95), st.Max, chunks, opc);
            }
        }
        return (ms, means, halfWidths, seeds);
    }

    private static StudyPlot FamilyPlot(string family, int[] ms, double[,] means, double[,] halfWidths, int seeds)
    {
        var names = SchedulingAlgorithms.Names;
        var plot = PlotStyle.Create($"{FamilyLabel(family)}: ALG / OPT vs m", "m, maximum operations per job (log scale)",
            seeds > 1 ? $"total flow time ALG / OPT (mean of {seeds}, 95 % CI)" : "total flow time ALG / OPT");
        for (int a = 0; a < names.Count; a++)
        {
            // Shifted a little along x so that coinciding rules (several do on some families) and their error bars stay apart.
            var xs = ms.Select(x => Math.Log2(x) + (a - (names.Count - 1) / 2.0) * 0.03).ToArray();
            var ys = Enumerable.Range(0, ms.Length).Select(i => means[a, i]).ToArray();
            var sc = PlotStyle.Series(plot, a, xs, ys, names[a]); // distinct markers: several rules coincide on some families
            PlotStyle.ErrorBars(plot, xs, ys, Enumerable.Range(0, ms.Length).Select(i => halfWidths[a, i]).ToArray(), sc.Color);
        }
        PlotStyle.Ticks(plot.Axes.Bottom, ms.Select(x => Math.Log2(x)).ToArray(), ms.Select(x => x.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Margins(0.08, 0.1);
        LimitRatioAxis(plot, means, halfWidths);
        PlotStyle.Legend(plot);
        return new StudyPlot($"scheduling-ratios-{family}", plot);
    }

    // Ratios are at least 1: a t-interval from few seeds may reach below 0, which the axis does not show.
    private static void LimitRatioAxis(ScottPlot.Plot plot, double[,] means, double[,] halfWidths)
    {
        double top = 0, bottom = double.MaxValue;
        for (int a = 0; a < means.GetLength(0); a++)
            for (int i = 0; i < means.GetLength(1); i++) { top = Math.Max(top, means[a, i] + halfWidths[a, i]); bottom = Math.Min(bottom, means[a, i] - halfWidths[a, i]); }
        if (top > 0) plot.Axes.SetLimitsY(Math.Max(0, bottom - 0.05 * (top - bottom)), top + 0.05 * (top - Math.Max(0, bottom)));
    }

}
