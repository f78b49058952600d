using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Formats;

/// <summary>
/// Reads the toolkit's text trace format (FORMATS.md): one request per line, <c>ID [BIT]</c> separated by whitespace;
/// <c>#</c> starts a comment line; a blank line inside the file is an error, a final newline is not. Either every
/// request carries a 0/1 bit or none does. Also reads libCacheSim's <c>txt</c> format (ids only), which is the same
/// without bits. Ids are remapped to dense ints in order of first request and compared as text (ordinal).
/// Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>; a leading byte-order mark is skipped. The <see cref="Stream"/>
/// overload reads UTF-8 strictly: a line that is not valid UTF-8 is an error naming the line (never replaced by
/// U+FFFD, which would merge distinct ids into one page); lines are limited to 1 MiB. The <see cref="TextReader"/>
/// overload takes already decoded text and rejects lone surrogates. Errors: <see cref="InstanceFormatException"/> with
/// the source name and line, and nothing else, on any input. O(total length); no allocation per repeated id.
/// </summary>
public static class TextTraceReader
{
    /// <summary>Reads a trace from decoded text; <paramref name="sourceName"/> labels errors (usually the file name).</summary>
    public static RequestSequence Read(TextReader reader, string sourceName)
    {
        using var lines = new TextLines(reader, sourceName);
        return Read(lines, sourceName, TextLines.MaxRequests);
    }

    /// <summary>Reads a trace from UTF-8 bytes (strict: invalid UTF-8 is an error naming the line).</summary>
    public static RequestSequence Read(Stream stream, string sourceName)
    {
        using var lines = new TextLines(stream, sourceName);
        return Read(lines, sourceName, TextLines.MaxRequests);
    }

    /// <summary>As <see cref="Read(Stream, string)"/> with a smaller request limit (tests of the limit).</summary>
    internal static RequestSequence Read(Stream stream, string sourceName, int maxRequests)
    {
        using var lines = new TextLines(stream, sourceName);
        return Read(lines, sourceName, maxRequests);
    }

    private static RequestSequence Read(TextLines lines, string sourceName, int maxRequests)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        var ids = new List<string>();
        var requests = new List<int>();
        List<byte>? bits = null;
        bool? withBits = null;
        long firstLine = 0;
        long pendingBlank = 0; // a blank line is an error only if a request follows it
        while (lines.TryRead(out var line))
        {
            long lineNo = lines.LineNumber;
            var span = line.Trim();
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
                    throw new InstanceFormatException(sourceName, lineNo, $"a prediction bit 0 or 1 after the page id, found '{Shorten(rest)}'");
                bits!.Add((byte)(rest[0] - '0'));
            }
            lines.CheckRoom(requests.Count, maxRequests, "requests");
            if (!lookup.TryGetValue(id, out int dense))
            {
                dense = ids.Count;
                string key = id.ToString();
                map.Add(key, dense);
                ids.Add(key);
            }
            requests.Add(dense);
        }
        if (requests.Count == 0)
            throw new InstanceFormatException(sourceName, 0, "at least one request (the trace is empty)");
        return new RequestSequence(requests.ToArray(), ids.ToArray(), bits?.ToArray());
    }

    private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : string.Concat(s[..40], "...");
}
