using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Experiments.Paging;

/// <summary>
/// Spec §5.2 (reconstructed protocol; the paper has no experiments): total competitive ratio Σ ALG / Σ OPT of the
/// one-bit algorithms (FollowDiscard, MARK0 det/rand, MARK&amp;PREDICT), their robust combinations and the classical
/// baselines on BrightKite (k = 10) and CitiBike (k = 100), against the bit-flip rate q. Modes: <c>both</c> flips every
/// true bit with probability q; <c>only0</c> flips true 1s only (moves η₀), <c>only1</c> true 0s only (moves η₁).
/// Discard algorithms get noisy discard labels, MARK&amp;PREDICT noisy phase labels. Also counts traces on which MARK0-det
/// violates OPT + (k−1)η₀ + η₁ (must be 0).
/// </summary>
public sealed class PredictionPagingStudy : IStudy
{
    private static readonly string[] Algorithms =
    [
        "lru", "marker-rand", "opt-marking", "follow-discard", "mark0", "mark0-rand", "mark0-robust", "mark0-rand-robust",
        "mark-predict", "mark-predict-robust",
    ];

    /// <inheritdoc/>
    public string Name => "paging-predictions";
    /// <inheritdoc/>
    public string Description => "one-bit predictions: ratio vs bit-flip rate (and vs eta0/OPT, eta1/OPT) on BrightKite and CitiBike";

    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } =
        ["opt", "eta0_discard", "eta1_discard", "eta0_phase", "eta1_phase", "mark0_violations", .. Algorithms];

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options)
    {
        string[] qs = options.Quick
            ? ["0", "0.2", "0.5", "1"]
            : ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"];
        return new SweepGrid(options.Quick ? 1 : 3)
            .Axis("dataset", "bk", "citi")
            .Axis("mode", "both", "only0", "only1")
            .Axis("q", qs);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) =>
        [.. PagingTraceSets.Files("bk", options, TraceLimit("bk", options)), .. PagingTraceSets.Files("citi", options, TraceLimit("citi", options))];

    private static int TraceLimit(string ds, StudyOptions options) => options.Quick ? (ds == "citi" ? 2 : 20) : int.MaxValue;

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        string ds = cell["dataset"], mode = cell["mode"];
        double q = double.Parse(cell["q"], CultureInfo.InvariantCulture);
        double q0 = mode == "only1" ? 0 : q, q1 = mode == "only0" ? 0 : q;
        int k = PagingTraceSets.CacheSize(ds);
        var traces = PagingTraceSets.Load(ds, options, TraceLimit(ds, options));
        var rng = cell.CreateRng(options.Seed);
        long opt = 0, e0d = 0, e1d = 0, e0p = 0, e1p = 0, violations = 0;
        var totals = new long[Algorithms.Length];
        foreach (var seq in traces)
        {
            var truthD = new byte[seq.Length];
            long o = BeladyPaging.Run(seq, k, truthD);
            var truthP = GroundTruthBits.Phase(seq, k);
            var bitsD = BitNoise.Flip(truthD, q0, q1, rng);
            var bitsP = BitNoise.Flip(truthP, q0, q1, rng);
            var ed = PredictionErrors.Compute(bitsD, truthD);
            var ep = PredictionErrors.Compute(bitsP, truthP);
            opt += o;
            e0d += ed.Eta0; e1d += ed.Eta1; e0p += ep.Eta0; e1p += ep.Eta1;
            var exact = NextArrivalPredictions.Exact(seq);
            for (int a = 0; a < Algorithms.Length; a++)
            {
                string name = Algorithms[a];
                var alg = PagingAlgorithms.Create(name, new PagingAlgorithmOptions(
                    PagingAlgorithms.KindOf(name) == PredictionKind.PhaseBits ? bitsP : bitsD, null, exact));
                long c = PagingSimulator.Run(alg, seq, k, rng.Split());
                totals[a] += c;
                if (name == "mark0" && c > o + (long)(k - 1) * ed.Eta0 + ed.Eta1) violations++;
            }
        }
        var values = new List<string> { StudyRunner.Num(opt), StudyRunner.Num(e0d), StudyRunner.Num(e1d), StudyRunner.Num(e0p), StudyRunner.Num(e1p), StudyRunner.Num(violations) };
        foreach (long t in totals) values.Add(StudyRunner.Num(t));
        return values;
    }

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var groups = GroupReplicates(results, options);
        var table = RatioTable();
        var series = AddPointRows(table, groups, new CellColumns(RecordColumns), options);
        return new StudyOutput([new NamedTable("paging-predictions-ratios", table)], SeriesPlots(series, options));
    }

    // The replicates of each grid point, points in grid order.
    private SortedDictionary<int, List<(SweepCell Cell, CellResult Result)>> GroupReplicates(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var cells = Grid(options).Cells();
        var groups = new SortedDictionary<int, List<(SweepCell Cell, CellResult Result)>>();
        foreach (var r in results)
        {
            var c = cells[r.Index];
            int point = r.Index / Grid(options).Replicates;
            if (!groups.TryGetValue(point, out var g)) groups[point] = g = new();
            g.Add((c, r));
        }
        return groups;
    }

    private static Table RatioTable()
    {
        var columns = new List<TableColumn>
        {
            new("dataset"), new("mode"), new("q", ColumnKind.Real, 1), new("eta0/OPT", ColumnKind.Real, 3), new("eta1/OPT", ColumnKind.Real, 3),
            new("mark0 bound violations", ColumnKind.Integer),
        };
        columns[5] = new("mark0 bound violations", ColumnKind.Integer, Header: "viol.");
        columns[3] = new("eta0/OPT", ColumnKind.Real, 3, "η₀/OPT");
        columns[4] = new("eta1/OPT", ColumnKind.Real, 3, "η₁/OPT");
        for (int a = 0; a < Algorithms.Length; a++) columns.Add(new(Algorithms[a], ColumnKind.Real, 3, Short[a]));
        return new Table("One-bit predictions: ratio of totals Σ ALG / Σ OPT (summed over the traces and the replicates) vs bit-flip rate q", columns)
        {
            Legend = "mode: both = each bit flipped with probability q, only0 = only true 1s flipped to 0, only1 = only true 0s flipped to 1; "
                + "η₀/OPT, η₁/OPT = discard-bit errors (true 1 predicted 0, true 0 predicted 1) summed, over Σ OPT; "
                + "viol. = runs where mark0 exceeded its bound OPT + (k − 1)η₀ + η₁; "
                + string.Join(", ", Algorithms.Select((a, i) => Short[i] + " = " + a)),
        };
    }

    // One row per grid point (sums over its replicates); returns per (dataset, mode) the points with the per-replicate
    // ratio statistics for the plots.
    private static Dictionary<(string Ds, string Mode), List<(double Q, double E0, double E1, RatioStatistics[] Ratios)>> AddPointRows(Table table,
        SortedDictionary<int, List<(SweepCell Cell, CellResult Result)>> groups, CellColumns col, StudyOptions options)
    {
        var series = new Dictionary<(string Ds, string Mode), List<(double Q, double E0, double E1, RatioStatistics[] Ratios)>>();
        int cOpt = col["opt"], cE0 = col["eta0_discard"], cE1 = col["eta1_discard"], cViol = col["mark0_violations"];
        var algCol = Algorithms.Select(a => col[a]).ToArray();
        foreach (var g in groups.Values)
        {
            var first = g[0].Cell;
            double opt = 0, e0 = 0, e1 = 0, viol = 0;
            var sums = new double[Algorithms.Length];
            foreach (var (_, r) in g)
            {
                opt += StudyRunner.ParseNum(r.Values[cOpt]);
                e0 += StudyRunner.ParseNum(r.Values[cE0]);
                e1 += StudyRunner.ParseNum(r.Values[cE1]);
                viol += StudyRunner.ParseNum(r.Values[cViol]);
                for (int a = 0; a < Algorithms.Length; a++) sums[a] += StudyRunner.ParseNum(r.Values[algCol[a]]);
            }
            var ratios = new double[Algorithms.Length];
            for (int a = 0; a < Algorithms.Length; a++) ratios[a] = sums[a] / opt;
            // Per replicate: Σ ALG / Σ OPT over its traces; the plots show their mean and Student-t 95 % interval.
            var perReplicate = Enumerable.Range(0, Algorithms.Length).Select(a => RatioStatistics.Compute(
                g.Select(x => StudyRunner.ParseNum(x.Result.Values[algCol[a]]) / StudyRunner.ParseNum(x.Result.Values[cOpt])).ToArray())).ToArray();
            double q = double.Parse(first["q"], CultureInfo.InvariantCulture);
            var row = new List<object?> { PagingTraceSets.Label(first["dataset"], options), first["mode"], q, e0 / opt, e1 / opt, (long)viol };
            foreach (var x in ratios) row.Add(x);
            table.AddRow(row.ToArray());
            var key = (first["dataset"], first["mode"]);
            if (!series.TryGetValue(key, out var s)) series[key] = s = new();
            s.Add((q, e0 / opt, e1 / opt, perReplicate));
        }
        return series;
    }

    // Per dataset: ratio vs q (both kinds of error), and the discard-bit algorithms vs η₀ / OPT and vs η₁ / OPT.
    private static List<StudyPlot> SeriesPlots(Dictionary<(string Ds, string Mode), List<(double Q, double E0, double E1, RatioStatistics[] Ratios)>> series,
        StudyOptions options)
    {
        var plots = new List<StudyPlot>();
        foreach (var ds in new[] { "bk", "citi" })
        {
            string label = PagingTraceSets.Label(ds, options) + $", k = {PagingTraceSets.CacheSize(ds)}";
            if (series.TryGetValue((ds, "both"), out var both))
                plots.Add(new StudyPlot($"paging-predictions-{ds}-q", Lines(both, p => p.Q, Algorithms, $"{label}: ratio vs flip rate q", "flip probability q (both kinds of error)"), 1150, 600));
            string[] discardAlgs = ["lru", "marker-rand", "follow-discard", "mark0", "mark0-rand", "mark0-robust", "mark0-rand-robust"];
            if (series.TryGetValue((ds, "only0"), out var only0))
                plots.Add(new StudyPlot($"paging-predictions-{ds}-eta0", Lines(only0, p => p.E0, discardAlgs, $"{label}: ratio vs η₀ / OPT", "η₀ / OPT (true 1s flipped to 0)"), 1150, 600));
            if (series.TryGetValue((ds, "only1"), out var only1))
                plots.Add(new StudyPlot($"paging-predictions-{ds}-eta1", Lines(only1, p => p.E1, discardAlgs, $"{label}: ratio vs η₁ / OPT", "η₁ / OPT (true 0s flipped to 1)"), 1150, 600));
        }
        return plots;
    }

    private static readonly string[] Short = ["LRU", "MR", "OM", "FD", "M0", "M0r", "M0b", "M0rb", "MP", "MPb"];

    private static ScottPlot.Plot Lines(List<(double Q, double E0, double E1, RatioStatistics[] Ratios)> points, Func<(double Q, double E0, double E1, RatioStatistics[] Ratios), double> x,
        string[] algorithms, string title, string xLabel)
    {
        int reps = points.Min(p => p.Ratios[0].Count);
        var plot = PlotStyle.Create(title, xLabel, reps > 1 ? $"Σ ALG / Σ OPT (mean of {reps} replicates, 95 % CI)" : "total ratio  Σ ALG / Σ OPT");
        points.Sort((a, b) => x(a).CompareTo(x(b)));
        var xs = points.Select(x).ToArray();
        for (int i = 0; i < algorithms.Length; i++)
        {
            int a = Array.IndexOf(Algorithms, algorithms[i]);
            var ys = points.Select(p => p.Ratios[a].Mean).ToArray();
            var sp = PlotStyle.Series(plot, i, xs, ys, algorithms[i]);
            PlotStyle.ErrorBars(plot, xs, ys, points.Select(p => p.Ratios[a].Ci95HalfWidth).ToArray(), sp.Color);
        }
        PlotStyle.Legend(plot);
        plot.Axes.SetLimitsY(0.9, Math.Min(6, points.Max(p => p.Ratios.Max(r => r.Ci95High)) * 1.05));
        return plot;
    }
}
