using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Formats;

/// <summary>
/// The line source shared by the text readers: either a <see cref="TextReader"/> (already decoded text: a leading
/// U+FEFF is skipped and a lone surrogate, which no UTF-8 file can contain, is an error naming the line) or a UTF-8
/// <see cref="Stream"/> read strictly by <see cref="Utf8LineReader"/>. Both split lines exactly as
/// <see cref="TextReader.ReadLine"/> does, so the two overloads of every reader agree on valid input.
/// </summary>
internal sealed class TextLines : IDisposable
{
    /// <summary>Most requests a trace may have: <see cref="Array.MaxLength"/> (the dense request array's limit).</summary>
    public static readonly int MaxRequests = Array.MaxLength;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2213", Justification = "the caller owns the reader (Formats read over a caller's TextReader/Stream, never a path)")]
    private readonly TextReader? _reader;
    private readonly Utf8LineReader? _bytes;
    private readonly string _source;
    private long _line;
    private string? _current;

    /// <summary>Lines of decoded text.</summary>
    public TextLines(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _source = source;
    }

    /// <summary>Lines of UTF-8 bytes (strict).</summary>
    public TextLines(Stream stream, string source, int maxLineBytes = Utf8LineReader.MaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _bytes = new Utf8LineReader(stream, source, maxLineBytes);
        _source = source;
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber => _bytes?.LineNumber ?? _line;

    /// <summary>The next line without its break, or false at the end.</summary>
    public bool TryRead(out ReadOnlySpan<char> line)
    {
        if (_bytes is not null) return _bytes.TryReadLine(out line);
        _current = _reader!.ReadLine();
        if (_current is null) { line = default; return false; }
        _line++;
        line = _current;
        if (_line == 1 && line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
        int s = line.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (s >= 0) CheckSurrogates(line, s);
        return true;
    }

    private void CheckSurrogates(ReadOnlySpan<char> line, int from)
    {
        for (int i = from; i < line.Length; i++)
        {
            char c = line[i];
            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c))
                throw new InstanceFormatException(_source, _line, $"valid Unicode text (a lone surrogate U+{(int)c:X4} at character {i + 1} of the line)");
        }
    }

    /// <summary>Throws unless another request fits (at most <paramref name="max"/>).</summary>
    public void CheckRoom(int count, int max, string what)
    {
        if (count >= max)
            throw new InstanceFormatException(_source, LineNumber, $"at most {max} {what} (the trace is too long for one run)");
    }

    /// <summary>Releases the byte reader's buffer.</summary>
    public void Dispose() => _bytes?.Dispose();
}
