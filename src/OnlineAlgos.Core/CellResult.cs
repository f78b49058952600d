using System.Globalization;
using System.Text;

namespace OnlineAlgos.Core;

/// <summary>
/// The finished result of one sweep cell: its index and id, and the study's values for it (formatted text, in the
/// study's record column order). One record is one line in a results file (<see cref="ToLine"/>).
/// </summary>
public sealed record CellResult(int Index, string CellId, IReadOnlyList<string> Values)
{
    /// <summary>CSV line <c>index,cell_id,values...</c> (RFC 4180 quoting).</summary>
    public string ToLine()
    {
        var sb = new StringBuilder();
        sb.Append(Index.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Table.CsvField(CellId));
        foreach (var v in Values) sb.Append(',').Append(Table.CsvField(v));
        return sb.ToString();
    }

    /// <summary>Parses a line written by <see cref="ToLine"/>; reports the source and line on error.</summary>
    public static CellResult Parse(string line, int valueCount, string source, long lineNumber)
    {
        var fields = CsvLine.Split(line, source, lineNumber);
        if (fields.Count != valueCount + 2)
            throw new InstanceFormatException(source, lineNumber, $"{valueCount + 2} fields (index, cell id and {valueCount} values), found {fields.Count}");
        if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            throw new InstanceFormatException(source, lineNumber, $"a cell index (non-negative integer), found '{fields[0]}'");
        return new CellResult(index, fields[1], fields.GetRange(2, valueCount));
    }
}
