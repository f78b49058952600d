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
