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
/// <see cref="OneColumnLayoutPx"/> = 500 units (ticks about 7 pt), without the title (a paper's caption carries
/// it) and with a legend that sat right of the data moved below it.</item>
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
    public const int OneColumnLayoutPx = 500;

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

        int h2 = (int)Math.Round(TwoColumnLayoutPx * (double)plot.Height / plot.Width);
        WriteBoth(plot.Plot, TwoColumnLayoutPx, h2, TwoColumnInches, Stem(""), written);

        var legendPanels = plot.Plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Where(p => p.Edge == Edge.Right).ToList();
        bool titleShown = plot.Plot.Axes.Title.IsVisible;
        var orientation = plot.Plot.Legend.Orientation;
        int h1 = (int)Math.Round(OneColumnLayoutPx * Math.Max(0.7, (double)plot.Height / plot.Width));
        try
        {
            plot.Plot.Axes.Title.IsVisible = false;
            if (legendPanels.Count > 0)
            {
                foreach (var p in legendPanels) p.Edge = Edge.Bottom;
                plot.Plot.Legend.Orientation = Orientation.Horizontal;
                h1 += 40 + 22 * (plot.Plot.Legend.GetItems().Length / 3);
            }
            WriteBoth(plot.Plot, OneColumnLayoutPx, h1, OneColumnInches, Stem("-1col"), written);
        }
        finally
        {
            plot.Plot.Axes.Title.IsVisible = titleShown;
            foreach (var p in legendPanels) p.Edge = Edge.Right;
            plot.Plot.Legend.Orientation = orientation;
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
        return root.Replace(xml, m => "<svg" + m.Groups[1].Value + " " + sizes, 1);
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
