using System.Text;

namespace OnlineAlgos.Core;

/// <summary>Splits one CSV line (RFC 4180 quoting, no embedded newlines) into fields, and quotes a field for one.</summary>
public static class CsvLine
{
    /// <summary>The field as RFC 4180 wants it: quoted (inner quotes doubled) when it holds a comma, quote or newline.</summary>
    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0) return field;
        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The fields of <paramref name="line"/>; a malformed quote is reported with source and line.</summary>
    public static List<string> Split(string line, string source, long lineNumber, char separator = ',')
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        int i = 0;
        while (true)
        {
            sb.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                        throw new InstanceFormatException(source, lineNumber, "a closing quote in a quoted CSV field");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(line[i++]);
                }
                if (i < line.Length && line[i] != separator)
                    throw new InstanceFormatException(source, lineNumber, $"'{separator}' after a quoted CSV field");
            }
            else
            {
                while (i < line.Length && line[i] != separator) sb.Append(line[i++]);
            }
            fields.Add(sb.ToString());
            if (i >= line.Length) break;
            i++; // separator
        }
        return fields;
    }
}
