using System.Globalization;
using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Testing;

/// <summary>A paging instance for property tests: cache size k and a request sequence (optionally with bits).
/// <see cref="ToText"/> renders it in the text trace format with a <c># k=K</c> header comment, which
/// <see cref="Parse"/> reads back (so a saved counterexample replays).</summary>
public sealed record PagingInstance(int K, RequestSequence Sequence)
{
    /// <summary>The instance as a text trace with a <c># k=K</c> comment.</summary>
    public string ToText() => TextTraceWriter.ToText(Sequence, "k=" + K.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads an instance written by <see cref="ToText"/>; k comes from the <c># k=K</c> line.</summary>
    public static PagingInstance Parse(string text, string sourceName)
    {
        int? k = null;
        foreach (var line in text.Split('\n'))
        {
            var t = line.Trim();
            if (t.StartsWith("# k=", StringComparison.Ordinal)
                && int.TryParse(t.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int kv) && kv >= 1)
            {
                k = kv;
                break;
            }
        }
        if (k is null) throw new Core.InstanceFormatException(sourceName, 1, "a '# k=K' comment line giving the cache size");
        using var reader = new StringReader(text);
        return new PagingInstance(k.Value, TextTraceReader.Read(reader, sourceName));
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();
}
