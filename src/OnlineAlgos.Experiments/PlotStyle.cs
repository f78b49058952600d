using System.Globalization;
using System.Text;
using ScottPlot;

namespace OnlineAlgos.Experiments;

/// <summary>One look for every plot: an explicit font (so text renders the same on every machine that has it),
/// large axis labels, a legend outside the data, and a colour-blind-safe palette.</summary>
public static class PlotStyle
{
    /// <summary>Font family used for all text (DejaVu Sans ships with most Linux distributions).</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>A new plot with title and axis labels styled.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 18);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Add.Palette = new ScottPlot.Palettes.Category10();
        return plot;
    }

    private static readonly MarkerShape[] Shapes =
    [
        MarkerShape.FilledCircle, MarkerShape.OpenSquare, MarkerShape.FilledTriangleUp, MarkerShape.OpenDiamond,
        MarkerShape.Cross, MarkerShape.OpenCircle, MarkerShape.FilledSquare, MarkerShape.Asterisk,
    ];
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>
    /// Adds series number <paramref name="index"/> as a line with a distinct marker shape, size and dash pattern, so
    /// curves that coincide stay distinguishable (nested markers) even where they overlap.
    /// </summary>
    public static ScottPlot.Plottables.Scatter Series(Plot plot, int index, double[] xs, double[] ys, string label)
    {
        var sc = plot.Add.Scatter(xs, ys);
        sc.LegendText = label;
        sc.LineWidth = 2;
        sc.MarkerShape = Shapes[index % Shapes.Length];
        sc.MarkerSize = 14 - 1.2f * (index % 6);
        sc.LinePattern = Patterns[index % Patterns.Length];
        return sc;
    }

    /// <summary>
    /// Adds series number <paramref name="index"/> as points only (distinct marker shape, no connecting line): for
    /// categorical x positions, where a line would suggest an order or an interpolation that does not exist.
    /// </summary>
    public static ScottPlot.Plottables.Scatter Points(Plot plot, int index, double[] xs, double[] ys, string label)
    {
        var sc = Series(plot, index, xs, ys, label);
        sc.LineWidth = 0;
        sc.MarkerSize = 11;
        return sc;
    }

    /// <summary>Vertical error bars ±<paramref name="halfWidths"/> at (xs, ys) in <paramref name="color"/> (e.g. the
    /// Student-t 95 % half-widths of <see cref="OnlineAlgos.Core.RatioStatistics.Ci95HalfWidth"/>); none when every
    /// half-width is 0 (a single replicate).</summary>
    public static void ErrorBars(Plot plot, double[] xs, double[] ys, double[] halfWidths, Color color)
    {
        if (halfWidths.All(h => h == 0 || double.IsNaN(h))) return;
        var eb = plot.Add.ErrorBar(xs, ys, halfWidths.Select(h => double.IsNaN(h) ? 0 : h).ToArray());
        eb.Color = color;
        eb.LineWidth = 1.5f;
        eb.CapSize = 5;
    }

    /// <summary>A translucent band between <paramref name="low"/> and <paramref name="high"/> (a 95 % confidence band
    /// of a mean curve) in <paramref name="color"/>; none when the band has zero width everywhere.</summary>
    public static void Band(Plot plot, double[] xs, double[] low, double[] high, Color color)
    {
        bool any = false;
        for (int i = 0; i < xs.Length; i++) any |= high[i] > low[i];
        if (!any) return;
        var fill = plot.Add.FillY(xs, low, high);
        fill.FillStyle.Color = color.WithAlpha(0.18);
        fill.LineStyle.Width = 0;
        fill.LegendText = "";
    }

    /// <summary>
    /// Makes <paramref name="axis"/> a base-10 log axis for data already transformed with log10: major ticks at the
    /// integer exponents labelled with the actual values (0.01 … 1000 as decimals, beyond that as 10⁻¹² etc.) and
    /// minor ticks at 2…9 × 10^k.
    /// </summary>
    public static void LogAxis(IAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = PowerOfTen,
        };
    }

    /// <summary>
    /// Like <see cref="LogAxis(IAxis)"/> for data spanning <paramref name="log10Values"/>: over two decades or more
    /// the automatic powers of ten; over less, ticks at 1…9 × 10^k placed by hand, with labels at 1, 2 and 5 × 10^k
    /// (every one under 0.8 decade), so a narrow log axis still reads its values.
    /// </summary>
    public static void LogAxis(IAxis axis, IEnumerable<double> log10Values)
    {
        ArgumentNullException.ThrowIfNull(axis);
        var v = log10Values.Where(double.IsFinite).ToList();
        if (v.Count == 0) { LogAxis(axis); return; }
        double lo = v.Min(), hi = v.Max(), span = hi - lo;
        if (span >= 2) { LogAxis(axis); return; }
        var ticks = new List<Tick>();
        for (int k = (int)Math.Floor(lo) - 1; k <= (int)Math.Ceiling(hi); k++)
            for (int m = 1; m <= 9; m++)
            {
                double pos = Math.Log10(m * Math.Pow(10, k));
                if (pos < lo - 0.1 * Math.Max(span, 0.3) || pos > hi + 0.1 * Math.Max(span, 0.3)) continue;
                bool label = m == 1 || (span < 1.3 && m is 2 or 5) || span < 0.8;
                ticks.Add(label ? new Tick(pos, (m * Math.Pow(10, k)).ToString("G4", CultureInfo.InvariantCulture), true) : new Tick(pos, "", false));
            }
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
    }

    /// <summary>The label of 10^<paramref name="log10"/> (rounded to an integer exponent).</summary>
    public static string PowerOfTen(double log10)
    {
        int k = (int)Math.Round(log10);
        if (k is >= -3 and <= 4) return Math.Pow(10, k).ToString("0.###", CultureInfo.InvariantCulture);
        const string sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var sb = new StringBuilder("10");
        if (k < 0) sb.Append('⁻');
        foreach (char c in Math.Abs(k).ToString(CultureInfo.InvariantCulture)) sb.Append(sup[c - '0']);
        return sb.ToString();
    }

    /// <summary>Manual ticks at <paramref name="positions"/> labelled <paramref name="labels"/>, with no minor ticks.</summary>
    public static void Ticks(IAxis axis, double[] positions, string[] labels)
    {
        ArgumentNullException.ThrowIfNull(axis);
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions.Select((p, i) => new Tick(p, labels[i])).ToArray());
    }

    /// <summary>Shows the legend inside the data area at <paramref name="alignment"/> (for plots with a known empty corner).</summary>
    public static void Legend(Plot plot, Alignment alignment)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = alignment;
        plot.Legend.FontSize = 13;
        plot.Legend.FontName = FontName;
    }

    /// <summary>Shows the legend outside the data area (right edge), so it never hides a curve.</summary>
    public static void Legend(Plot plot)
    {
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 13;
        plot.Legend.FontName = FontName;
    }
}
