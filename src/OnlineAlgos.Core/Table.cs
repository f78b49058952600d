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

    /// <summary>Creates an empty table with a title (used as the LaTeX caption) and columns.</summary>
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

    /// <summary>GitHub-flavoured Markdown; numeric columns right-aligned.</summary>
    public void WriteMarkdown(TextWriter writer)
    {
        writer.Write("| " + string.Join(" | ", Columns.Select(c => MdEscape(c.Name))) + " |\n");
        writer.Write("|" + string.Join("|", Columns.Select(c => c.Kind == ColumnKind.Text ? "---" : "---:")) + "|\n");
        foreach (var row in FormattedRows())
            writer.Write("| " + string.Join(" | ", row.Select(MdEscape)) + " |\n");
    }

    private static string MdEscape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>LaTeX table with booktabs rules (needs <c>\usepackage{booktabs}</c>).</summary>
    public void WriteLatex(TextWriter writer)
    {
        var align = new StringBuilder();
        foreach (var c in Columns) align.Append(c.Kind == ColumnKind.Text ? 'l' : 'r');
        writer.Write("\\begin{table}[ht]\n\\centering\n");
        writer.Write($"\\caption{{{TexEscape(Title)}}}\n");
        writer.Write($"\\begin{{tabular}}{{{align}}}\n\\toprule\n");
        writer.Write(string.Join(" & ", Columns.Select(c => TexEscape(c.Name))) + " \\\\\n\\midrule\n");
        foreach (var row in FormattedRows())
            writer.Write(string.Join(" & ", row.Select(TexEscape)) + " \\\\\n");
        writer.Write("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
    }

    /// <summary>Escapes LaTeX special characters.</summary>
    public static string TexEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char ch in s)
        {
            switch (ch)
            {
                case '\\': sb.Append("\\textbackslash{}"); break;
                case '&': case '%': case '$': case '#': case '_': case '{': case '}':
                    sb.Append('\\').Append(ch); break;
                case '~': sb.Append("\\textasciitilde{}"); break;
                case '^': sb.Append("\\textasciicircum{}"); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Renders one of the formats to a string.</summary>
    public string Render(TableFormat format)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        switch (format)
        {
            case TableFormat.Csv: WriteCsv(sw); break;
            case TableFormat.Markdown: WriteMarkdown(sw); break;
            case TableFormat.Latex: WriteLatex(sw); break;
            default: throw new ArgumentOutOfRangeException(nameof(format));
        }
        return sw.ToString();
    }
}
