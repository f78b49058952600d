using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Formats;

/// <summary>
/// Reads libCacheSim-style <c>csv</c> traces: one request per row, the object id in one column. With a header row
/// (detected when the first row names a column <c>obj_id</c>, <c>object_id</c>, <c>id</c> or <c>key</c>, or forced
/// with <c>hasHeader</c>), the id column is the one so named unless <c>idColumn</c> is given;
/// without a header it is column <c>idColumn</c> (1-based, default 1). Other columns (time, size, …) are
/// ignored: unit-size paging. Quoted fields follow RFC 4180 (no line breaks inside a field). Ids are compared as
/// text (ordinal) after trimming. Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>; a leading byte-order mark is
/// skipped; a blank line is an error. The <see cref="Stream"/> overload reads UTF-8 strictly: a line that is not
/// valid UTF-8 is an error naming the line (never replaced by U+FFFD, which would merge distinct ids); lines are
/// limited to 1 MiB. Errors: <see cref="InstanceFormatException"/> naming source and line, and nothing else, on any
/// input. O(total length).
/// </summary>
public static class CsvTraceReader
{
    private static readonly string[] IdNames = ["obj_id", "object_id", "id", "key"];

    /// <summary>Reads the trace from decoded text; errors name the source and line.</summary>
    public static RequestSequence Read(TextReader reader, string sourceName, int? idColumn = null, bool? hasHeader = null, char delimiter = ',')
    {
        using var lines = new TextLines(reader, sourceName);
        return Read(lines, sourceName, idColumn, hasHeader, delimiter);
    }

    /// <summary>Reads the trace from UTF-8 bytes (strict: invalid UTF-8 is an error naming the line).</summary>
    public static RequestSequence Read(Stream stream, string sourceName, int? idColumn = null, bool? hasHeader = null, char delimiter = ',')
    {
        using var lines = new TextLines(stream, sourceName);
        return Read(lines, sourceName, idColumn, hasHeader, delimiter);
    }

    private static RequestSequence Read(TextLines lines, string sourceName, int? idColumn, bool? hasHeader, char delimiter)
    {
        if (idColumn is < 1) throw new InstanceFormatException(sourceName, 0, $"an id column >= 1, got {idColumn}");
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var requests = new List<int>();
        int col = (idColumn ?? 1) - 1;
        bool first = true;
        while (lines.TryRead(out var span))
        {
            long lineNo = lines.LineNumber;
            string line = span.ToString();
            if (line.Length == 0 || line.AsSpan().Trim().IsEmpty)
                throw new InstanceFormatException(sourceName, lineNo, "a CSV row (blank lines are not allowed)");
            var fields = CsvLine.Split(line, sourceName, lineNo, delimiter);
            if (first)
            {
                first = false;
                int named = -1;
                for (int i = 0; i < fields.Count; i++)
                    if (Array.IndexOf(IdNames, fields[i].Trim().ToLowerInvariant()) >= 0) { named = i; break; }
                bool header = hasHeader ?? named >= 0;
                if (header)
                {
                    if (idColumn is null)
                    {
                        if (named < 0)
                            throw new InstanceFormatException(sourceName, lineNo, "a header column named obj_id, object_id, id or key (or give the id column)");
                        col = named;
                    }
                    continue;
                }
            }
            if (col >= fields.Count)
                throw new InstanceFormatException(sourceName, lineNo, $"at least {col + 1} columns (the id column), found {fields.Count}");
            string id = fields[col].Trim();
            if (id.Length == 0)
                throw new InstanceFormatException(sourceName, lineNo, $"a non-empty object id in column {col + 1}");
            lines.CheckRoom(requests.Count, TextLines.MaxRequests, "requests");
            if (!map.TryGetValue(id, out int dense))
            {
                dense = ids.Count;
                map[id] = dense;
                ids.Add(id);
            }
            requests.Add(dense);
        }
        if (requests.Count == 0)
            throw new InstanceFormatException(sourceName, 0, "at least one request (the trace is empty)");
        return new RequestSequence(requests.ToArray(), ids.ToArray());
    }
}
