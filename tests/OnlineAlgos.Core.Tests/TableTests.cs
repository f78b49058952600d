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
        Assert.Equal("Table: Ratios & costs\n\n| algorithm | k | ratio |\n|---|---:|---:|\n| lru | 10 | 1.291 |\n| a,b \"x\" | 100 |  |\n",
            Sample().Render(TableFormat.Markdown));
    }

    [Fact]
    public void Latex()
    {
        string tex = Sample().Render(TableFormat.Latex);
        Assert.Contains("\\caption{Ratios \\& costs}", tex);
        Assert.Contains("\\label{tab:ratios-costs}", tex);
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
    public void MarkdownShowsDisplayHeadersAndTheLegend()
    {
        var t = new Table("T", [new TableColumn("total_flow_time", ColumnKind.Real, 1), new TableColumn("eta0", ColumnKind.Real, 1, "η₀")]) { Legend = "η₀ = errors" };
        t.AddRow(1.0, 2.0);
        Assert.Equal("Table: T\n\n| total flow time | η₀ |\n|---:|---:|\n| 1.0 | 2.0 |\n\nColumns: η₀ = errors\n", t.Render(TableFormat.Markdown));
        // CSV keeps the machine-friendly identifiers.
        Assert.StartsWith("total_flow_time,eta0\n", t.Render(TableFormat.Csv));
    }

    [Theory]
    [InlineData("σ=0.5", "$\\sigma$=0.5")]
    [InlineData("Σ ALG / Σ OPT", "$\\Sigma$ ALG / $\\Sigma$ OPT")]
    [InlineData("α ≤ k − 1", "$\\alpha$ $\\le$ k $-$ 1")]
    [InlineData("η₀/OPT", "$\\eta_{0}$/OPT")]
    [InlineData("10⁻¹²", "10$^{-12}$")]
    [InlineData("λ×μ", "$\\lambda\\times\\mu$")]
    [InlineData("ε·G²", "$\\varepsilon\\cdot$G$^{2}$")]
    [InlineData("Σₖ fₖ(pₖ)", "$\\Sigma_{k}$ f$_{k}$(p$_{k}$)")]
    [InlineData("a;b", "a;\\allowbreak{}b")]
    public void TexEscapeTurnsUnicodeMathsIntoLatexMaths(string text, string tex) => Assert.Equal(tex, Table.TexEscape(text));

    [Fact]
    public void TexEscapeLeavesNoMathsCharacterOutsideMathMode()
    {
        string tex = Table.TexEscape("σ Σ ≤ ≥ η λ ε × − μ κ ∞ ± ≈ ≠");
        // Every maths character is gone, and the dollars pair up.
        foreach (char ch in "σΣ≤≥ηλε×−μκ∞±≈≠") Assert.DoesNotContain(ch, tex);
        Assert.Equal(0, tex.Count(c => c == '$') % 2);
    }

    [Fact]
    public void LatexHasCaptionWithLegendLabelAndDisplayHeaders()
    {
        var t = new Table("Ratio of sums Σ ALG / Σ OPT", [new TableColumn("worst_lru", ColumnKind.Real, 2), new TableColumn("n", ColumnKind.Integer)]) { Legend = "worst lru = largest" };
        t.AddRow(1.5, 3);
        string tex = t.Render(TableFormat.Latex, "paging-classical");
        Assert.Contains("\\caption{Ratio of sums $\\Sigma$ ALG / $\\Sigma$ OPT. worst lru = largest}\n", tex);
        Assert.Contains("\\label{tab:paging-classical}\n", tex);
        Assert.Contains("\\small\n", tex);
        // A header wider than its cells breaks over two lines in a nested tabular.
        Assert.Contains("\\begin{tabular}[b]{@{}r@{}}worst\\\\lru\\end{tabular} & n \\\\\n\\midrule\n1.50 & 3 \\\\\n", tex);
        Assert.DoesNotContain("worst_lru", tex);
        // Without an explicit label one is derived from the title.
        Assert.Contains("\\label{tab:ratio-of-sums-alg-opt}", t.Render(TableFormat.Latex));
    }

    private static Table Wide(int numbers, string text)
    {
        var cols = new List<TableColumn> { new("command") };
        for (int i = 0; i < numbers; i++) cols.Add(new TableColumn("c" + i, ColumnKind.Real, 4));
        var t = new Table("wide", cols);
        var row = new List<object?> { text };
        for (int i = 0; i < numbers; i++) row.Add(123.4567);
        t.AddRow(row.ToArray());
        return t;
    }

    [Fact]
    public void WideTablesShrinkTheFontAndWrapTheWidestTextColumn()
    {
        var t = Wide(6, string.Join(" ", Enumerable.Repeat("onlinealgos --flag value", 6)));
        string tex = t.Render(TableFormat.Latex);
        Assert.Contains("\\scriptsize\n", tex);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(tex, "\\\\begin\\{tabular\\}\\{p\\{[0-9]+pt\\}r{6}\\}"), tex);
        Assert.True(t.EstimatedWidthPt(9, 4) > Table.ArticleTextWidthPt);
        // A narrow table keeps \small and plain columns.
        Assert.Contains("\\small\n", Wide(3, "short").Render(TableFormat.Latex));
    }

    [Fact]
    public void TablesWhoseNumbersAloneAreTooWideSplitIntoTabularsRepeatingTheKey()
    {
        string tex = Wide(16, "key").Render(TableFormat.Latex);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(tex, "\\\\begin\\{tabular\\}\\{lr+\\}"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(tex, "\\nkey & "));
        Assert.Contains("\\medskip", tex);
        // Every value column appears once.
        for (int i = 0; i < 16; i++) Assert.Single(System.Text.RegularExpressions.Regex.Matches(tex, $" c{i} "));
    }

    [Fact]
    public void HtmlEscapesAndKeepsCaptionAndLegend()
    {
        var t = new Table("a < b", [new TableColumn("x_y"), new TableColumn("v", ColumnKind.Real, 1)]) { Legend = "v = value" };
        t.AddRow("<i>", 2.0);
        Assert.Equal("<table>\n<caption>a &lt; b</caption>\n<thead><tr><th>x y</th><th class=\"num\">v</th></tr></thead>\n<tbody>\n"
            + "<tr><td>&lt;i&gt;</td><td class=\"num\">2.0</td></tr>\n</tbody>\n</table>\n<p class=\"legend\">Columns: v = value</p>\n", t.Render(TableFormat.Html));
    }

    [Fact]
    public void TexEscapesSpecials() =>
        Assert.Equal("a\\_b \\% \\$ \\textbackslash{}", Table.TexEscape("a_b % $ \\"));
}
