using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Formats;

/// <summary>
/// Reads a separate prediction file: one bit <c>0</c> or <c>1</c> per line, in request order; lines starting with
/// <c>#</c> are comments; a blank line inside the file is an error, a final newline is not. Lines end at <c>\n</c>,
/// <c>\r\n</c> or <c>\r</c>; a leading byte-order mark is skipped; the <see cref="Stream"/> overload reads UTF-8
/// strictly (invalid UTF-8 is an error naming the line). Any other content of a line (<c>2</c>, <c>01</c>, <c>-1</c>,
/// non-ASCII digits) is an error. The caller checks that the length equals the trace's (<see cref="CheckLength"/>).
/// Errors: <see cref="InstanceFormatException"/> with source and line, and nothing else, on any input. O(length).
/// </summary>
public static class BitFileReader
{
    /// <summary>Reads the bits from decoded text.</summary>
    public static byte[] Read(TextReader reader, string sourceName)
    {
        using var lines = new TextLines(reader, sourceName);
        return Read(lines, sourceName);
    }

    /// <summary>Reads the bits from UTF-8 bytes (strict).</summary>
    public static byte[] Read(Stream stream, string sourceName)
    {
        using var lines = new TextLines(stream, sourceName);
        return Read(lines, sourceName);
    }

    private static byte[] Read(TextLines lines, string sourceName)
    {
        var bits = new List<byte>();
        long pendingBlank = 0;
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
                throw new InstanceFormatException(sourceName, pendingBlank, "a prediction bit 0 or 1 (blank lines are not allowed inside a prediction file)");
            if (span.Length != 1 || (span[0] != '0' && span[0] != '1'))
                throw new InstanceFormatException(sourceName, lineNo, $"a prediction bit 0 or 1, found '{Shorten(span)}'");
            lines.CheckRoom(bits.Count, TextLines.MaxRequests, "prediction bits");
            bits.Add((byte)(span[0] - '0'));
        }
        return bits.ToArray();
    }

    /// <summary>Throws an <see cref="InstanceFormatException"/> unless there is exactly one bit per request.</summary>
    public static void CheckLength(byte[] bits, int requests, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (bits.Length != requests)
            throw new InstanceFormatException(sourceName, bits.Length < requests ? 0 : requests + 1,
                $"one prediction bit per request: the trace has {requests} requests, the prediction file {bits.Length} bits");
    }

    private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : string.Concat(s[..40], "...");
}
