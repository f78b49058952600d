using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Formats;

/// <summary>
/// Reads a separate prediction file: one bit <c>0</c> or <c>1</c> per line, in request order; lines starting with
/// <c>#</c> are comments; a blank line inside the file is an error, a final newline is not. The caller checks that the
/// length equals the trace's (<see cref="CheckLength"/>). Errors: <see cref="InstanceFormatException"/> with source
/// and line.
/// </summary>
public static class BitFileReader
{
    /// <summary>Reads the bits.</summary>
    public static byte[] Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var bits = new List<byte>();
        long lineNo = 0, pendingBlank = 0;
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
                throw new InstanceFormatException(sourceName, pendingBlank, "a prediction bit 0 or 1 (blank lines are not allowed inside a prediction file)");
            if (span.Length != 1 || (span[0] != '0' && span[0] != '1'))
                throw new InstanceFormatException(sourceName, lineNo, $"a prediction bit 0 or 1, found '{Shorten(span.ToString())}'");
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

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
