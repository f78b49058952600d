using OnlineAlgos.Core;
using Xunit;

namespace OnlineAlgos.Core.Tests;

public class TableTests
{
    private static Table Sample()
    {
        var t = new Table("Ratios & costs", new[]
        {
            new TableColumn("algorithm"), new TableColumn("k", ColumnKind.Integer), new TableColumn("ratio", ColumnKind.Real, 3),
        });
        t.AddRow("lru", 10, 1.29149);
        t.AddRow("a,b \"x\"", 100L, double.NaN);
        return t;
    }

    [Fact]
    public void Csv()
    {
        Assert.Equal("algorithm,k,ratio\nlru,10,1.291\n\"a,b \"\"x\"\"\",100,\n", Sample().Render(TableFormat.Csv));
    }

    [Fact]
    public void Markdown()
    {
        Assert.Equal("| algorithm | k | ratio |\n|---|---:|---:|\n| lru | 10 | 1.291 |\n| a,b \"x\" | 100 |  |\n",
            Sample().Render(TableFormat.Markdown));
    }

    [Fact]
    public void Latex()
    {
        string tex = Sample().Render(TableFormat.Latex);
        Assert.Contains("\\caption{Ratios \\& costs}", tex);
        Assert.Contains("\\begin{tabular}{lrr}\n\\toprule\nalgorithm & k & ratio \\\\\n\\midrule\nlru & 10 & 1.291 \\\\\n", tex);
        Assert.EndsWith("\\bottomrule\n\\end{tabular}\n\\end{table}\n", tex);
    }

    [Fact]
    public void NumbersIgnoreTheCurrentCulture()
    {
        var old = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Contains("1.291", Sample().Render(TableFormat.Csv));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = old; }
    }

    [Fact]
    public void RowWidthIsChecked() =>
        Assert.Throws<ArgumentException>(() => Sample().AddRow("only one"));

    [Fact]
    public void TexEscapesSpecials() =>
        Assert.Equal("a\\_b \\% \\$ \\textbackslash{}", Table.TexEscape("a_b % $ \\"));
}
