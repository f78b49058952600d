using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;
using OnlineAlgos.MoeBalancing.Online;
using ScottPlot;

namespace OnlineAlgos.Experiments.MoeBalancing;

/// <summary>
/// Study <c>moe-regret</c> (spec A3, T6, reconstructed): expected regret Σ_k F(p_k) − F(p*) against steps on the
/// K = 1 logit-space Zipf-Gumbel generator, computed exactly with the closed-form population dual
/// (<see cref="GumbelPopulationObjective"/>), for OGD with η_k = 1/(μk) (centred, box-projected), OGD with
/// η_k = E/(k + 10), and the ALF-LB sign rule with constant and annealed steps; plotted on log axes next to the
/// reconstructed logarithmic bound (G²/(2μ))(1 + ln N). E = 8, B = 64; full: N = 5000, 3 seeds; quick: N = 1000, 1 seed.
/// </summary>
public sealed class MoeRegretStudy : IStudy
{
    private static readonly string[] Methods = { "ogd-inv-mu-k", "ogd-E-over-k+10", "alf-lb-u0.01", "alf-lb-u0.001", "alf-lb-annealed" };
    private const int E = 8, B = 64;
    private const double BoxRadius = 2;

    /// <inheritdoc/>
    public string Name => "moe-regret";
    /// <inheritdoc/>
    public string Description => "Expected regret vs steps (Gumbel closed-form oracle) against the reconstructed log bound";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } = new[] { "regret_final", "bound_final", "regret_curve" };

    private static int Steps(StudyOptions o) => o.Quick ? 1000 : 5000;

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) => new SweepGrid(options.Quick ? 1 : 3).Axis("method", Methods);

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        int n = Steps(options);
        var rng = Rng.ForCell(options.Seed, "moe-regret-instance", cell.Replicate);
        var gen = new ZipfGumbelGenerator(E, 1.0, rng.Split(), 1.0, logitSpace: true);
        var oracle = new GumbelPopulationObjective(gen.LogWeights);
        double r = BoxRadius + oracle.Minimizer().Max(Math.Abs);
        double mu = oracle.StrongConvexity(r);
        IBiasBalancer bal = cell["method"] switch
        {
            "ogd-inv-mu-k" => new ProportionalBalancer(E, StepSchedule.InverseLinear(1 / mu), ProportionalScale.Tokens, centre: true, boxRadius: BoxRadius),
            "ogd-E-over-k+10" => new ProportionalBalancer(E, StepSchedule.InverseLinear(E, 10), ProportionalScale.Tokens),
            "alf-lb-u0.01" => new AlfLbBalancer(E, 0.01),
            "alf-lb-u0.001" => new AlfLbBalancer(E, 0.001),
            _ => new AlfLbBalancer(E, StepSchedule.InverseSqrt(0.1)),
        };
        double fStar = oracle.MinimumValue();
        var batch = new ScoreMatrix(B, E);
        var a = new int[B];
        var loads = new int[E];
        var cumulative = new double[n];
        double reg = 0;
        for (int k = 0; k < n; k++)
        {
            reg += oracle.Value(bal.Bias) - fStar;
            cumulative[k] = reg;
            gen.Next(batch, rng);
            TopKRouter.Route(batch, bal.Bias, 1, a, loads);
            bal.Update(batch, loads, 1);
        }
        var pts = new List<string>();
        for (double x = 1; x <= n; x *= 1.25)
        {
            int i = (int)x;
            if (pts.Count > 0 && pts[^1].StartsWith(i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal)) continue;
            pts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i}:{cumulative[i - 1]:R}"));
        }
        return new[] { StudyRunner.Num(reg), StudyRunner.Num(oracle.RegretBound(r, n)), string.Join(";", pts) };
    }

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        int n = Steps(options);
        var cells = Grid(options).Cells();
        var table = new Table($"Expected regret after N = {n} steps (K = 1, E = {E}, B = {B}, Gumbel oracle); bound = (G^2/(2 mu))(1 + ln N), reconstructed T6", new[]
        {
            new TableColumn("method"), new TableColumn("regret", ColumnKind.Real, 3), new TableColumn("regret/(1+ln N)", ColumnKind.Real, 3),
            new TableColumn("T6_bound", ColumnKind.Real, 1),
        });
        var plot = PlotStyle.Create("Expected regret vs steps (log-log), K = 1 Gumbel oracle", "log10 N", "log10 regret");
        foreach (var m in Methods)
        {
            var rs = results.Where(r => cells[r.Index]["method"] == m).ToList();
            double reg = rs.Average(r => StudyRunner.ParseNum(r.Values[0]));
            table.AddRow(m, reg, reg / (1 + Math.Log(n)), rs.Average(r => StudyRunner.ParseNum(r.Values[1])));
            var curves = rs.Select(r => MoeStudyKit.DecodeCurve(r.Values[2])).ToList();
            var x = curves[0].X.Select(Math.Log10).ToArray();
            var y = Enumerable.Range(0, x.Length).Select(i => Math.Log10(Math.Max(1e-9, curves.Average(c => c.Y[i])))).ToArray();
            var sc = plot.Add.Scatter(x, y);
            sc.LegendText = m;
            sc.MarkerSize = 0;
            sc.LineWidth = 2;
        }
        var b0 = results.Where(r => cells[r.Index]["method"] == Methods[0]).Select(r => StudyRunner.ParseNum(r.Values[1]) / (1 + Math.Log(n))).Average();
        var bx = Enumerable.Range(0, 30).Select(i => Math.Log10(n) * i / 29.0).ToArray();
        var bound = plot.Add.Scatter(bx, bx.Select(lx => Math.Log10(b0 * (1 + Math.Log(Math.Pow(10, lx))))).ToArray());
        bound.LegendText = "T6 bound (G^2/2mu)(1+ln N)";
        bound.MarkerSize = 0;
        bound.LineWidth = 2;
        bound.LinePattern = LinePattern.Dashed;
        bound.Color = Colors.Black;
        PlotStyle.Legend(plot, Alignment.MiddleLeft);
        return new StudyOutput(new[] { new NamedTable("moe-regret", table) }, new[] { new StudyPlot("moe-regret", plot) });
    }
}
