using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Formats;

/// <summary>Writes a trace in the text format read by <see cref="TextTraceReader"/> (ids and, if present, bits).</summary>
public static class TextTraceWriter
{
    /// <summary>Writes the trace; <paramref name="comment"/> (optional) becomes a leading <c>#</c> line.</summary>
    public static void Write(TextWriter writer, RequestSequence sequence, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sequence);
        if (comment is not null)
            foreach (var c in comment.Split('\n'))
                writer.Write("# " + c + "\n");
        var bits = sequence.Bits;
        for (int t = 0; t < sequence.Length; t++)
        {
            writer.Write(sequence.PageId(sequence[t]));
            if (sequence.HasBits)
            {
                writer.Write(' ');
                writer.Write(bits[t] == 1 ? '1' : '0');
            }
            writer.Write('\n');
        }
    }

    /// <summary>The trace as text.</summary>
    public static string ToText(RequestSequence sequence, string? comment = null)
    {
        using var sw = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(sw, sequence, comment);
        return sw.ToString();
    }
}
