using System.Globalization;
using System.Text;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Experiments.Paging;

/// <summary>
/// The ACEPS (Antoniadis et al., ICML 2020) caching tables of spec §5.1 on BrightKite (k = 10) and CitiBike (k = 100):
/// deterministic rows (OPT, LRU, FIFO, OPTMarking, MARK&amp;PREDICT and MARK0 with perfect bits, FtP+PLECO, FtP+POPU,
/// robust FtP combinations) compared exactly with the published totals; randomized rows (Marker, RAND) as means over
/// runs with tolerance 0.01 on the ratio; and the σ-noise curves (h = y + exp(σ·N(0,1)), never-again y = 10000·n) of FtP,
/// Predictive Marker, LMarker, LNonMarker, RobustFtP and Trust&amp;Doubt beside ACEPS's published values. Without <c>shared/data</c> it runs on generated stand-ins and shows no
/// reference values.
/// </summary>
public sealed class AcepsStudy : IStudy
{
    private static readonly string[] Sigmas = ["0", "2", "5", "10", "20", "50", "100", "200"];
    private static readonly string[] QuickSigmas = ["0", "10", "200"];
    private static readonly string[] SigmaAlgorithms = ["ftp", "predictive-marker", "lmarker", "lnonmarker", "robust-ftp", "trust-doubt"];

    // Published totals / ratios (spec §5.1). Deterministic rows: exact totals; randomized: ratios.
    private static readonly Dictionary<(string, string), long> ExpectedTotals = new()
    {
        [("bk", "opt")] = 33_990, [("citi", "opt")] = 105_192,
        [("bk", "lru")] = 43_883, [("citi", "lru")] = 194_423,
        [("bk", "fifo")] = 47_765, [("citi", "fifo")] = 199_548,
        [("bk", "opt-marking")] = 41_648, [("citi", "opt-marking")] = 168_506,
        [("bk", "mark-predict (perfect phase bits)")] = 41_648, [("citi", "mark-predict (perfect phase bits)")] = 168_506,
        [("bk", "mark0 (perfect discard bits)")] = 33_990, [("citi", "mark0 (perfect discard bits)")] = 105_192,
        [("bk", "ftp+pleco")] = 70_749, [("citi", "ftp+pleco")] = 239_537,
        [("bk", "ftp+popu")] = 58_029, [("citi", "ftp+popu")] = 182_920,
    };

    private static readonly Dictionary<(string, string), double> ExpectedRatios = new()
    {
        [("bk", "marker-rand")] = 1.333, [("citi", "marker-rand")] = 1.861,
        [("bk", "rand")] = 1.431, [("citi", "rand")] = 1.912,
    };

    private static readonly Dictionary<(string, string), double[]> AcepsCurves = new()
    {
        [("bk", "ftp")] = [1.000, 1.003, 1.053, 1.129, 1.230, 1.332, 1.378, 1.400],
        [("bk", "predictive-marker")] = [1.225, 1.228, 1.238, 1.255, 1.284, 1.304, 1.310, 1.311],
        [("bk", "lmarker")] = [1.225, 1.228, 1.240, 1.258, 1.288, 1.309, 1.314, 1.315],
        [("bk", "lnonmarker")] = [1.227, 1.228, 1.237, 1.256, 1.289, 1.312, 1.318, 1.319],
        [("bk", "robust-ftp")] = [1.010, 1.012, 1.062, 1.140, 1.239, 1.302, 1.318, 1.324],
        [("bk", "trust-doubt")] = [1.190, 1.192, 1.213, 1.233, 1.251, 1.267, 1.273, 1.276],
        [("citi", "trust-doubt")] = [1.520, 1.522, 1.598, 1.685, 1.738, 1.771, 1.781, 1.787],
        [("citi", "ftp")] = [1.000, 1.002, 1.133, 1.325, 1.474, 1.582, 1.622, 1.644],
        [("citi", "predictive-marker")] = [1.602, 1.606, 1.665, 1.731, 1.771, 1.793, 1.800, 1.802],
        [("citi", "lmarker")] = [1.602, 1.607, 1.678, 1.752, 1.793, 1.815, 1.821, 1.823],
        [("citi", "lnonmarker")] = [1.602, 1.604, 1.647, 1.697, 1.725, 1.740, 1.745, 1.747],
        [("citi", "robust-ftp")] = [1.002, 1.004, 1.134, 1.328, 1.477, 1.585, 1.626, 1.648],
    };

    /// <inheritdoc/>
    public string Name => "paging-aceps";
    /// <inheritdoc/>
    public string Description => "ACEPS 2020 caching tables on BrightKite/CitiBike: exact deterministic rows, randomized rows, sigma-noise curves";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } = ["traces", "opt", "totals"];

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options)
    {
        var items = new List<string> { "deterministic", "randomized" };
        foreach (var s in options.Quick ? QuickSigmas : Sigmas) items.Add("sigma" + s);
        return new SweepGrid().Axis("dataset", "bk", "citi").Axis("item", items);
    }

    private static int Runs(StudyOptions o) => o.Quick ? 2 : 10;

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) =>
        [.. PagingTraceSets.Files("bk", options), .. PagingTraceSets.Files("citi", options)];

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        string ds = cell["dataset"], item = cell["item"];
        int k = PagingTraceSets.CacheSize(ds);
        // Quick mode keeps all traces for the (cheap) deterministic rows and 2 Citi traces for the rest.
        int limit = options.Quick && ds == "citi" && item != "deterministic" ? 2 : int.MaxValue;
        var traces = PagingTraceSets.Load(ds, options, limit);
        var rng = cell.CreateRng(options.Seed);
        var totals = new Dictionary<string, double>();
        void Add(string name, double v) => totals[name] = totals.GetValueOrDefault(name) + v;
        long opt = 0;
        foreach (var seq in traces)
        {
            var labels = new byte[seq.Length];
            opt += BeladyPaging.Run(seq, k, labels);
            if (item == "deterministic")
            {
                var exact = NextArrivalPredictions.Exact(seq);
                var pleco = NextArrivalPredictions.Pleco(seq);
                var popu = NextArrivalPredictions.Popu(seq);
                Add("lru", PagingAlgorithms.Faults("lru", seq, k));
                Add("fifo", PagingAlgorithms.Faults("fifo", seq, k));
                Add("opt-marking", PagingAlgorithms.Faults("opt-marking", seq, k, new PagingAlgorithmOptions(ExactNextArrivals: exact)));
                Add("mark-predict (perfect phase bits)", PagingAlgorithms.Faults("mark-predict", seq, k, new PagingAlgorithmOptions(GroundTruthBits.Phase(seq, k)), rng.Split()));
                Add("mark0 (perfect discard bits)", PagingAlgorithms.Faults("mark0", seq, k, new PagingAlgorithmOptions(labels)));
                Add("ftp+pleco", PagingAlgorithms.Faults("ftp", seq, k, new PagingAlgorithmOptions(NextArrivals: pleco)));
                Add("ftp+popu", PagingAlgorithms.Faults("ftp", seq, k, new PagingAlgorithmOptions(NextArrivals: popu)));
                Add("det(ftp+popu,lru)", PagingAlgorithms.Faults("ftp-det-lru", seq, k, new PagingAlgorithmOptions(NextArrivals: popu, Gamma: 0.01)));
                Add("det(ftp+pleco,lru)", PagingAlgorithms.Faults("ftp-det-lru", seq, k, new PagingAlgorithmOptions(NextArrivals: pleco, Gamma: 0.01)));
            }
            else
            {
                int runs = Runs(options);
                double[]? exactY = item == "randomized" ? null : NextArrivalPredictions.Exact(seq);
                double sigma = item == "randomized" ? 0 : double.Parse(item["sigma".Length..], CultureInfo.InvariantCulture);
                for (int r = 0; r < runs; r++)
                {
                    if (item == "randomized")
                    {
                        Add("marker-rand", PagingAlgorithms.Faults("marker-rand", seq, k, rng: rng.Split()) / (double)runs);
                        Add("rand", PagingAlgorithms.Faults("rand", seq, k, rng: rng.Split()) / (double)runs);
                        continue;
                    }
                    var h = NextArrivalPredictions.LogNormal(exactY!, sigma, rng);
                    var inputs = new PagingAlgorithmOptions(null, h, exactY, 0.01, 0.5);
                    foreach (var name in SigmaAlgorithms)
                        Add(name, PagingAlgorithms.Faults(name, seq, k, inputs, rng.Split()) / (double)runs);
                }
            }
        }
        var sb = new StringBuilder();
        foreach (var (name, v) in totals)
        {
            if (sb.Length > 0) sb.Append(';');
            sb.Append(name).Append(':').Append(StudyRunner.Num(v));
        }
        return [StudyRunner.Num(traces.Count), StudyRunner.Num(opt), sb.ToString()];
    }

    private static Dictionary<string, double> ParseTotals(string s)
    {
        var d = new Dictionary<string, double>();
        foreach (var part in s.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int i = part.LastIndexOf(':');
            d[part[..i]] = StudyRunner.ParseNum(part[(i + 1)..]);
        }
        return d;
    }

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var cells = Grid(options).Cells();
        bool real = PagingTraceSets.IsReal(options);
        var sigmas = options.Quick ? QuickSigmas : Sigmas;
        var main = MainTable();
        var curves = SigmaTable(sigmas);
        var col = new CellColumns(RecordColumns);
        var plots = new List<StudyPlot>();
        foreach (var ds in new[] { "bk", "citi" })
        {
            var (curveValues, curvesFull) = AddMainRows(main, ds, results, cells, col, sigmas, real, options);
            plots.Add(AddSigmaRows(curves, ds, curveValues, curvesFull, sigmas, options));
        }
        return new StudyOutput([new NamedTable("paging-aceps-table", main), new NamedTable("paging-aceps-sigma", curves)], plots);
    }

    private static Table MainTable() =>
        new("ACEPS caching table: total faults over the traces and ratio of totals, ours beside the published values", [
            new("dataset"), new("algorithm"), new("traces", ColumnKind.Integer), new("total", ColumnKind.Real, 1, "Σ ALG"), new("ratio", ColumnKind.Real, 4, "Σ ALG / Σ OPT"),
            new("published total", Header: "publ. Σ ALG"), new("published ratio", Header: "publ. ratio"), new("check")])
        {
            Legend = "Σ ALG = faults summed over all traces of the dataset (randomised algorithms: mean over runs); publ. = ACEPS published figure (full data only); check = agreement with it",
        };

    private static Table SigmaTable(string[] sigmas)
    {
        var sigmaCols = new List<TableColumn> { new("dataset"), new("algorithm"), new("source") };
        foreach (var s in sigmas) sigmaCols.Add(new("σ=" + s, ColumnKind.Real, 3));
        return new Table("Ratio of totals Σ ALG / Σ OPT over the traces vs lognormal prediction noise σ, ours and ACEPS published", sigmaCols)
        {
            Legend = "σ = standard deviation of the lognormal noise on the predicted next-request times; source = ours or ACEPS published (full data only)",
        };
    }

    // The dataset's deterministic and randomized cells as rows of the main table; returns the σ cells' ratios per
    // algorithm (NaN where missing) and whether every σ cell ran on the full data.
    private static (Dictionary<string, double[]> CurveValues, bool CurvesFull) AddMainRows(Table main, string ds, IReadOnlyList<CellResult> results,
        IReadOnlyList<SweepCell> cells, CellColumns col, string[] sigmas, bool real, StudyOptions options)
    {
        var curveValues = new Dictionary<string, double[]>();
        bool curvesFull = real;
        foreach (var r in results)
        {
            var c = cells[r.Index];
            if (c["dataset"] != ds) continue;
            int traces = (int)StudyRunner.ParseNum(r.Values[col["traces"]]);
            double opt = StudyRunner.ParseNum(r.Values[col["opt"]]);
            var totals = ParseTotals(r.Values[col["totals"]]);
            bool full = real && traces == (ds == "citi" ? 12 : 100);
            string item = c["item"];
            if (item == "deterministic" || item == "randomized")
            {
                if (item == "deterministic") main.AddRow(PagingTraceSets.Label(ds, options), "opt", (long)traces, opt, 1.0, Ref(ds, "opt", full), Ref(ds, "opt", full, ratio: true), Check(ds, "opt", opt, opt, full));
                foreach (var (name, total) in totals)
                    main.AddRow(PagingTraceSets.Label(ds, options), name, (long)traces, total, total / opt, Ref(ds, name, full), Ref(ds, name, full, ratio: true), Check(ds, name, total, opt, full));
            }
            else
            {
                int si = Array.IndexOf(sigmas, item["sigma".Length..]);
                curvesFull &= full;
                foreach (var (name, total) in totals)
                {
                    if (!curveValues.TryGetValue(name, out var arr)) curveValues[name] = arr = Enumerable.Repeat(double.NaN, sigmas.Length).ToArray();
                    arr[si] = total / opt;
                }
            }
        }
        return (curveValues, curvesFull);
    }

    // The dataset's σ rows (ours, and ACEPS's published curve beside it on the full data) and its ratio-vs-σ plot.
    private static StudyPlot AddSigmaRows(Table curves, string ds, Dictionary<string, double[]> curveValues, bool curvesFull, string[] sigmas, StudyOptions options)
    {
        var plot = PlotStyle.Create($"{PagingTraceSets.Label(ds, options)}, k = {PagingTraceSets.CacheSize(ds)}: ratio vs prediction noise",
            "lognormal noise σ (axis log(1 + σ))", "total ratio  Σ ALG / Σ OPT");
        // σ at its actual values on a log(1 + σ) axis: σ = 0 stays on the axis and 2 … 200 spread evenly.
        var xs = sigmas.Select(x => Math.Log10(1 + StudyRunner.ParseNum(x))).ToArray();
        int series = 0;
        foreach (var name in SigmaAlgorithms)
        {
            if (!curveValues.TryGetValue(name, out var ys)) continue;
            var row = new List<object?> { PagingTraceSets.Label(ds, options), name, "ours" };
            foreach (var y in ys) row.Add(y);
            curves.AddRow(row.ToArray());
            if (curvesFull && AcepsCurves.TryGetValue((ds, name), out var pub))
            {
                var prow = new List<object?> { PagingTraceSets.Label(ds, options), name, "ACEPS published" };
                foreach (var s in sigmas) prow.Add(pub[Array.IndexOf(Sigmas, s)]);
                curves.AddRow(prow.ToArray());
            }
            PlotStyle.Series(plot, series++, xs, ys, name);
        }
        PlotStyle.Ticks(plot.Axes.Bottom, xs, sigmas.ToArray());
        plot.Axes.Margins(0.06, 0.1);
        PlotStyle.Legend(plot, ScottPlot.Alignment.LowerRight);
        return new StudyPlot($"paging-aceps-{ds}-sigma", plot);
    }

    private static string Ref(string ds, string name, bool full, bool ratio = false)
    {
        if (!full) return "";
        if (ExpectedTotals.TryGetValue((ds, name), out long t))
            return ratio ? (t / (double)ExpectedTotals[(ds, "opt")]).ToString("F3", CultureInfo.InvariantCulture) : t.ToString(CultureInfo.InvariantCulture);
        if (ratio && ExpectedRatios.TryGetValue((ds, name), out double r)) return r.ToString("F3", CultureInfo.InvariantCulture);
        return "";
    }

    private static string Check(string ds, string name, double total, double opt, bool full)
    {
        if (!full) return "";
        if (ExpectedTotals.TryGetValue((ds, name), out long t)) return total == t ? "exact" : $"DIFFERS by {total - t}";
        if (ExpectedRatios.TryGetValue((ds, name), out double r)) return Math.Abs(total / opt - r) <= 0.01 ? "within 0.01" : "outside 0.01";
        return "";
    }
}
