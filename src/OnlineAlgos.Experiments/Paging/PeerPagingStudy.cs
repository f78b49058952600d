using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Experiments.Paging;

/// <summary>
/// <c>paging-peers</c> (issue #16, spec paging-peers): each Cache-Coliseum convention side by side with ours on
/// BrightKite (k = 10) and CitiBike (k = 100) at flip rates q = 0, 0.1, 0.3, so that one convention alone is compared
/// (both sides get the same predictions), plus Cache-Coliseum's algorithms that the toolkit lacked next to the
/// algorithm they build on. Ratio = Σ ALG / Σ OPT over the traces of one replicate (OPT = Belady, cold misses included,
/// as Cache-Coliseum's "competitive ratio"); the table shows the mean over the replicates (seeds) and the Student-t
/// 95 % half-width. Predictions at rate q: every bit of the ground truth named in the row is flipped with
/// probability q (Cache-Coliseum's "bin" noise); every next-arrival prediction is, with probability q, replaced by a
/// uniformly random time in (t, 2n] (our corruption model, so that the next-arrival algorithms see the same rate).
/// Without <c>--data</c> the traces are generated stand-ins (<see cref="PagingTraceSets"/>).
/// </summary>
public sealed class PeerPagingStudy : IStudy
{
    private enum Input { None, Discard, DiscardColiseum, Phase, PhaseColiseum, Arrivals }

    private sealed record Run(string Algorithm, Input Input)
    {
        public string Column => Algorithm + "@" + Input.ToString().ToLowerInvariant();
    }

    // One row of the table: a comparison of our side and Cache-Coliseum's side.
    private sealed record Pair(string What, Run Ours, Run Peer);

    private static readonly Pair[] Pairs =
    [
        new("Marker reset (at a hit vs at the next fault)", new("marker-rand", Input.None), new("marker-rand-coliseum", Input.None)),
        new("follow-the-bits rule (uniform vs LRU among bit-1 pages)", new("follow-discard", Input.Discard), new("follow-discard-coliseum", Input.Discard)),
        new("Mark0 discard (eager vs lazy)", new("mark0-rand", Input.Discard), new("mark0-rand-coliseum", Input.Discard)),
        new("discard labels (Belady ties by lowest slot), follow-discard", new("follow-discard", Input.Discard), new("follow-discard", Input.DiscardColiseum)),
        new("discard labels, mark0-rand-coliseum", new("mark0-rand-coliseum", Input.Discard), new("mark0-rand-coliseum", Input.DiscardColiseum)),
        new("Mark0, all Coliseum conventions", new("mark0-rand", Input.Discard), new("mark0-rand-coliseum", Input.DiscardColiseum)),
        new("phase labels (cut at a repeat; last two phases 1s), mark-predict", new("mark-predict", Input.Phase), new("mark-predict", Input.PhaseColiseum)),
        new("LNonMarker (bare vs Det(core, Marker))", new("lnonmarker", Input.Arrivals), new("lnonmarker-bare", Input.Arrivals)),
        new("deterministic combiner (CombDet[FtP, Marker] vs Det(FtP, LRU))", new("ftp-det-lru", Input.Arrivals), new("combdet-coliseum", Input.Arrivals)),
        new("randomized combiner (CombineRandom[FtP, Marker] vs Rnd(Marker, FtP))", new("robust-ftp", Input.Arrivals), new("combrand-coliseum", Input.Arrivals)),
        new("new: Guard around FtP", new("ftp", Input.Arrivals), new("guard", Input.Arrivals)),
        new("new: GuardWithoutRandomEvict around FtP", new("ftp", Input.Arrivals), new("guard-no-random-evict", Input.Arrivals)),
        new("new: GuardWithoutProtection around FtP", new("ftp", Input.Arrivals), new("guard-no-protection", Input.Arrivals)),
        new("new: Follower&Robust (vs FtP)", new("ftp", Input.Arrivals), new("follower-robust", Input.Arrivals)),
    ];

    private static readonly Run[] Runs = Pairs.SelectMany(p => new[] { p.Ours, p.Peer }).Distinct().ToArray();

    /// <inheritdoc/>
    public string Name => "paging-peers";
    /// <inheritdoc/>
    public string Description => "Cache-Coliseum's conventions side by side with ours, and its algorithms, on BrightKite and CitiBike vs flip rate";

    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } = ["opt", .. Runs.Select(r => r.Column)];

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) =>
        new SweepGrid(options.Quick ? 2 : 30)
            .Axis("dataset", "bk", "citi")
            .Axis("q", "0", "0.1", "0.3");

    private static int TraceLimit(string ds, StudyOptions options) => options.Quick ? (ds == "citi" ? 1 : 5) : int.MaxValue;

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) =>
        [.. PagingTraceSets.Files("bk", options, TraceLimit("bk", options)), .. PagingTraceSets.Files("citi", options, TraceLimit("citi", options))];

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        string ds = cell["dataset"];
        double q = double.Parse(cell["q"], CultureInfo.InvariantCulture);
        int k = PagingTraceSets.CacheSize(ds);
        var traces = PagingTraceSets.Load(ds, options, TraceLimit(ds, options));
        var rng = cell.CreateRng(options.Seed);
        long opt = 0;
        var totals = new long[Runs.Length];
        foreach (var seq in traces)
        {
            opt += BeladyPaging.Faults(seq, k);
            var exact = NextArrivalPredictions.Exact(seq);
            var inputs = new Dictionary<Input, (byte[]? Bits, double[]? H)>
            {
                [Input.None] = (null, null),
                [Input.Discard] = (BitNoise.Flip(GroundTruthBits.Discard(seq, k), q, rng.Split()), null),
                [Input.DiscardColiseum] = (BitNoise.Flip(GroundTruthBits.DiscardColiseum(seq, k), q, rng.Split()), null),
                [Input.Phase] = (BitNoise.Flip(GroundTruthBits.Phase(seq, k), q, rng.Split()), null),
                [Input.PhaseColiseum] = (BitNoise.Flip(GroundTruthBits.PhaseColiseum(seq, k), q, rng.Split()), null),
                [Input.Arrivals] = (null, Corrupt(exact, q, rng.Split())),
            };
            for (int r = 0; r < Runs.Length; r++)
            {
                var (bits, h) = inputs[Runs[r].Input];
                var alg = PagingAlgorithms.Create(Runs[r].Algorithm, new PagingAlgorithmOptions(bits, h, exact));
                totals[r] += PagingSimulator.Run(alg, seq, k, rng.Split());
            }
        }
        var values = new List<string> { StudyRunner.Num(opt) };
        foreach (long t in totals) values.Add(StudyRunner.Num(t));
        return values;
    }

    /// <summary>With probability q each prediction becomes a uniformly random time in (t, 2n] (else exact).</summary>
    internal static double[] Corrupt(double[] exact, double q, Rng rng)
    {
        int n = exact.Length;
        var h = (double[])exact.Clone();
        if (q == 0) return h;
        for (int t = 0; t < n; t++)
            if (rng.NextDouble() < q) h[t] = t + 1 + rng.NextDouble() * (2.0 * n - t - 1);
        return h;
    }

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        var grid = Grid(options);
        var cells = grid.Cells();
        var col = new CellColumns(RecordColumns);
        var groups = new SortedDictionary<int, List<(SweepCell Cell, CellResult Result)>>();
        foreach (var r in results)
        {
            int point = r.Index / grid.Replicates;
            if (!groups.TryGetValue(point, out var g)) groups[point] = g = new();
            g.Add((cells[r.Index], r));
        }
        var table = new Table("Cache-Coliseum's conventions and algorithms vs ours: Σ ALG / Σ OPT, mean over seeds ± Student-t 95 % half-width", [
            new("dataset"), new("k", ColumnKind.Integer), new("q", ColumnKind.Real, 1), new("seeds", ColumnKind.Integer), new("comparison"),
            new("ours"), new("ours ratio", ColumnKind.Real, 3, "ratio"), new("ours ci", ColumnKind.Real, 3, "±"),
            new("peer"), new("peer ratio", ColumnKind.Real, 3, "ratio"), new("peer ci", ColumnKind.Real, 3, "±"),
            new("change", ColumnKind.Real, 1, "Δ %"),
        ])
        {
            Legend = "comparison = the one rule that differs (both sides get the same predictions unless the row compares labels); "
                + "ours / peer = algorithm@input (discard, discardcoliseum, phase, phasecoliseum = ground-truth bits of that convention flipped with "
                + "probability q; arrivals = next arrivals, each replaced with probability q by a uniform time in (t, 2n]; none = no predictions); "
                + "ratio = Σ ALG / Σ OPT over the traces of a seed, mean over the seeds; ± = Student-t 95 % half-width; Δ % = peer ratio / ours ratio − 1",
        };
        foreach (var g in groups.Values)
        {
            var first = g[0].Cell;
            string ds = first["dataset"];
            double q = double.Parse(first["q"], CultureInfo.InvariantCulture);
            foreach (var pair in Pairs)
            {
                var ours = Stats(g, col, pair.Ours);
                var peer = Stats(g, col, pair.Peer);
                table.AddRow(PagingTraceSets.Label(ds, options), (long)PagingTraceSets.CacheSize(ds), q, (long)g.Count, pair.What,
                    pair.Ours.Column, ours.Mean, ours.Ci95HalfWidth, pair.Peer.Column, peer.Mean, peer.Ci95HalfWidth,
                    100 * (peer.Mean / ours.Mean - 1));
            }
        }
        return new StudyOutput([new NamedTable("paging-peers", table)], []);
    }

    private static RatioStatistics Stats(List<(SweepCell Cell, CellResult Result)> g, CellColumns col, Run run) =>
        RatioStatistics.Compute(g.Select(x => StudyRunner.ParseNum(x.Result.Values[col[run.Column]]) / StudyRunner.ParseNum(x.Result.Values[col["opt"]])).ToArray());
}
