using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OnlineAlgos.Experiments;
using Xunit;

namespace OnlineAlgos.Experiments.Tests;

public sealed class PlotExportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "oa-plot-" + Guid.NewGuid().ToString("N"));

    public PlotExportTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static StudyPlot Sample()
    {
        var plot = PlotStyle.Create("A title", "x", "y");
        PlotStyle.Series(plot, 0, [1, 2, 3], [1, 4, 9], "squares");
        PlotStyle.Series(plot, 1, [1, 2, 3], [1, 4, 9], "the same");
        PlotStyle.Legend(plot);
        return new StudyPlot("sample", plot, 900, 600);
    }

    private static double[] MediaBox(byte[] pdf)
    {
        var m = Regex.Match(Encoding.Latin1.GetString(pdf), @"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]");
        Assert.True(m.Success, "no MediaBox");
        return [double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)];
    }

    [Fact]
    public void WritesPngAndVectorFilesAtOneAndTwoColumnWidths()
    {
        var plot = Sample();
        var written = PlotExport.Save(plot, _dir);
        Assert.Equal(new[] { "sample.png", "sample.svg", "sample.pdf", "sample-1col.svg", "sample-1col.pdf" }, written.Select(Path.GetFileName));

        string svg = File.ReadAllText(Path.Combine(_dir, "sample.svg"));
        Assert.Contains("width=\"7in\" height=\"4.667in\" viewBox=\"0 0 840 560\"", svg); // 900 x 600 kept as 3:2
        Assert.Matches("<text [^>]*>\\s*squares\\s*</text>", svg); // text stays text (vector), not pixels
        string svg1 = File.ReadAllText(Path.Combine(_dir, "sample-1col.svg"));
        Assert.Matches("<svg[^>]* width=\"3.5in\" height=\"[0-9.]+in\" viewBox=\"0 0 440 [0-9]+\"", svg1);
        Assert.Matches("<text [^>]*>\\s*A title\\s*</text>", svg);
        Assert.DoesNotMatch(">\\s*A title\\s*<", svg1); // one column: the caption carries the title

        var pdf = File.ReadAllBytes(Path.Combine(_dir, "sample.pdf"));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Equal(new[] { 504.0, 336.0 }, MediaBox(pdf)); // 7 in x 4.667 in at 72 pt/in
        Assert.Equal(252.0, MediaBox(File.ReadAllBytes(Path.Combine(_dir, "sample-1col.pdf")))[0], 3);
        Assert.DoesNotContain("/Subtype /Image", Encoding.Latin1.GetString(pdf)); // no raster inside

        // The plot is left as it was (title and right-hand legend back) and a second export writes the same bytes.
        var again = Path.Combine(_dir, "again");
        Directory.CreateDirectory(again);
        PlotExport.Save(plot, again);
        Assert.Equal(svg, File.ReadAllText(Path.Combine(again, "sample.svg")));
        Assert.Equal(pdf, File.ReadAllBytes(Path.Combine(again, "sample.pdf")));
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(-2, "0.01")]
    [InlineData(3, "1000")]
    [InlineData(-12, "10⁻¹²")]
    [InlineData(6, "10⁶")]
    public void LogAxisLabelsShowTheValues(double log10, string label) => Assert.Equal(label, PlotStyle.PowerOfTen(log10));
}
