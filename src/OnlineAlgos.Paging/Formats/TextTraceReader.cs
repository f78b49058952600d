using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Formats;

/// <summary>
/// Reads the toolkit's text trace format (FORMATS.md): one request per line, <c>ID [BIT]</c> separated by whitespace;
/// <c>#</c> starts a comment line; a blank line inside the file is an error, a final newline is not. Either every
/// request carries a 0/1 bit or none does. Also reads libCacheSim's <c>txt</c> format (ids only), which is the same
/// without bits. Ids are remapped to dense ints in order of first request. Errors: <see cref="InstanceFormatException"/>
/// with the source name and line.
/// </summary>
public static class TextTraceReader
{
    /// <summary>Reads a trace; <paramref name="sourceName"/> labels errors (usually the file name).</summary>
    public static RequestSequence Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var requests = new List<int>();
        List<byte>? bits = null;
        bool? withBits = null;
        long lineNo = 0, firstLine = 0;
        long pendingBlank = 0; // a blank line is an error only if a request follows it
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty)
            {
                if (pendingBlank == 0) pendingBlank = lineNo;
                continue;
            }
            if (span[0] == '#') continue;
            if (pendingBlank != 0)
                throw new InstanceFormatException(sourceName, pendingBlank, "a request 'ID [BIT]' (blank lines are not allowed inside a trace)");
            int split = span.IndexOfAny(' ', '\t');
            ReadOnlySpan<char> id = split < 0 ? span : span[..split];
            ReadOnlySpan<char> rest = split < 0 ? ReadOnlySpan<char>.Empty : span[(split + 1)..].Trim();
            if (id.Contains('\0'))
                throw new InstanceFormatException(sourceName, lineNo, "a page id of printable characters (found a NUL byte: is this a binary file? use --format oracleGeneral)");
            bool hasBit = !rest.IsEmpty;
            if (withBits is null) { withBits = hasBit; firstLine = lineNo; if (hasBit) bits = new List<byte>(); }
            else if (withBits != hasBit)
                throw new InstanceFormatException(sourceName, lineNo, hasBit
                    ? $"only a page id: line {firstLine} has no prediction bit, so no line may have one"
                    : $"a page id and a prediction bit 0 or 1: line {firstLine} has a bit, so every line needs one");
            if (hasBit)
            {
                if (rest.Length != 1 || (rest[0] != '0' && rest[0] != '1'))
                    throw new InstanceFormatException(sourceName, lineNo, $"a prediction bit 0 or 1 after the page id, found '{rest.ToString()}'");
                bits!.Add((byte)(rest[0] - '0'));
            }
            string key = id.ToString();
            if (!map.TryGetValue(key, out int dense))
            {
                dense = ids.Count;
                map[key] = dense;
                ids.Add(key);
            }
            requests.Add(dense);
        }
        if (requests.Count == 0)
            throw new InstanceFormatException(sourceName, 0, "at least one request (the trace is empty)");
        return new RequestSequence(requests.ToArray(), ids.ToArray(), bits?.ToArray());
    }
}
