using OnlineAlgos.Core;
using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Experiments.Paging;

/// <summary>
/// Classical paging: total fault ratio Σ ALG / Σ OPT (Belady) of LRU, FIFO, FWF, Marker (deterministic and randomized)
/// and RAND per workload and cache size k. Workloads: Zipf(0.9) over 1,000 pages, a loop over ⌈1.5k⌉ pages, a hot
/// set of k/2 pages with scans of 2k pages over a cold range of 3k pages, and — when <c>../shared/data</c> is present — the BrightKite (100 traces) and CitiBike (12 traces)
/// instances of the learning-augmented caching literature. Cold start; faults include cold misses.
/// One cell = one workload, one k, one replicate (a new generated trace, or new coins on the real traces).
/// </summary>
public sealed class ClassicalPagingStudy : IStudy
{
    private static readonly string[] Algorithms = [.. PagingAlgorithms.ClassicalNames];

    /// <inheritdoc/>
    public string Name => "paging-classical";
    /// <inheritdoc/>
    public string Description => "classical paging: fault ratio to Belady's optimum per algorithm and cache size k";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } = ["instances", "requests", "opt", .. Algorithms, "worst_lru_ratio"];

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options)
    {
        var workloads = new List<string> { "zipf", "loop", "scan" };
        workloads.AddRange(RealWorkloads(options));
        string[] ks = options.Quick ? ["10", "100"] : ["5", "10", "20", "50", "100", "200"];
        return new SweepGrid(options.Quick ? 2 : 5).Axis("workload", workloads).Axis("k", ks);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options)
    {
        var files = new List<string>();
        foreach (var w in RealWorkloads(options)) files.AddRange(RealTraceFiles(w, options));
        return files;
    }

    private static List<string> RealWorkloads(StudyOptions options)
    {
        var list = new List<string>();
        if (options.DataDirectory is not null)
        {
            if (Directory.Exists(Path.Combine(options.DataDirectory, "paging", "brightkite"))) list.Add("brightkite");
            if (Directory.Exists(Path.Combine(options.DataDirectory, "paging", "citibike"))) list.Add("citibike");
        }
        return list;
    }

    private static string[] RealTraceFiles(string workload, StudyOptions options)
    {
        var files = Directory.GetFiles(Path.Combine(options.DataDirectory!, "paging", workload), "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        int k = int.Parse(cell["k"], System.Globalization.CultureInfo.InvariantCulture);
        var rng = cell.CreateRng(options.Seed);
        var traces = Traces(cell["workload"], k, options, rng);
        long requests = 0, opt = 0;
        var faults = new long[Algorithms.Length];
        double worstLru = 0;
        foreach (var seq in traces)
        {
            requests += seq.Length;
            long o = BeladyPaging.Faults(seq, k);
            opt += o;
            for (int a = 0; a < Algorithms.Length; a++)
            {
                long f = PagingSimulator.Run(PagingAlgorithms.Create(Algorithms[a]), seq, k, rng.Split());
                faults[a] += f;
                if (a == 0 && o > 0) worstLru = Math.Max(worstLru, (double)f / o);
            }
        }
        var values = new List<string> { StudyRunner.Num(traces.Count), StudyRunner.Num(requests), StudyRunner.Num(opt) };
        foreach (var f in faults) values.Add(StudyRunner.Num(f));
        values.Add(StudyRunner.Num(worstLru));
        return values;
    }

    private static List<RequestSequence> Traces(string workload, int k, StudyOptions options, Rng rng)
    {
        int n = options.Quick ? 5_000 : 20_000;
        switch (workload)
        {
            case "zipf": return [TraceGenerators.Zipf(n, 1_000, 0.9, rng)];
            case "loop": return [TraceGenerators.Loop(n, (3 * k + 1) / 2)];
            case "scan": return [TraceGenerators.HotSetWithScans(n, Math.Max(1, k / 2), 2 * k, 0.5, 3 * k, rng)];
            case "brightkite":
            case "citibike":
                var files = RealTraceFiles(workload, options);
                var list = new List<RequestSequence>(files.Length);
                foreach (var f in files)
                {
                    using var stream = File.OpenRead(f); // the stream overload: invalid UTF-8 is an error, not U+FFFD
                    list.Add(TextTraceReader.Read(stream, f));
                }
                return list;
            default: throw new InvalidOperationException($"unknown workload '{workload}'");
        }
    }

    private static string WorkloadLabel(string w) => w switch
    {
        "zipf" => "Zipf(0.9) requests over 1000 pages",
        "loop" => "cyclic loop over 1.5k pages",
        "scan" => "hot set with scans",
        "brightkite" => "BrightKite traces",
        "citibike" => "Citi Bike traces",
        _ => w,
    };

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        // Aggregate replicates: Σ ALG / Σ OPT per (workload, k).
        var (groups, perReplicate, worst) = SumReplicates(results, new CellColumns(RecordColumns));
        var table = RatioTable();
        var series = AddRatioRows(table, groups, perReplicate, worst);
        var plots = new List<StudyPlot>();
        foreach (var (workload, points) in series) plots.Add(WorkloadPlot(workload, points));
        return new StudyOutput([new NamedTable("paging-classical", table)], plots);
    }

    // Per (workload, k), workloads in first-seen order: Σ requests, Σ OPT, Σ ALG per algorithm and the replicate count
    // (last); the worst single-trace LRU / OPT; and each replicate's ALG / OPT per algorithm (where OPT > 0).
    private static (SortedDictionary<(int Order, string Workload, int K), long[]> Groups, Dictionary<(string, int), List<double[]>> PerReplicate,
        Dictionary<(string, int), double> Worst) SumReplicates(IReadOnlyList<CellResult> results, CellColumns col)
    {
        var groups = new SortedDictionary<(int Order, string Workload, int K), long[]>();
        var perReplicate = new Dictionary<(string, int), List<double[]>>();
        var worst = new Dictionary<(string, int), double>();
        var order = new Dictionary<string, int>();
        var algCol = Algorithms.Select(a => col[a]).ToArray();
        foreach (var r in results)
        {
            var parts = r.CellId.Split('#')[0].Split(';');
            string workload = parts[0]["workload=".Length..];
            int k = int.Parse(parts[1]["k=".Length..], System.Globalization.CultureInfo.InvariantCulture);
            if (!order.ContainsKey(workload)) order[workload] = order.Count;
            var key = (order[workload], workload, k);
            if (!groups.TryGetValue(key, out var sums)) groups[key] = sums = new long[3 + Algorithms.Length];
            sums[^1]++; // replicates
            sums[0] += (long)StudyRunner.ParseNum(r.Values[col["requests"]]);
            double o = StudyRunner.ParseNum(r.Values[col["opt"]]);
            sums[1] += (long)o;
            for (int a = 0; a < Algorithms.Length; a++) sums[2 + a] += (long)StudyRunner.ParseNum(r.Values[algCol[a]]);
            worst[(workload, k)] = Math.Max(worst.GetValueOrDefault((workload, k)), StudyRunner.ParseNum(r.Values[col["worst_lru_ratio"]]));
            if (o > 0)
            {
                if (!perReplicate.TryGetValue((workload, k), out var list)) perReplicate[(workload, k)] = list = new();
                list.Add(Enumerable.Range(0, Algorithms.Length).Select(a => StudyRunner.ParseNum(r.Values[algCol[a]]) / o).ToArray());
            }
        }
        return (groups, perReplicate, worst);
    }

    private static Table RatioTable()
    {
        var columns = new List<TableColumn>
        {
            new("workload"), new("k", ColumnKind.Integer), new("replicates", ColumnKind.Integer, Header: "reps"),
            new("requests", ColumnKind.Integer), new("opt_faults", ColumnKind.Real, 1, "OPT faults"),
        };
        foreach (var a in Algorithms) columns.Add(new TableColumn(a, ColumnKind.Real, 3));
        columns.Add(new TableColumn("worst_lru", ColumnKind.Real, 3, "worst LRU"));
        return new Table("Classical paging (cold start, cold misses counted): faults of each algorithm summed over the replicates, divided by Belady's (OPT) faults summed over the same replicates", columns)
        {
            Legend = "reps = replicates (new trace, or new coins on the real traces); requests and OPT faults = mean per replicate; "
                + "algorithm columns = Σ ALG faults / Σ OPT faults; worst LRU = largest LRU / OPT of a single trace",
        };
    }

    // One row per (workload, k); returns per workload the k's with the per-replicate ratio statistics for the plots.
    private static Dictionary<string, List<(int K, RatioStatistics[] Stats)>> AddRatioRows(Table table,
        SortedDictionary<(int Order, string Workload, int K), long[]> groups, Dictionary<(string, int), List<double[]>> perReplicate,
        Dictionary<(string, int), double> worst)
    {
        var series = new Dictionary<string, List<(int K, RatioStatistics[] Stats)>>();
        foreach (var (key, sums) in groups)
        {
            long reps = sums[^1];
            // Requests and OPT per replicate (one replicate = one generated trace, or all real traces once).
            var row = new List<object?> { key.Workload, key.K, reps, sums[0] / reps, (double)sums[1] / reps };
            for (int a = 0; a < Algorithms.Length; a++)
                row.Add(sums[1] == 0 ? double.NaN : (double)sums[2 + a] / sums[1]);
            row.Add(worst[(key.Workload, key.K)]);
            table.AddRow(row.ToArray());
            if (!perReplicate.TryGetValue((key.Workload, key.K), out var reps1)) continue;
            var stats = Enumerable.Range(0, Algorithms.Length).Select(a => RatioStatistics.Compute(reps1.Select(v => v[a]).ToArray())).ToArray();
            if (!series.TryGetValue(key.Workload, out var s)) series[key.Workload] = s = new();
            s.Add((key.K, stats));
        }
        return series;
    }

    private static StudyPlot WorkloadPlot(string workload, List<(int K, RatioStatistics[] Stats)> points)
    {
        int reps = points.Min(p => p.Stats[0].Count);
        var plot = PlotStyle.Create($"Classical paging, {WorkloadLabel(workload)}", "cache size k (log scale)",
            reps > 1 ? $"faults / OPT faults (mean of {reps}, 95 % CI)" : "faults / OPT faults");
        double[] xs = points.Select(p => Math.Log10(p.K)).ToArray();
        // Each algorithm is shifted a little along x so coinciding error bars stay apart.
        double dodge = xs.Length > 1 ? 0.012 * (xs[^1] - xs[0]) : 0.01;
        for (int a = 0; a < Algorithms.Length; a++)
        {
            var dx = xs.Select(x => x + (a - (Algorithms.Length - 1) / 2.0) * dodge).ToArray();
            var ys = points.Select(p => p.Stats[a].Mean).ToArray();
            var sc = PlotStyle.Series(plot, a, dx, ys, Algorithms[a]);
            PlotStyle.ErrorBars(plot, dx, ys, points.Select(p => p.Stats[a].Ci95HalfWidth).ToArray(), sc.Color);
        }
        PlotStyle.Ticks(plot.Axes.Bottom, xs, points.Select(p => p.K.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Margins(0.08, 0.1);
        PlotStyle.Legend(plot);
        return new StudyPlot($"paging-classical-{workload}", plot);
    }

}
