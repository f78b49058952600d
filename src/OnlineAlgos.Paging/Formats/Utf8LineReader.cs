using System.Buffers;
using System.Text;
using System.Text.Unicode;
using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Formats;

/// <summary>
/// Splits a UTF-8 byte stream into lines for the text readers, strictly: a line ends at <c>\n</c>, <c>\r\n</c> or a
/// lone <c>\r</c> (as <see cref="TextReader.ReadLine"/>); one leading byte-order mark EF BB BF is skipped; a line that
/// is not valid UTF-8 (RFC 3629: no overlong forms, no encoded surrogates, nothing beyond U+10FFFF, no sequence cut by
/// the line end) is an <see cref="InstanceFormatException"/> naming the line and the byte, so distinct byte strings
/// are never merged into one id by a replacement character; a line longer than <see cref="MaxLineBytes"/> is an error
/// (bounds memory on a file without line breaks). Each line is decoded into a reused char buffer: no allocation per
/// line. O(total bytes).
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    /// <summary>Longest accepted line in bytes (1 MiB), excluding the line break.</summary>
    public const int MaxLineBytes = 1 << 20;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2213", Justification = "the caller owns the stream (Formats read over a caller's Stream, never a path)")]
    private readonly Stream _stream;
    private readonly string _source;
    private readonly int _maxLineBytes;
    private byte[] _buf;
    private int _start, _end; // unread bytes are _buf[_start.._end)
    private bool _eof, _first = true, _skipLf;
    private char[] _chars = new char[256];

    /// <summary>Reads lines of <paramref name="stream"/>; <paramref name="source"/> labels errors.</summary>
    public Utf8LineReader(Stream stream, string source, int maxLineBytes = MaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _source = source;
        _maxLineBytes = maxLineBytes;
        _buf = ArrayPool<byte>.Shared.Rent(1 << 16);
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// The next line, decoded (without its line break), or false at the end of the input. The span is valid until the
    /// next call.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            if (_skipLf)
            {
                if (_start == _end && !Fill()) { line = default; return false; }
                if (_buf[_start] == (byte)'\n') _start++;
                _skipLf = false;
            }
            if (_first)
            {
                while (_end - _start < 3 && !_eof) Fill();
                if (_end - _start >= 3 && _buf[_start] == 0xEF && _buf[_start + 1] == 0xBB && _buf[_start + 2] == 0xBF) _start += 3;
                _first = false;
            }
            int scanFrom = _start;
            while (true)
            {
                int i = _buf.AsSpan(scanFrom, _end - scanFrom).IndexOfAny((byte)'\n', (byte)'\r');
                if (i >= 0)
                {
                    int stop = scanFrom + i;
                    CheckLength(stop - _start);
                    LineNumber++;
                    line = Decode(_buf.AsSpan(_start, stop - _start));
                    _skipLf = _buf[stop] == (byte)'\r';
                    _start = stop + 1;
                    return true;
                }
                CheckLength(_end - _start);
                scanFrom = _end;
                int before = _start;
                if (!Fill())
                {
                    if (_start == _end) { line = default; return false; }
                    LineNumber++;
                    line = Decode(_buf.AsSpan(_start, _end - _start));
                    _start = _end;
                    return true;
                }
                scanFrom -= before - _start; // Fill may have moved the unread bytes to the front
            }
        }
    }

    private void CheckLength(int bytes)
    {
        if (bytes > _maxLineBytes)
            throw new InstanceFormatException(_source, LineNumber + 1, $"a line of at most {_maxLineBytes} bytes (no line break found within {_maxLineBytes} bytes: is this a binary file? use --format oracleGeneral)");
    }

    /// <summary>Reads more bytes after the unread ones (compacting or growing the buffer); false at the end.</summary>
    private bool Fill()
    {
        if (_eof) return false;
        if (_start > 0)
        {
            Array.Copy(_buf, _start, _buf, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buf.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buf.Length * 2);
            Array.Copy(_buf, bigger, _end);
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = bigger;
        }
        int read = _stream.Read(_buf, _end, _buf.Length - _end);
        if (read <= 0) { _eof = true; return false; }
        _end += read;
        return true;
    }

    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes)
    {
        if (_chars.Length < bytes.Length) _chars = new char[Math.Max(bytes.Length, _chars.Length * 2)];
        var status = Utf8.ToUtf16(bytes, _chars, out int read, out int written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var bad = bytes[read..];
            var shown = new StringBuilder();
            for (int j = 0; j < Math.Min(bad.Length, 4); j++) shown.Append(j == 0 ? "" : " ").Append("0x").Append(bad[j].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            throw new InstanceFormatException(_source, LineNumber,
                $"valid UTF-8 text (invalid byte sequence {shown} at byte {read + 1} of the line; ids are compared as decoded text, so invalid bytes are refused rather than replaced)");
        }
        return _chars.AsSpan(0, written);
    }

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose()
    {
        if (_buf.Length > 0) ArrayPool<byte>.Shared.Return(_buf);
        _buf = [];
    }
}
