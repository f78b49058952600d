using System.Collections.Concurrent;
using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;
using OnlineAlgos.MoeBalancing.Online;
using ScottPlot;

namespace OnlineAlgos.Experiments.MoeBalancing;

/// <summary>
/// Study <c>moe-regret</c> (spec A3, T6, reconstructed) on the K = 1 logit-space Zipf-Gumbel generator, for OGD with
/// η_k = 1/(μk) (centred, box-projected), OGD with η_k = E/(k + 10), and the ALF-LB sign rule with constant and
/// annealed steps. Two regrets:
/// expected regret Σ_k F(p_k) − F(p*), exact with the closed-form population dual (<see cref="GumbelPopulationObjective"/>),
/// after every step, plotted on log axes next to the reconstructed logarithmic bound (G²/(2μ))(1 + ln N); and
/// realised regret Σ_k f_k(p_k) − min_p Σ_k f_k(p) (spec A3 "Regret_N") against the best fixed bias in hindsight on
/// the very batches the balancer saw, at checkpoints N = 10, 30, 100, 300, … (one exact min-cost flow over N·B tokens
/// each, <see cref="HindsightComparator.SolveValue"/>). E = 8, B = 64; full: N = 5000, 3 seeds; quick: N = 1000, 1 seed.
/// </summary>
public sealed class MoeRegretStudy : IStudy
{
    private static readonly string[] Methods = { "ogd-inv-mu-k", "ogd-E-over-k+10", "alf-lb-u0.01", "alf-lb-u0.001", "alf-lb-annealed" };
    private const int E = 8, B = 64;
    private const double BoxRadius = 2;

    // Every method of a replicate sees the same batches, so each comparator is solved once per batch content
    // (keyed by N and a hash of the scores, hence right whatever produced them) instead of once per method.
    private readonly ConcurrentDictionary<(int N, ulong Hash), Lazy<(double Value, double Error)>> _comparators = new();

    /// <inheritdoc/>
    public string Name => "moe-regret";
    /// <inheritdoc/>
    public string Description => "Regret vs steps: expected (Gumbel closed-form oracle) against the reconstructed log bound, and realised against the best fixed bias in hindsight";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns => Columns;

    private static readonly string[] Columns =
    {
        "regret_final", "bound_final", "regret_curve", "realised_final", "comparator_error_max", "realised_checkpoints", "expected_checkpoints",
    };
    private static readonly CellColumns Col = new(Columns);

    private static int Steps(StudyOptions o) => o.Quick ? 1000 : 5000;

    /// <summary>The checkpoints N for the hindsight comparator: 10, 30, 100, 300, … below <paramref name="steps"/>, then <paramref name="steps"/>.</summary>
    public static int[] Checkpoints(int steps)
    {
        var list = new List<int>();
        for (long p = 10; p < steps; p *= 10)
        {
            list.Add((int)p);
            if (3 * p < steps) list.Add((int)(3 * p));
        }
        if (steps >= 1) list.Add(steps);
        return list.ToArray();
    }

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) => new SweepGrid(options.Quick ? 1 : 3).Axis("method", Methods);

    // A registry balancer at rate u (annealed: u0 = 10u); the regret loop uses only its bias.
    private static IBiasBalancer Registered(string name, double u) =>
        MoeAlgorithms.Create(name, new MoeAlgorithmOptions(E, new SimulationSettings(B, 1, 1), Rate: u)).Balancer;

    /// <summary>
    /// Runs one method for <paramref name="steps"/> batches of replicate <paramref name="replicate"/> (the batches
    /// depend only on the seed and replicate, so every method sees the same ones) and solves the hindsight comparator
    /// at each checkpoint.
    /// </summary>
    public static RegretTrace Simulate(string method, int steps, IReadOnlyList<int> checkpoints, ulong seed, int replicate) =>
        Simulate(method, steps, checkpoints, seed, replicate, m => HindsightComparator.SolveValue(m, B, 1));

    private static RegretTrace Simulate(string method, int steps, IReadOnlyList<int> checkpoints, ulong seed, int replicate,
        Func<ScoreMatrix, (double Value, double Error)> comparatorOf)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        for (int i = 0; i < checkpoints.Count; i++)
            if (checkpoints[i] < 1 || checkpoints[i] > steps || (i > 0 && checkpoints[i] <= checkpoints[i - 1]))
                throw new ArgumentException($"checkpoints must be ascending in 1..{steps}", nameof(checkpoints));
        var rng = Rng.ForCell(seed, "moe-regret-instance", replicate);
        var gen = new ZipfGumbelGenerator(E, 1.0, rng.Split(), 1.0, logitSpace: true);
        var oracle = new GumbelPopulationObjective(gen.LogWeights);
        double r = BoxRadius + oracle.Minimizer().Max(Math.Abs);
        double mu = oracle.StrongConvexity(r);
        IBiasBalancer bal = method switch
        {
            "ogd-inv-mu-k" => new ProportionalBalancer(E, StepSchedule.InverseLinear(1 / mu), ProportionalScale.Tokens, centre: true, boxRadius: BoxRadius),
            "ogd-E-over-k+10" => new ProportionalBalancer(E, StepSchedule.InverseLinear(E, 10), ProportionalScale.Tokens),
            "alf-lb-u0.01" => Registered("alf-lb", 0.01),
            "alf-lb-u0.001" => Registered("alf-lb", 0.001),
            "alf-lb-annealed" => Registered("alf-lb-annealed", 0.01),
            _ => throw new ArgumentException($"unknown method '{method}'", nameof(method)),
        };
        double fStar = oracle.MinimumValue();
        var batch = new ScoreMatrix(B, E);
        var seen = new double[checkpoints.Count == 0 ? 0 : checked(checkpoints[^1] * B * E)]; // batches kept for the comparator
        var a = new int[B];
        var loads = new int[E];
        var expected = new double[steps];
        var online = new double[checkpoints.Count];
        double reg = 0, sum = 0;
        int next = 0;
        for (int k = 0; k < steps; k++)
        {
            reg += oracle.Value(bal.Bias) - fStar;
            expected[k] = reg;
            gen.Next(batch, rng);
            if (next < checkpoints.Count)
            {
                batch.Data.CopyTo(seen, k * B * E);
                sum += HindsightComparator.BatchDual(batch, bal.Bias, 1); // f_k(p_k): the bias fixed before batch k
            }
            TopKRouter.Route(batch, bal.Bias, 1, a, loads);
            bal.Update(batch, loads, 1);
            if (next < checkpoints.Count && k + 1 == checkpoints[next]) online[next++] = sum;
        }
        var comparator = new double[checkpoints.Count];
        var error = new double[checkpoints.Count];
        for (int i = 0; i < checkpoints.Count; i++)
        {
            int len = checkpoints[i] * B * E;
            var prefix = new ScoreMatrix(checkpoints[i] * B, E, len == seen.Length ? seen : seen.AsSpan(0, len).ToArray());
            (comparator[i], error[i]) = comparatorOf(prefix);
        }
        return new RegretTrace(expected, checkpoints.ToArray(), online, comparator, error, bal.Bias.ToArray(), oracle.RegretBound(r, steps));
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) => []; // generated inputs only

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        int n = Steps(options);
        var cps = Checkpoints(n);
        var tr = Simulate(cell["method"], n, cps, options.Seed, cell.Replicate, m =>
            _comparators.GetOrAdd((m.Tokens, Fnv1a(m.Data)), _ => new Lazy<(double, double)>(() => HindsightComparator.SolveValue(m, B, 1))).Value);
        var pts = new List<string>();
        for (double x = 1; x <= n; x *= 1.25)
        {
            int i = (int)x;
            if (pts.Count > 0 && pts[^1].StartsWith(i.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal)) continue;
            pts.Add(string.Create(CultureInfo.InvariantCulture, $"{i}:{tr.Expected[i - 1]:R}"));
        }
        if (!pts[^1].StartsWith(n.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal))
            pts.Add(string.Create(CultureInfo.InvariantCulture, $"{n}:{tr.Expected[n - 1]:R}")); // the curve ends at N
        var realised = new List<string>();
        var expected = new List<string>();
        for (int i = 0; i < cps.Length; i++)
        {
            realised.Add(string.Create(CultureInfo.InvariantCulture, $"{cps[i]}:{tr.Realised(i):R}"));
            expected.Add(string.Create(CultureInfo.InvariantCulture, $"{cps[i]}:{tr.Expected[cps[i] - 1]:R}"));
        }
        return new[]
        {
            StudyRunner.Num(tr.Expected[^1]), StudyRunner.Num(tr.Bound), string.Join(";", pts),
            StudyRunner.Num(tr.Realised(cps.Length - 1)), StudyRunner.Num(tr.ComparatorError.Max()), string.Join(";", realised), string.Join(";", expected),
        };
    }

    /// <summary>FNV-1a over the 64-bit patterns of the scores (a cache key, not a security hash).</summary>
    private static ulong Fnv1a(double[] data)
    {
        ulong h = 14695981039346656037UL;
        foreach (double d in data) h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(d)) * 1099511628211UL;
        return h;
    }

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        int n = Steps(options);
        var cps = Checkpoints(n);
        var cells = Grid(options).Cells();
        int seeds = results.Count(r => cells[r.Index]["method"] == Methods[0]);
        double err = results.Max(r => StudyRunner.ParseNum(r.Values[Col["comparator_error_max"]]));
        var table = RegretTable(n, seeds, err);
        var byN = CheckpointTable(cps, seeds);
        string band = seeds > 1 ? "; mean, 95 % band" : "";
        var plot = PlotStyle.Create("Expected regret vs steps, K = 1, closed-form Gumbel oracle", "steps N (log scale)", $"expected regret (log scale{band})");
        var plotRealised = PlotStyle.Create("Realised regret against the best fixed bias in hindsight", "steps N (log scale)", $"realised regret (log scale{(seeds > 1 ? "; mean, 95 % CI" : "")})");
        bool clipped = false;
        for (int mi = 0; mi < Methods.Length; mi++)
        {
            string m = Methods[mi];
            var rs = results.Where(r => cells[r.Index]["method"] == m).ToList();
            var (real, realMean) = AddMethodRows(table, byN, m, rs, cps, n);
            AddExpectedCurve(plot, mi, m, rs);
            if (AddRealisedPoints(plotRealised, mi, m, cps, real, realMean)) clipped = true;
        }
        AddBoundLine(plot, results.Where(r => cells[r.Index]["method"] == Methods[0]), n);
        FinishAxes(plot, plotRealised, clipped);
        return new StudyOutput(new[] { new NamedTable("moe-regret", table), new NamedTable("moe-regret-checkpoints", byN) },
            new[] { new StudyPlot("moe-regret", plot), new StudyPlot("moe-regret-realised", plotRealised) });
    }

    private static Table RegretTable(int n, int seeds, double err) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Regret after N = {n} steps (K = 1, E = {E}, B = {B}), each value the mean over {seeds} seed(s)"), new[]
        {
            new TableColumn("method"), new TableColumn("expected_regret (oracle)", ColumnKind.Real, 3, "expected"), new TableColumn("expected/(1+ln N)", ColumnKind.Real, 3, "expected / (1 + ln N)"),
            new TableColumn("T6_bound", ColumnKind.Real, 1, "bound"), new TableColumn("realised_regret (hindsight LP)", ColumnKind.Real, 3, "realised"),
            new TableColumn("realised/(1+ln N)", ColumnKind.Real, 3, "realised / (1 + ln N)"),
        })
        {
            Legend = string.Create(CultureInfo.InvariantCulture,
                $"expected = Σₖ F(pₖ) − F(p*) with the closed-form Gumbel oracle; realised = Σₖ fₖ(pₖ) − minₚ Σₖ fₖ(p) on the batches seen, against the best fixed bias in hindsight (LP solved exactly by min-cost flow, error ≤ {err:G2}; may be negative); bound = (G²/(2μ))(1 + ln N), reconstructed"),
        };

    private static Table CheckpointTable(int[] cps, int seeds) =>
        new($"Regret at checkpoints N (K = 1, E = {E}, B = {B}), each value the mean over {seeds} seed(s): expected (Gumbel oracle) and realised (against the best fixed bias in hindsight on the same batches)",
            new[] { new TableColumn("method"), new TableColumn("regret") }.Concat(cps.Select(c => new TableColumn("N=" + c.ToString(CultureInfo.InvariantCulture), ColumnKind.Real, 3))).ToArray());

    // The method's row of the final-regret table and its two checkpoint rows; returns the realised regret at the
    // checkpoints per seed and their mean.
    private static (List<double[]> Real, double[] RealMean) AddMethodRows(Table table, Table byN, string m, List<CellResult> rs, int[] cps, int n)
    {
        double Avg(string col) => rs.Average(r => StudyRunner.ParseNum(r.Values[Col[col]]));
        table.AddRow(m, Avg("regret_final"), Avg("regret_final") / (1 + Math.Log(n)), Avg("bound_final"), Avg("realised_final"), Avg("realised_final") / (1 + Math.Log(n)));
        var exp = rs.Select(r => MoeStudyKit.DecodeCurve(r.Values[Col["expected_checkpoints"]]).Y).ToList();
        var real = rs.Select(r => MoeStudyKit.DecodeCurve(r.Values[Col["realised_checkpoints"]]).Y).ToList();
        var expMean = cps.Select((_, i) => exp.Average(y => y[i])).ToArray();
        var realMean = cps.Select((_, i) => real.Average(y => y[i])).ToArray();
        byN.AddRow(new object[] { m, "expected (oracle)" }.Concat(expMean.Cast<object>()).ToArray());
        byN.AddRow(new object[] { m, "realised (hindsight)" }.Concat(realMean.Cast<object>()).ToArray());
        return (real, realMean);
    }

    // The method's mean expected-regret curve on log axes with its 95 % band.
    private static void AddExpectedCurve(Plot plot, int mi, string m, List<CellResult> rs)
    {
        var curves = rs.Select(r => MoeStudyKit.DecodeCurve(r.Values[Col["regret_curve"]])).ToList();
        var x = curves[0].X.Select(Math.Log10).ToArray();
        var st = Enumerable.Range(0, x.Length).Select(i => RatioStatistics.Compute(curves.Select(c => c.Y[i]).ToArray())).ToArray();
        var y = st.Select(v => Math.Log10(Math.Max(1e-9, v.Mean))).ToArray();
        var sc = plot.Add.Scatter(x, y);
        sc.LegendText = m;
        sc.MarkerSize = 0;
        sc.LineWidth = 2;
        sc.LinePattern = new[] { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed }[mi % 4];
        PlotStyle.Band(plot, x, st.Select(v => Math.Log10(Math.Max(1e-9, v.Ci95Low))).ToArray(), st.Select(v => Math.Log10(Math.Max(1e-9, v.Ci95High))).ToArray(), sc.Color);
    }

    // The method's mean realised regret at the checkpoints with error bars; true if a mean was drawn at the floor.
    private static bool AddRealisedPoints(Plot plotRealised, int mi, string m, int[] cps, List<double[]> real, double[] realMean)
    {
        // Log axes need positive values: a non-positive mean is drawn at the floor and said so in the legend.
        const double floor = 1e-2;
        bool clipped = realMean.Any(v => v < floor);
        var rx = cps.Select(c => Math.Log10(c) + (mi - (Methods.Length - 1) / 2.0) * 0.015).ToArray();
        var realStats = cps.Select((_, i) => RatioStatistics.Compute(real.Select(y => y[i]).ToArray())).ToArray();
        var rsc = PlotStyle.Series(plotRealised, mi, rx, realMean.Select(v => Math.Log10(Math.Max(floor, v))).ToArray(), m);
        // Error bars in log space: from log(max(floor, low)) to log(high), drawn as a band-free bar pair.
        var lo = realStats.Select(v => Math.Log10(Math.Max(floor, v.Ci95Low))).ToArray();
        var hi = realStats.Select(v => Math.Log10(Math.Max(floor, v.Ci95High))).ToArray();
        if (realStats.Any(v => v.Ci95HalfWidth > 0))
        {
            var mid = lo.Select((l, i) => (l + hi[i]) / 2).ToArray();
            PlotStyle.ErrorBars(plotRealised, rx, mid, hi.Select((h, i) => (h - lo[i]) / 2).ToArray(), rsc.Color);
        }
        return clipped;
    }

    // The T6 bound (G²/(2μ))(1 + ln N), its constant the mean over the first method's seeds.
    private static void AddBoundLine(Plot plot, IEnumerable<CellResult> firstMethod, int n)
    {
        var b0 = firstMethod.Select(r => StudyRunner.ParseNum(r.Values[Col["bound_final"]]) / (1 + Math.Log(n))).Average();
        var bx = Enumerable.Range(0, 30).Select(i => Math.Log10(n) * i / 29.0).ToArray();
        // T6 bounds the expected regret only, so the realised plot does not show it.
        var bound = plot.Add.Scatter(bx, bx.Select(lx => Math.Log10(b0 * (1 + Math.Log(Math.Pow(10, lx))))).ToArray());
        bound.LegendText = "bound (G²/2μ)(1 + ln N)";
        bound.MarkerSize = 0;
        bound.LineWidth = 2;
        bound.LinePattern = LinePattern.Dashed;
        bound.Color = Colors.Black;
    }

    private static void FinishAxes(Plot plot, Plot plotRealised, bool clipped)
    {
        if (clipped) plotRealised.Title("Realised regret against the best fixed bias in hindsight (values below 0.01 drawn at 0.01)", size: 18);
        PlotStyle.LogAxis(plot.Axes.Left);
        PlotStyle.LogAxis(plot.Axes.Bottom);
        PlotStyle.LogAxis(plotRealised.Axes.Left);
        PlotStyle.LogAxis(plotRealised.Axes.Bottom);
        PlotStyle.Legend(plot, Alignment.MiddleLeft);
        PlotStyle.Legend(plotRealised);
    }

}
