using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Experiments.Paging;

/// <summary>
/// Spec §3 lower-bound families against k: the adversary requests the smallest page of {0..k} missing from a
/// deterministic algorithm's cache, with all-0 or all-1 bits. For MARK0-det, FollowDiscard and Det(MARK0, LRU) it
/// reports ALG/OPT, η₀/OPT and η₁/OPT, and the smallest α+β (all-0) or α+(k−1)γ (all-1) consistent with the run for a
/// (1, β, γ)-type bound, i.e. 1 + (ALG − OPT)/η — the deterministic lower bounds say these approach k. A third family,
/// uniform requests over k+1 pages with all-0 bits, shows MARK0-rand's ratio against H_k (randomized bound α+β ≥ H_k).
/// </summary>
public sealed class LowerBoundStudy : IStudy
{
    private static readonly string[] Algorithms = ["mark0", "follow-discard", "mark0-robust", "mark0-rand"];

    /// <inheritdoc/>
    public string Name => "paging-lower-bounds";
    /// <inheritdoc/>
    public string Description => "discard-setup lower-bound families vs k: ALG/OPT, eta/OPT and the implied alpha+beta, alpha+(k-1)gamma";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } = ["n", "opt", "alg", "eta0", "eta1"];

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) => new SweepGrid()
        .Axis("family", "all0", "all1", "uniform")
        .Axis("algorithm", Algorithms)
        .Axis("k", options.Quick ? ["2", "4", "8"] : ["2", "3", "4", "5", "6", "8", "10", "12", "16", "24", "32"]);

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) => []; // generated inputs only

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        string family = cell["family"], name = cell["algorithm"];
        int k = int.Parse(cell["k"], CultureInfo.InvariantCulture);
        int n = (options.Quick ? 100 : 200) * k;
        var rng = cell.CreateRng(options.Seed);
        Func<byte[], IOnlinePagingAlgorithm> create = b => PagingAlgorithms.Create(name, new PagingAlgorithmOptions(b));
        RequestSequence seq;
        if (family == "uniform") // same sequence for every algorithm at this k
            seq = DiscardLowerBoundFamily.UniformOverKPlusOne(k, n, Rng.ForCell(options.Seed, "uniform;k=" + cell["k"], 0));
        else
        {
            // The adversary needs a deterministic algorithm; for mark0-rand it plays against MARK0-det's sequence.
            var adversaryTarget = name == "mark0-rand" ? (Func<byte[], IOnlinePagingAlgorithm>)(b => new Mark0DiscardPaging(b)) : create;
            seq = DiscardLowerBoundFamily.Build(adversaryTarget, k, n, family == "all1" ? (byte)1 : (byte)0);
        }
        var bits = seq.Bits.ToArray();
        var truth = new byte[n];
        long opt = BeladyPaging.Run(seq, k, truth);
        var e = PredictionErrors.Compute(bits, truth);
        double alg = 0;
        int runs = PagingAlgorithms.IsRandomized(name) ? 20 : 1;
        for (int r = 0; r < runs; r++) alg += PagingSimulator.Run(create(bits), seq, k, rng.Split());
        return [StudyRunner.Num(n), StudyRunner.Num(opt), StudyRunner.Num(alg / runs), StudyRunner.Num(e.Eta0), StudyRunner.Num(e.Eta1)];
    }

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var table = LowerBoundTable();
        var series = AddCellRows(table, results, Grid(options).Cells(), new CellColumns(RecordColumns));
        var plots = new List<StudyPlot>();
        foreach (var family in new[] { "all0", "all1", "uniform" }) plots.Add(FamilyPlot(family, series));
        return new StudyOutput([new NamedTable("paging-lower-bounds", table)], plots);
    }

    private static Table LowerBoundTable() =>
        new("Lower-bound families with discard predictions: ALG / OPT and the constants the lower bound implies", [
            new("family"), new("algorithm"), new("k", ColumnKind.Integer), new("n", ColumnKind.Integer), new("OPT", ColumnKind.Integer),
            new("ALG", ColumnKind.Real, 1), new("ALG/OPT", ColumnKind.Real, 3), new("eta0/OPT", ColumnKind.Real, 3, "η₀/OPT"), new("eta1/OPT", ColumnKind.Real, 3, "η₁/OPT"),
            new("implied", ColumnKind.Text), new("H_k", ColumnKind.Real, 3, "H(k)")])
        {
            Legend = "family: all0 = every bit predicted 0, all1 = every bit predicted 1, uniform = uniform requests over k + 1 pages with all-0 bits; "
                + "n = requests; η₀, η₁ = prediction errors (true 1s predicted 0, true 0s predicted 1); implied = what ALG ≤ α·OPT + β·η₀ (α = 1) "
                + "or ALG ≤ OPT + γ·η₁ needs, to be compared with the lower bounds α + β ≥ k and α + (k − 1)γ ≥ k; H(k) = k-th harmonic number",
        };

    // One row per cell; returns ALG / OPT against k per (family, algorithm) for the plots.
    private static Dictionary<(string, string), List<(double K, double Ratio)>> AddCellRows(Table table, IReadOnlyList<CellResult> results,
        IReadOnlyList<SweepCell> cells, CellColumns col)
    {
        var series = new Dictionary<(string, string), List<(double K, double Ratio)>>();
        foreach (var r in results)
        {
            var c = cells[r.Index];
            int k = int.Parse(c["k"], CultureInfo.InvariantCulture);
            double n = StudyRunner.ParseNum(r.Values[col["n"]]), opt = StudyRunner.ParseNum(r.Values[col["opt"]]), alg = StudyRunner.ParseNum(r.Values[col["alg"]]);
            double e0 = StudyRunner.ParseNum(r.Values[col["eta0"]]), e1 = StudyRunner.ParseNum(r.Values[col["eta1"]]);
            double hk = Harmonic(k);
            table.AddRow(c["family"], c["algorithm"], (long)k, (long)n, (long)opt, alg, alg / opt, e0 / opt, e1 / opt, Implied(c["family"], k, alg, opt, e0, e1), hk);
            var key = (c["family"], c["algorithm"]);
            if (!series.TryGetValue(key, out var s)) series[key] = s = new();
            s.Add((k, alg / opt));
        }
        return series;
    }

    private static double Harmonic(int k)
    {
        double h = 0;
        for (int i = 1; i <= k; i++) h += 1.0 / i;
        return h;
    }

    private static string Implied(string family, int k, double alg, double opt, double e0, double e1) => family switch
    {
        // ALG ≤ α·OPT + β·η0 with α = 1 needs β ≥ (ALG − OPT)/η0; the lower bound says α + β ≥ k.
        "all0" => e0 > 0 ? "1 + β ≥ " + (1 + (alg - opt) / e0).ToString("F2", CultureInfo.InvariantCulture) : "",
        "all1" => e1 > 0 ? "1 + (k − 1)γ ≥ " + (1 + (k - 1) * (alg - opt) / e1).ToString("F2", CultureInfo.InvariantCulture) : "",
        _ => "ratio vs H(k)",
    };

    // ALG / OPT against k on log axes for every algorithm run on the family, with its reference line (k or H(k)).
    private static StudyPlot FamilyPlot(string family, Dictionary<(string, string), List<(double K, double Ratio)>> series)
    {
        string title = family switch { "all0" => "All-0 adversary", "all1" => "All-1 adversary", _ => "Uniform over k+1 pages, all-0 bits" };
        // k on a log axis (ticks at the actual k); ALG/OPT grows like k for all0/all1, so their y axis is log too.
        bool logY = family != "uniform";
        double Y(double v) => logY ? Math.Log10(v) : v;
        var plot = PlotStyle.Create(title + ": ALG / OPT vs k", "cache size k (log scale)", logY ? "ALG / OPT (log scale)" : "ALG / OPT");
        int index = 0;
        foreach (var name in Algorithms)
        {
            if (!series.TryGetValue((family, name), out var pts)) continue;
            pts.Sort((a, b) => a.K.CompareTo(b.K));
            PlotStyle.Series(plot, index++, pts.Select(p => Math.Log10(p.K)).ToArray(), pts.Select(p => Y(p.Ratio)).ToArray(), name);
        }
        var ks = series.Values.SelectMany(v => v.Select(p => p.K)).Distinct().OrderBy(x => x).ToArray();
        var reference = family == "uniform" ? ks.Select(k => Harmonic((int)k)).ToArray() : ks;
        var line = plot.Add.Scatter(ks.Select(Math.Log10).ToArray(), reference.Select(Y).ToArray());
        line.LegendText = family == "uniform" ? "H(k), harmonic number" : "k (lower bound)";
        line.LinePattern = ScottPlot.LinePattern.Dashed;
        line.Color = ScottPlot.Colors.Gray;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        PlotStyle.Ticks(plot.Axes.Bottom, ks.Select(Math.Log10).ToArray(), ks.Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray());
        if (logY) PlotStyle.LogAxis(plot.Axes.Left, Algorithms.Where(a => series.ContainsKey((family, a))).SelectMany(a => series[(family, a)].Select(p => Math.Log10(p.Ratio))).Concat(ks.Select(Math.Log10)));
        plot.Axes.Margins(0.06, 0.1);
        PlotStyle.Legend(plot);
        return new StudyPlot($"paging-lower-bounds-{family}", plot);
    }

}
