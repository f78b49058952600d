using System.Globalization;
using System.Text;

namespace OnlineAlgos.Core;

/// <summary>
/// One table model written as CSV (RFC 4180 quoting), GitHub Markdown and LaTeX (booktabs). Column order is the
/// order given; numbers are formatted with the invariant culture and each column's fixed decimals, so the three
/// renderings agree digit for digit and are stable across machines.
/// </summary>
public sealed class Table
{
    private readonly List<object?[]> _rows = new();

    /// <summary>Creates an empty table with a title (the caption in Markdown, LaTeX and HTML) and columns.</summary>
    public Table(string title, IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("a table needs at least one column", nameof(columns));
        Title = title;
        Columns = columns;
    }

    /// <summary>The table's title.</summary>
    public string Title { get; }
    /// <summary>The columns in output order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }
    /// <summary>Number of rows.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Appends a row: strings for text columns, numbers for numeric ones; null or NaN prints empty.</summary>
    public Table AddRow(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"row has {cells.Length} cells, table has {Columns.Count} columns", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>Formatted cell text.</summary>
    public string Cell(int row, int column) => FormatCell(_rows[row][column], Columns[column]);

    /// <summary>All rows as formatted text.</summary>
    public IEnumerable<string[]> FormattedRows()
    {
        foreach (var row in _rows)
        {
            var cells = new string[row.Length];
            for (int c = 0; c < row.Length; c++) cells[c] = FormatCell(row[c], Columns[c]);
            yield return cells;
        }
    }

    private static string FormatCell(object? value, TableColumn column)
    {
        switch (value)
        {
            case null: return "";
            case string s: return s;
            case double d when double.IsNaN(d): return "";
            case double d when double.IsPositiveInfinity(d): return "inf";
            case double d when double.IsNegativeInfinity(d): return "-inf";
        }
        return column.Kind switch
        {
            ColumnKind.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            ColumnKind.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture)
                .ToString("F" + column.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary>CSV with a header line; fields quoted only when needed; "\n" line ends.</summary>
    public void WriteCsv(TextWriter writer)
    {
        writer.Write(string.Join(",", Columns.Select(c => CsvField(c.Name))));
        writer.Write('\n');
        foreach (var row in FormattedRows())
        {
            writer.Write(string.Join(",", row.Select(CsvField)));
            writer.Write('\n');
        }
    }

    /// <summary>CSV field quoting per RFC 4180.</summary>
    public static string CsvField(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>
    /// What a reader needs to decode the headers (e.g. "ratio = Σ ALG / Σ OPT; rep. = replicates"): printed after the
    /// Markdown table, appended to the LaTeX caption and shown under the HTML table. Null for none.
    /// </summary>
    public string? Legend { get; init; }

    /// <summary>GitHub-flavoured Markdown: a pandoc-style caption line (<c>Table: title</c>), the table with the display
    /// headers (numeric columns right-aligned), and the legend as a paragraph after it.</summary>
    public void WriteMarkdown(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("Table: " + MdEscape(Title) + "\n\n");
        writer.Write("| " + string.Join(" | ", Columns.Select(c => MdEscape(c.Display))) + " |\n");
        writer.Write("|" + string.Join("|", Columns.Select(c => c.Kind == ColumnKind.Text ? "---" : "---:")) + "|\n");
        foreach (var row in FormattedRows())
            writer.Write("| " + string.Join(" | ", row.Select(MdEscape)) + " |\n");
        if (!string.IsNullOrEmpty(Legend)) writer.Write("\nColumns: " + MdEscape(Legend) + "\n");
    }

    private static string MdEscape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Text width of the plain <c>article</c> class at 10 pt (345 pt), the width every table must fit.</summary>
    public const double ArticleTextWidthPt = 345;

    // Font switches tried in order, with their size, \tabcolsep and how much wider Computer Modern's small optical
    // sizes set per em than the 10 pt font (cmr7 digits are 0.58 em, cmr10's 0.5 em).
    private static readonly (string Command, double SizePt, double ColSepPt, double Widen)[] LatexSizes =
        [("\\small", 9, 4, 1.03), ("\\footnotesize", 8, 3, 1.07), ("\\scriptsize", 7, 1.5, 1.17)];

    private const double TargetWidthPt = 0.93 * ArticleTextWidthPt;

    /// <summary>
    /// Estimated natural width in points of the tabular at a font size and column separation: per column the widest
    /// of header (split over two lines when it has a space) and cells, at about 0.5 em per lower-case letter or digit
    /// and 0.75 em per capital or symbol, plus two separations. Coarse on purpose: <c>.ci/run</c> compiles every table
    /// and fails on an overfull box.
    /// </summary>
    public double EstimatedWidthPt(double fontSizePt, double colSepPt) => ColumnWidthsPt(fontSizePt, colSepPt, 1).Sum();

    private double[] ColumnWidthsPt(double fontSizePt, double colSepPt, double widen)
    {
        var rows = FormattedRows().ToList();
        var widths = new double[Columns.Count];
        for (int c = 0; c < Columns.Count; c++)
        {
            double w = HeaderLines(Columns[c].Display).Max(Em);
            foreach (var r in rows) w = Math.Max(w, Em(r[c]));
            widths[c] = w * fontSizePt * widen + 2 * colSepPt;
        }
        return widths;
    }

    private double CellWidthEm(int c) => FormattedRows().Select(r => Em(r[c])).DefaultIfEmpty(0).Max();

    /// <summary>A header as one line, or as two lines split at the space nearest its middle when it has one.</summary>
    private static string[] HeaderLines(string header)
    {
        int best = -1;
        for (int i = 0; i < header.Length; i++)
            if (header[i] == ' ' && (best < 0 || Math.Abs(i - header.Length / 2.0) < Math.Abs(best - header.Length / 2.0))) best = i;
        return best < 0 || header.Length < 8 ? [header] : [header[..best], header[(best + 1)..]];
    }

    private static double Em(string s)
    {
        double w = 0;
        foreach (char ch in s)
            w += char.IsUpper(ch) || ch > 127 || ch is '%' or '&' or '#' or '=' or '+' or '<' or '>' ? 0.78
                : ch is 'm' or 'w' ? 0.8
                : ch is '.' or ',' or ';' or ':' or ' ' or 'i' or 'l' or 'j' or '(' or ')' or '[' or ']' or '|' or '\'' ? 0.3 : 0.52;
        return w;
    }

    /// <summary>LaTeX table with booktabs rules (needs only <c>\usepackage{booktabs}</c> and <c>amsmath</c>): caption
    /// (title, then the legend), <c>\label{tab:&lt;label&gt;}</c>, and the largest of <c>\small</c>,
    /// <c>\footnotesize</c>, <c>\scriptsize</c> (with a tighter <c>\tabcolsep</c>) whose estimated width fits the
    /// article text width. Headers longer than their column's cells break over two lines. A table too wide even in
    /// <c>\scriptsize</c> sets its wide text columns as paragraph columns (<c>p{…}</c>) that share the width the
    /// others leave, and when the numbers alone do not fit, splits the value columns over several tabulars in the same
    /// float, each repeating the leading text columns. Unicode maths becomes LaTeX maths (see <see cref="TexEscape"/>).</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="label">Label suffix (e.g. the file stem); null derives one from the title.</param>
    public void WriteLatex(TextWriter writer, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var size = LatexSize(out double[] widths, out bool fits);
        var wrap = new double[Columns.Count];
        var blocks = LatexBlocks(widths, fits, size.ColSepPt, wrap);
        WriteLatexOpening(writer, size.Command, size.ColSepPt, label);
        var rows = FormattedRows().ToList();
        for (int b = 0; b < blocks.Count; b++)
        {
            if (b > 0) writer.Write("\n\\medskip\n");
            WriteLatexTabular(writer, blocks[b], wrap, rows);
        }
        writer.Write("\\end{table}\n");
    }

    // The largest size whose estimated width fits (else the smallest), with its column widths.
    private (string Command, double SizePt, double ColSepPt, double Widen) LatexSize(out double[] widths, out bool fits)
    {
        var size = LatexSizes[^1];
        widths = [];
        fits = false;
        foreach (var s in LatexSizes)
        {
            size = s;
            widths = ColumnWidthsPt(s.SizePt, s.ColSepPt, s.Widen);
            if (widths.Sum() <= TargetWidthPt) { fits = true; break; }
        }
        return size;
    }

    // Still too wide: wrap the wide text columns (widest first) in paragraph columns; if the numbers alone are
    // too wide, split the value columns over several tabulars stacked in the float, each repeating the leading
    // text columns (the row keys). Sets the paragraph widths in wrap; returns each tabular's columns.
    private List<List<int>> LatexBlocks(double[] widths, bool fits, double colSep, double[] wrap)
    {
        var blocks = new List<List<int>> { Enumerable.Range(0, Columns.Count).ToList() };
        if (fits || TryWrap(blocks[0], widths, colSep, wrap)) return blocks;
        blocks = SplitValueColumns(widths);
        foreach (var b in blocks) TryWrap(b, widths, colSep, wrap);
        return blocks;
    }

    // Packs the value columns greedily into blocks within the target width, each block led by the key columns
    // (the leading text columns, at most two).
    private List<List<int>> SplitValueColumns(double[] widths)
    {
        int keys = 0;
        while (keys < Math.Min(2, Columns.Count - 1) && Columns[keys].Kind == ColumnKind.Text) keys++;
        var keyCols = Enumerable.Range(0, keys).ToList();
        // A wide key column will wrap to at least 60 pt, so it counts as at most that much when packing.
        double keyWidth = keyCols.Sum(c => Math.Min(widths[c], 60));
        var blocks = new List<List<int>>();
        var current = new List<int>(keyCols);
        double used = keyWidth;
        for (int c = keys; c < Columns.Count; c++)
        {
            if (current.Count > keys && used + widths[c] > TargetWidthPt)
            {
                blocks.Add(current);
                current = new List<int>(keyCols);
                used = keyWidth;
            }
            current.Add(c);
            used += widths[c];
        }
        blocks.Add(current);
        return blocks;
    }

    // \begin{table}, the size command and column separation, caption (title, then legend) and label.
    private void WriteLatexOpening(TextWriter writer, string sizeCommand, double colSepPt, string? label)
    {
        string caption = TexEscape(Title);
        if (!string.IsNullOrEmpty(Legend)) caption += (Title.EndsWith('.') ? " " : ". ") + TexEscape(Legend);
        writer.Write("\\begin{table}[ht]\n\\centering\n");
        writer.Write(sizeCommand + "\n");
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\\setlength{{\\tabcolsep}}{{{colSepPt}pt}}\n"));
        writer.Write($"\\caption{{{caption}}}\n");
        writer.Write($"\\label{{tab:{LabelSlug(label ?? Title)}}}\n");
    }

    // One tabular over the columns cols: alignment (p{…} for wrapped columns), headers, rows.
    private void WriteLatexTabular(TextWriter writer, List<int> cols, double[] wrap, List<string[]> rows)
    {
        var align = new StringBuilder();
        foreach (int c in cols)
            align.Append(wrap[c] > 0 ? string.Create(CultureInfo.InvariantCulture, $"p{{{wrap[c]:F0}pt}}") : Columns[c].Kind == ColumnKind.Text ? "l" : "r");
        writer.Write($"\\begin{{tabular}}{{{align}}}\n\\toprule\n");
        var headers = new List<string>();
        foreach (int c in cols) headers.Add(LatexHeader(c, wrap[c]));
        writer.Write(string.Join(" & ", headers) + " \\\\\n\\midrule\n");
        foreach (var row in rows)
            writer.Write(string.Join(" & ", cols.Select(c => TexEscape(row[c]))) + " \\\\\n");
        writer.Write("\\bottomrule\n\\end{tabular}\n");
    }

    // A column's header; two lines only where the header is wider than the column's cells (and not wrapped).
    private string LatexHeader(int c, double wrapPt)
    {
        var lines = HeaderLines(Columns[c].Display);
        if (lines.Length == 2 && Em(Columns[c].Display) > CellWidthEm(c) && wrapPt == 0)
        {
            char a = Columns[c].Kind == ColumnKind.Text ? 'l' : 'r';
            return $"\\begin{{tabular}}[b]{{@{{}}{a}@{{}}}}{TexEscape(lines[0])}\\\\{TexEscape(lines[1])}\\end{{tabular}}";
        }
        return TexEscape(Columns[c].Display);
    }

    /// <summary>Sets paragraph widths in <paramref name="wrap"/> for the text columns of <paramref name="cols"/>
    /// wider than 50 pt, widest first, until the columns fit; false when even that leaves them too wide.</summary>
    private bool TryWrap(List<int> cols, double[] widths, double colSep, double[] wrap)
    {
        double total = cols.Sum(c => widths[c]);
        if (total <= TargetWidthPt) return true;
        var candidates = cols.Where(c => Columns[c].Kind == ColumnKind.Text && widths[c] > 50).OrderByDescending(c => widths[c]).ToList();
        var wrapped = new List<int>();
        foreach (int c in candidates)
        {
            wrapped.Add(c);
            double rest = cols.Where(x => !wrapped.Contains(x)).Sum(x => widths[x]);
            double natural = wrapped.Sum(x => widths[x]);
            double avail = TargetWidthPt - rest - wrapped.Count * 2 * colSep;
            if (avail * widths[wrapped[^1]] / natural >= 50)
            {
                foreach (int x in wrapped) wrap[x] = Math.Floor(avail * widths[x] / natural);
                return true;
            }
        }
        return false;
    }

    /// <summary>A label-safe slug: lower-case ASCII letters, digits and dashes.</summary>
    public static string LabelSlug(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length);
        foreach (char ch in s.ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    /// <summary>An HTML fragment: <c>&lt;table&gt;</c> with the title as caption, display headers, one row per row
    /// (numeric cells right-aligned), and the legend in a <c>&lt;p class="legend"&gt;</c> after it. Text is
    /// HTML-escaped; Unicode maths is kept as is.</summary>
    public void WriteHtml(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("<table>\n<caption>" + System.Net.WebUtility.HtmlEncode(Title) + "</caption>\n<thead><tr>");
        foreach (var c in Columns)
            writer.Write((c.Kind == ColumnKind.Text ? "<th>" : "<th class=\"num\">") + System.Net.WebUtility.HtmlEncode(c.Display) + "</th>");
        writer.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in FormattedRows())
        {
            writer.Write("<tr>");
            for (int c = 0; c < row.Length; c++)
                writer.Write((Columns[c].Kind == ColumnKind.Text ? "<td>" : "<td class=\"num\">") + System.Net.WebUtility.HtmlEncode(row[c]) + "</td>");
            writer.Write("</tr>\n");
        }
        writer.Write("</tbody>\n</table>\n");
        if (!string.IsNullOrEmpty(Legend)) writer.Write("<p class=\"legend\">Columns: " + System.Net.WebUtility.HtmlEncode(Legend) + "</p>\n");
    }

    private static readonly Dictionary<char, string> TexMath = new()
    {
        ['α'] = "\\alpha", ['β'] = "\\beta", ['γ'] = "\\gamma", ['δ'] = "\\delta", ['ε'] = "\\varepsilon", ['η'] = "\\eta",
        ['θ'] = "\\theta", ['κ'] = "\\kappa", ['λ'] = "\\lambda", ['μ'] = "\\mu", ['π'] = "\\pi", ['ρ'] = "\\rho",
        ['σ'] = "\\sigma", ['τ'] = "\\tau", ['φ'] = "\\varphi", ['ω'] = "\\omega", ['Σ'] = "\\Sigma", ['Δ'] = "\\Delta",
        ['Π'] = "\\Pi", ['Ω'] = "\\Omega", ['≤'] = "\\le", ['≥'] = "\\ge", ['≠'] = "\\neq", ['≈'] = "\\approx",
        ['×'] = "\\times", ['−'] = "-", ['±'] = "\\pm", ['·'] = "\\cdot", ['→'] = "\\to", ['∞'] = "\\infty",
        ['∈'] = "\\in", ['√'] = "\\surd", ['∑'] = "\\sum", ['⌈'] = "\\lceil", ['⌉'] = "\\rceil", ['⌊'] = "\\lfloor",
        ['⌋'] = "\\rfloor", ['∝'] = "\\propto", ['′'] = "'", ['∗'] = "*",
    };

    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺ⁿ";
    private const string SuperscriptPlain = "0123456789-+n";
    private const string Subscripts = "₀₁₂₃₄₅₆₇₈₉₋₊ᵢⱼₖₘₙₜₚₒₓₐₑ";
    private const string SubscriptPlain = "0123456789-+ijkmntpoxae";

    /// <summary>
    /// Escapes LaTeX special characters (<c>\ &amp; % $ # _ { } ~ ^</c>) and turns Unicode maths into LaTeX maths:
    /// Greek letters, ≤ ≥ ≠ ≈ × − ± · → ∞ and friends become <c>$\sigma$</c> etc., runs of superscript or subscript
    /// characters become <c>^{…}</c> / <c>_{…}</c>, and adjacent maths shares one <c>$…$</c> (so "η₀" gives
    /// <c>$\eta_{0}$</c>, "10⁻³" gives <c>10$^{-3}$</c>). Dashes and ellipsis become <c>--</c>, <c>---</c>, <c>\dots</c>.
    /// Other characters pass through (pdflatex reads UTF-8 Latin letters).
    /// </summary>
    public static string TexEscape(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length + 8);
        bool math = false;
        void AppendMath(string m)
        {
            if (!math) { sb.Append('$'); math = true; }
            else if (sb.Length > 0 && char.IsLetter(sb[^1]) && m.Length > 0 && char.IsLetter(m[0])) sb.Append(' ');
            sb.Append(m);
        }
        void AppendText(string t)
        {
            if (math) { sb.Append('$'); math = false; }
            sb.Append(t);
        }
        for (int i = 0; i < s.Length; i++)
        {
            char ch = s[i];
            bool sup = Superscripts.Contains(ch, StringComparison.Ordinal), sub = Subscripts.Contains(ch, StringComparison.Ordinal);
            if (sup || sub) { AppendMath(ScriptRun(s, ref i, sup)); continue; }
            if (TexMath.TryGetValue(ch, out var cmd)) { AppendMath(cmd); continue; }
            AppendText(TexText(ch));
        }
        if (math) sb.Append('$');
        return sb.ToString();
    }

    // The run of superscript (sup) or subscript characters starting at s[i] as ^{…} / _{…}; i ends on its last one.
    private static string ScriptRun(string s, ref int i, bool sup)
    {
        string set = sup ? Superscripts : Subscripts, plain = sup ? SuperscriptPlain : SubscriptPlain;
        var run = new StringBuilder();
        while (i < s.Length && set.Contains(s[i], StringComparison.Ordinal)) { run.Append(plain[set.IndexOf(s[i], StringComparison.Ordinal)]); i++; }
        i--;
        return (sup ? "^{" : "_{") + run + "}";
    }

    // A text character: LaTeX specials escaped, dashes, ellipsis and § as LaTeX, a break allowed after ';'.
    private static string TexText(char ch) => ch switch
    {
        '\\' => "\\textbackslash{}",
        '&' or '%' or '$' or '#' or '_' or '{' or '}' => "\\" + ch,
        '~' => "\\textasciitilde{}",
        '^' => "\\textasciicircum{}",
        '–' => "--",
        '—' => "---",
        '…' => "\\dots{}",
        '§' => "\\S{}",
        ';' => ";\\allowbreak{}",
        _ => ch.ToString(),
    };

    /// <summary>Renders one of the formats to a string; <paramref name="label"/> is the LaTeX label suffix.</summary>
    public string Render(TableFormat format, string? label)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        switch (format)
        {
            case TableFormat.Csv: WriteCsv(sw); break;
            case TableFormat.Markdown: WriteMarkdown(sw); break;
            case TableFormat.Latex: WriteLatex(sw, label); break;
            case TableFormat.Html: WriteHtml(sw); break;
            default: throw new ArgumentOutOfRangeException(nameof(format));
        }
        return sw.ToString();
    }

    /// <summary>Renders one of the formats to a string (LaTeX label derived from the title).</summary>
    public string Render(TableFormat format) => Render(format, null);
}
