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

    /// <summary>Shows the legend in the upper left, with readable font size.</summary>
    public static void Legend(Plot plot, Alignment alignment = Alignment.UpperLeft)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = alignment;
        plot.Legend.FontSize = 13;
        plot.Legend.FontName = FontName;
    }
}
