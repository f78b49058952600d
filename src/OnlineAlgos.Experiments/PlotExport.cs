using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace OnlineAlgos.Experiments;

/// <summary>
/// Writes one plot in the five files a paper and the HTML report need:
/// <list type="bullet">
/// <item><c>&lt;stem&gt;.png</c>: raster at the plot's own pixel size (README, quick look);</item>
/// <item><c>&lt;stem&gt;.svg</c> and <c>&lt;stem&gt;.pdf</c>: vector, two-column width (<see cref="TwoColumnInches"/>
/// = 7 in), laid out on <see cref="TwoColumnLayoutPx"/> = 840 units so text prints at about 8 pt (ticks) to 11 pt (title);</item>
/// <item><c>&lt;stem&gt;-1col.svg</c> and <c>&lt;stem&gt;-1col.pdf</c>: vector, one-column width (3.5 in), laid out on
/// <see cref="OneColumnLayoutPx"/> = 440 units (text at the two-column sizes' 7-9 pt), without the title (a paper's
/// caption carries it), a legend that sat right of the data moved below it, long category labels turned 35° counter-clockwise, and a
/// y label longer than the data height set smaller.</item>
/// </list>
/// PDFs are drawn by SkiaSharp's PDF backend (text embedded as fonts, no raster), without creation dates so a rerun
/// writes identical bytes. Every file is written through a temporary name and a rename.
/// </summary>
public static class PlotExport
{
    /// <summary>Width of a two-column figure (inches).</summary>
    public const double TwoColumnInches = 7.0;
    /// <summary>Width of a one-column figure (inches).</summary>
    public const double OneColumnInches = 3.5;
    /// <summary>Layout width (ScottPlot pixels) of the two-column figure.</summary>
    public const int TwoColumnLayoutPx = 840;
    /// <summary>Layout width (ScottPlot pixels) of the one-column figure.</summary>
    public const int OneColumnLayoutPx = 440;

    // Category labels (a manual tick generator) whose text would not fit side by side at this layout width are turned
    // counter-clockwise and right-aligned, so each ends at its tick; returns the extra height the turned labels need.
    private static int TurnLongCategoryLabels(Plot pl, int layoutPx)
    {
        if (pl.Axes.Bottom.TickGenerator is not ScottPlot.TickGenerators.NumericManual manual) return 0;
        var ticks = manual.Ticks.Where(t => t.IsMajor).ToList();
        if (ticks.Count == 0) return 0;
        double chars = ticks.Sum(t => t.Label.Length + 2);
        if (chars * 0.6 * pl.Axes.Bottom.TickLabelStyle.FontSize <= 0.8 * layoutPx) return 0;
        pl.Axes.Bottom.TickLabelStyle.Rotation = -35;
        pl.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        pl.Axes.Bottom.MinimumSize = 40 + (float)(0.36 * pl.Axes.Bottom.TickLabelStyle.FontSize * ticks.Max(t => t.Label.Length));
        return (int)pl.Axes.Bottom.MinimumSize - 40;
    }

    /// <summary>Writes the five files of <paramref name="plot"/> into <paramref name="outDir"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Save(StudyPlot plot, string outDir)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var written = new List<string>();
        string Stem(string suffix) => Path.Combine(outDir, plot.FileStem + suffix);

        string png = Stem(".png");
        plot.Plot.SavePng(png + ".tmp.png", plot.Width, plot.Height);
        File.Move(png + ".tmp.png", png, overwrite: true);
        written.Add(png);


        // One column: no title, a right-hand legend moved below the data (it wraps into columns), long category
        // labels on the x axis turned, and a y label too long for the data height set smaller.
        var pl = plot.Plot;
        var legendPanels = pl.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Where(p => p.Edge == Edge.Right).ToList();
        bool titleShown = pl.Axes.Title.IsVisible;
        var orientation = pl.Legend.Orientation;
        float yLabelSize = pl.Axes.Left.Label.FontSize;
        float rotation = pl.Axes.Bottom.TickLabelStyle.Rotation;
        var tickAlignment = pl.Axes.Bottom.TickLabelStyle.Alignment;
        float bottomMin = pl.Axes.Bottom.MinimumSize;
        int h1 = (int)Math.Round(OneColumnLayoutPx * 0.8);
        try
        {
            // Two columns: category labels that would collide at this width are turned as well.
            int h2 = (int)Math.Round(TwoColumnLayoutPx * (double)plot.Height / plot.Width);
            h2 += TurnLongCategoryLabels(pl, TwoColumnLayoutPx);
            WriteBoth(pl, TwoColumnLayoutPx, h2, TwoColumnInches, Stem(""), written);
            pl.Axes.Bottom.TickLabelStyle.Rotation = rotation;
            pl.Axes.Bottom.TickLabelStyle.Alignment = tickAlignment;
            pl.Axes.Bottom.MinimumSize = bottomMin;

            pl.Axes.Title.IsVisible = false;
            if (legendPanels.Count > 0)
            {
                foreach (var p in legendPanels) p.Edge = Edge.Bottom;
                pl.Legend.Orientation = Orientation.Horizontal;
                int items = pl.Legend.GetItems().Length;
                h1 += 30 + 24 * ((items + 1) / 2);
            }
            h1 += TurnLongCategoryLabels(pl, OneColumnLayoutPx);
            double dataHeight = 0.8 * OneColumnLayoutPx - 100;
            double yChars = pl.Axes.Left.Label.Text.Length;
            if (yChars * 0.65 * yLabelSize > dataHeight)
                pl.Axes.Left.Label.FontSize = (float)Math.Max(10, dataHeight / (yChars * 0.65));
            WriteBoth(pl, OneColumnLayoutPx, h1, OneColumnInches, Stem("-1col"), written);
        }
        finally
        {
            pl.Axes.Title.IsVisible = titleShown;
            foreach (var p in legendPanels) p.Edge = Edge.Right;
            pl.Legend.Orientation = orientation;
            pl.Axes.Left.Label.FontSize = yLabelSize;
            pl.Axes.Bottom.TickLabelStyle.Rotation = rotation;
            pl.Axes.Bottom.TickLabelStyle.Alignment = tickAlignment;
            pl.Axes.Bottom.MinimumSize = bottomMin;
        }
        return written;
    }

    private static void WriteBoth(Plot plot, int w, int h, double inches, string stem, List<string> written)
    {
        string svg = stem + ".svg";
        StudyRunner.WriteAtomic(svg, Svg(plot, w, h, inches));
        written.Add(svg);
        string pdf = stem + ".pdf";
        using (var fs = File.Create(pdf + ".tmp"))
            Pdf(plot, fs, w, h, inches);
        File.Move(pdf + ".tmp", pdf, overwrite: true);
        written.Add(pdf);
    }

    /// <summary>The plot as SVG laid out on <paramref name="w"/>×<paramref name="h"/> units, with a physical size of
    /// <paramref name="inches"/> wide (a <c>viewBox</c> keeps the layout; browsers and LaTeX scale it).</summary>
    public static string Svg(Plot plot, int w, int h, double inches)
    {
        ArgumentNullException.ThrowIfNull(plot);
        string xml = plot.GetSvgXml(w, h);
        string wi = inches.ToString("0.###", CultureInfo.InvariantCulture);
        string hi = (inches * h / w).ToString("0.###", CultureInfo.InvariantCulture);
        string sizes = $"width=\"{wi}in\" height=\"{hi}in\" viewBox=\"0 0 {w} {h}\"";
        // Only the root element's width and height are replaced.
        var root = new Regex("<svg([^>]*?)\\swidth=\"[^\"]*\"\\s+height=\"[^\"]*\"", RegexOptions.CultureInvariant);
        xml = root.Replace(xml, m => "<svg" + m.Groups[1].Value + " " + sizes, 1);
        // SkiaSharp numbers clip paths with a process-wide counter; renumbering them in document order makes the
        // file depend on the plot only (a rerun writes the same bytes).
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(xml, "\\bid=\"([^\"]+)\""))
            if (!ids.ContainsKey(m.Groups[1].Value)) ids[m.Groups[1].Value] = "c" + ids.Count.ToString(CultureInfo.InvariantCulture);
        return ids.Count == 0 ? xml : Regex.Replace(xml, "(\\bid=\"|url\\(#|href=\"#)([^\")]+)", m =>
            ids.TryGetValue(m.Groups[2].Value, out var n) ? m.Groups[1].Value + n : m.Value);
    }

    /// <summary>The plot as a one-page vector PDF, laid out on <paramref name="w"/>×<paramref name="h"/> units and
    /// scaled to <paramref name="inches"/> wide (72 points per inch).</summary>
    public static void Pdf(Plot plot, Stream destination, int w, int h, double inches)
    {
        ArgumentNullException.ThrowIfNull(plot);
        float scale = (float)(inches * 72 / w);
        var meta = new SKDocumentPdfMetadata { Creator = "OnlineAlgos", Producer = "OnlineAlgos (SkiaSharp)", RasterDpi = 300 };
        using var doc = SKDocument.CreatePdf(destination, meta);
        using (var canvas = doc.BeginPage(w * scale, h * scale))
        {
            canvas.Scale(scale);
            plot.Render(canvas, w, h);
        }
        doc.EndPage();
        doc.Close();
    }
}
