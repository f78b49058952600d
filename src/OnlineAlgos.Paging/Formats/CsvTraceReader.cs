using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Formats;

/// <summary>
/// Reads libCacheSim-style <c>csv</c> traces: one request per row, the object id in one column. With a header row
/// (detected when the first row names a column <c>obj_id</c>, <c>object_id</c>, <c>id</c> or <c>key</c>, or forced
/// with <c>hasHeader</c>), the id column is the one so named unless <c>idColumn</c> is given;
/// without a header it is column <c>idColumn</c> (1-based, default 1). Other columns (time, size, …) are
/// ignored: unit-size paging. Quoted fields follow RFC 4180.
/// </summary>
public static class CsvTraceReader
{
    private static readonly string[] IdNames = ["obj_id", "object_id", "id", "key"];

    /// <summary>Reads the trace; errors name the source and line.</summary>
    public static RequestSequence Read(TextReader reader, string sourceName, int? idColumn = null, bool? hasHeader = null, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (idColumn is < 1) throw new InstanceFormatException(sourceName, 0, $"an id column >= 1, got {idColumn}");
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var requests = new List<int>();
        int col = (idColumn ?? 1) - 1;
        long lineNo = 0;
        string? line;
        bool first = true;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
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
