using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Formats;

/// <summary>
/// Reads router scores from a NumPy <c>.npy</c> file (format versions 1.0, 2.0, 3.0): little-endian float32
/// (<c>&lt;f4</c>) or float64 (<c>&lt;f8</c>), C order, shape <c>(tokens, experts)</c> or
/// <c>(batches, tokens, experts)</c>. Everything else — bad magic, other dtypes or byte orders, Fortran order, other
/// ranks, truncated or over-long data, NaN/Infinity — raises <see cref="InstanceFormatException"/> with the byte
/// offset or element index and what was expected. The header is checked before anything is allocated: the dictionary
/// holds exactly 'descr', 'fortran_order' and 'shape'; every dimension is &gt;= 1; the products cannot overflow; and on a
/// seekable stream the data length must equal shape × item size (an unseekable stream's buffer grows only with the
/// bytes that arrive). O(file size).
/// </summary>
public static class NpyScoreReader
{
    private static readonly byte[] Magic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>The batches of the array (one for a 2-D array).</summary>
    public static IReadOnlyList<ScoreMatrix> Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (major, headerLen, headerStart) = ReadPreamble(stream, source);
        var hb = new byte[headerLen];
        if (ReadFully(stream, hb) < headerLen) throw new InstanceFormatException(source, $"byte {headerStart}", $"a {headerLen}-byte header (file truncated)");
        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(hb);
        var (descr, fortran, shape) = ParseHeader(header, source);
        int width = ItemWidth(descr, source);
        CheckOrderAndShape(fortran, shape, source);
        long batches = shape.Length == 3 ? shape[0] : 1;
        long perBatch = ScoresPerBatch(shape, width, source);
        long dataBytes = perBatch * width <= long.MaxValue / batches ? perBatch * width * batches : -1;
        long offset = headerStart + headerLen;
        long available = Remaining(stream);
        CheckDataLength(dataBytes, available, offset, shape, source);
        long count = dataBytes / width;
        var result = ReadBatches(stream, source, shape, width, perBatch, dataBytes, available, ref offset);
        if (stream.ReadByte() >= 0)
            throw new InstanceFormatException(source, $"byte {offset}", $"end of file after {count * width} data bytes for shape ({string.Join(", ", shape)})");
        return result;
    }

    // The magic string, the format version and the header length (2 bytes in version 1, 4 bytes below 1 MiB after);
    // also where the header starts.
    private static (int Major, int HeaderLen, int HeaderStart) ReadPreamble(Stream stream, string source)
    {
        var pre = new byte[10];
        int got = ReadFully(stream, pre);
        if (got < 8 || !pre.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InstanceFormatException(source, "byte 0", "the NumPy magic string \\x93NUMPY (not a .npy file)");
        int major = pre[6];
        if (major < 1 || major > 3) throw new InstanceFormatException(source, "byte 6", $"npy format version 1, 2 or 3, found {major}.{pre[7]}");
        if (major == 1)
        {
            if (got < 10) throw new InstanceFormatException(source, "byte 8", "the header length (file truncated)");
            return (major, BinaryPrimitives.ReadUInt16LittleEndian(pre.AsSpan(8)), 10);
        }
        var more = new byte[2];
        if (got < 10 || ReadFully(stream, more) < 2) throw new InstanceFormatException(source, "byte 8", "the header length (file truncated)");
        uint len = BinaryPrimitives.ReadUInt32LittleEndian(new byte[] { pre[8], pre[9], more[0], more[1] });
        if (len > 1 << 20) throw new InstanceFormatException(source, "byte 8", $"a header length below 1 MiB, found {len}");
        return (major, (int)len, 12);
    }

    // Bytes per score: 4 for '<f4', 8 for '<f8'.
    private static int ItemWidth(string descr, string source) => descr switch
    {
        "<f4" => 4,
        "<f8" => 8,
        _ => throw new InstanceFormatException(source, "header 'descr'", $"dtype '<f4' (float32) or '<f8' (float64, little-endian), found '{Truncate(descr)}'"),
    };

    // C order, rank 2 or 3, every dimension >= 1.
    private static void CheckOrderAndShape(bool fortran, long[] shape, string source)
    {
        if (fortran)
            throw new InstanceFormatException(source, "header 'fortran_order'", "C order (fortran_order False), found True");
        if (shape.Length != 2 && shape.Length != 3)
            throw new InstanceFormatException(source, "header 'shape'", $"a 2-D (tokens, experts) or 3-D (batches, tokens, experts) shape, found {shape.Length}-D");
        foreach (long d in shape)
            if (d < 1) throw new InstanceFormatException(source, "header 'shape'", $"dimensions >= 1 (no empty batches, tokens or experts), found ({string.Join(", ", shape)})");
    }

    // tokens × experts, refused when one batch's bytes would not fit an array or a count would not fit an int.
    private static long ScoresPerBatch(long[] shape, int width, string source)
    {
        long batches = shape.Length == 3 ? shape[0] : 1;
        long tokens = shape[^2], experts = shape[^1];
        // Every product is checked before it is formed (dimensions are up to 2^63 - 1) and before anything is allocated.
        long perBatch = tokens <= Array.MaxLength / experts ? tokens * experts : -1;
        if (perBatch < 0 || perBatch > Array.MaxLength / width || tokens > int.MaxValue || batches > int.MaxValue)
            throw new InstanceFormatException(source, "header 'shape'", $"at most {Array.MaxLength / width} scores per batch, found shape ({string.Join(", ", shape)})");
        return perBatch;
    }

    // A seekable stream must hold exactly the shape's data bytes; dataBytes < 0 means they overflow a long.
    private static void CheckDataLength(long dataBytes, long available, long offset, long[] shape, string source)
    {
        if (available >= 0 && (dataBytes < 0 || dataBytes > available))
            throw new InstanceFormatException(source, $"byte {offset + available}", dataBytes < 0
                ? $"a shape whose data fits a file, found ({string.Join(", ", shape)})"
                : $"{dataBytes} data bytes for shape ({string.Join(", ", shape)}), found {available}: the file is truncated");
        if (available >= 0 && dataBytes < available)
            throw new InstanceFormatException(source, $"byte {offset + dataBytes}",
                $"end of file after {dataBytes} data bytes for shape ({string.Join(", ", shape)}), found {available - dataBytes} more");
        if (dataBytes < 0)
            throw new InstanceFormatException(source, "header 'shape'", $"a shape whose data fits a file, found ({string.Join(", ", shape)})");
    }

    // One score matrix per batch; offset advances past each batch read.
    private static List<ScoreMatrix> ReadBatches(Stream stream, string source, long[] shape, int width, long perBatch, long dataBytes,
        long available, ref long offset)
    {
        long batches = shape.Length == 3 ? shape[0] : 1;
        long tokens = shape[^2], experts = shape[^1];
        var result = new List<ScoreMatrix>(available >= 0 ? (int)batches : 1);
        // An unseekable stream's length is unknown: the buffer grows with the bytes that actually arrive.
        byte[] buffer = new byte[available >= 0 ? perBatch * width : Math.Min(perBatch * width, 1 << 16)];
        for (int b = 0; b < batches; b++)
        {
            int n = available >= 0 ? ReadFully(stream, buffer) : ReadGrowing(stream, ref buffer, (int)(perBatch * width));
            if (n < perBatch * width)
                throw new InstanceFormatException(source, $"byte {offset + n}", $"{dataBytes} data bytes for shape ({string.Join(", ", shape)}), the file is truncated");
            var m = new ScoreMatrix((int)tokens, (int)experts);
            DecodeScores(buffer, width, m.Data, source, shape, b);
            result.Add(m);
            offset += perBatch * width;
        }
        return result;
    }

    // The batch's little-endian floats into data, each checked finite.
    private static void DecodeScores(byte[] buffer, int width, double[] data, string source, long[] shape, int b)
    {
        long experts = shape[^1];
        if (width == 4)
        {
            for (int j = 0; j < data.Length; j++)
            {
                double v = BinaryPrimitives.ReadSingleLittleEndian(buffer.AsSpan(j * 4));
                if (!double.IsFinite(v)) throw NonFinite(source, shape, b, j, experts, v);
                data[j] = v;
            }
        }
        else
        {
            for (int j = 0; j < data.Length; j++)
            {
                double v = BinaryPrimitives.ReadDoubleLittleEndian(buffer.AsSpan(j * 8));
                if (!double.IsFinite(v)) throw NonFinite(source, shape, b, j, experts, v);
                data[j] = v;
            }
        }
    }

    private static InstanceFormatException NonFinite(string source, long[] shape, int b, int j, long experts, double v)
    {
        string at = shape.Length == 3 ? $"element [{b}, {j / experts}, {j % experts}]" : $"element [{j / experts}, {j % experts}]";
        return new InstanceFormatException(source, at, $"a finite score, found {v.ToString(CultureInfo.InvariantCulture)}");
    }

    // Bytes left in a seekable stream, or -1 when the stream cannot tell.
    private static long Remaining(Stream s)
    {
        if (!s.CanSeek) return -1;
        try
        {
            return Math.Max(0, s.Length - s.Position);
        }
        catch (NotSupportedException)
        {
            return -1;
        }
    }

    // Reads up to `want` bytes, doubling the buffer only as bytes arrive (so a lying header cannot force a big allocation).
    private static int ReadGrowing(Stream s, ref byte[] buffer, int want)
    {
        int total = 0;
        while (total < want)
        {
            if (total == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(want, 2L * buffer.Length));
            int n = s.Read(buffer, total, Math.Min(buffer.Length, want) - total);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }

    private static int ReadFully(Stream s, byte[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = s.Read(buffer, total, buffer.Length - total);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }

    // Parses the header's Python dict literal: exactly the keys 'descr' (a string), 'fortran_order' (True/False) and
    // 'shape' (a tuple of non-negative integers), each once, in any order; then padding spaces and a newline.
    private static (string Descr, bool Fortran, long[] Shape) ParseHeader(string h, string source)
    {
        int i = 0;
        string? descr = null;
        bool? fortran = null;
        long[]? shape = null;
        SkipSpaces(h, ref i);
        Expect(h, ref i, '{', source, "the header dictionary to start with '{'");
        while (true)
        {
            SkipSpaces(h, ref i);
            if (i < h.Length && h[i] == '}') { i++; break; }
            string key = PyString(h, ref i, source, "a quoted key ('descr', 'fortran_order' or 'shape')");
            SkipSpaces(h, ref i);
            Expect(h, ref i, ':', source, $"':' after '{Truncate(key)}'");
            SkipSpaces(h, ref i);
            switch (key)
            {
                case "descr" when descr is null: descr = PyString(h, ref i, source, "a quoted dtype for 'descr'"); break;
                case "fortran_order" when fortran is null:
                    if (string.CompareOrdinal(h, i, "True", 0, 4) == 0) { fortran = true; i += 4; }
                    else if (string.CompareOrdinal(h, i, "False", 0, 5) == 0) { fortran = false; i += 5; }
                    else throw new InstanceFormatException(source, "header 'fortran_order'", "True or False");
                    break;
                case "shape" when shape is null: shape = PyTuple(h, ref i, source); break;
                case "descr" or "fortran_order" or "shape":
                    throw new InstanceFormatException(source, "header", $"the key '{key}' only once");
                default:
                    throw new InstanceFormatException(source, "header", $"only the keys 'descr', 'fortran_order' and 'shape', found '{Truncate(key)}'");
            }
            SkipSpaces(h, ref i);
            if (i < h.Length && h[i] == ',') { i++; continue; }
            SkipSpaces(h, ref i);
            Expect(h, ref i, '}', source, "',' or '}' in the header dictionary");
            break;
        }
        for (; i < h.Length; i++)
            if (h[i] is not (' ' or '\n' or '\t' or '\r' or '\0'))
                throw new InstanceFormatException(source, "header", "only padding after the header dictionary");
        if (descr is null) throw new InstanceFormatException(source, "header", "a 'descr' entry in the header dictionary");
        if (fortran is null) throw new InstanceFormatException(source, "header", "a 'fortran_order' entry in the header dictionary");
        if (shape is null) throw new InstanceFormatException(source, "header", "a 'shape' entry in the header dictionary");
        return (descr, fortran.Value, shape);
    }

    private static void SkipSpaces(string h, ref int i)
    {
        while (i < h.Length && h[i] == ' ') i++;
    }

    private static void Expect(string h, ref int i, char c, string source, string expected)
    {
        if (i >= h.Length || h[i] != c) throw new InstanceFormatException(source, "header", expected);
        i++;
    }

    private static string PyString(string h, ref int i, string source, string expected)
    {
        if (i >= h.Length || (h[i] != '\'' && h[i] != '"')) throw new InstanceFormatException(source, "header", expected);
        char q = h[i];
        int close = h.IndexOf(q, i + 1);
        if (close < 0) throw new InstanceFormatException(source, "header", expected + " (unterminated string)");
        string value = h.Substring(i + 1, close - i - 1);
        i = close + 1;
        return value;
    }

    private static long[] PyTuple(string h, ref int i, string source)
    {
        Expect(h, ref i, '(', source, "a tuple of integers for 'shape'");
        var dims = new List<long>();
        while (true)
        {
            SkipSpaces(h, ref i);
            if (i < h.Length && h[i] == ')') { i++; break; }
            int start = i;
            while (i < h.Length && h[i] >= '0' && h[i] <= '9') i++;
            if (i == start || dims.Count >= 32 || !long.TryParse(h.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out long d))
                throw new InstanceFormatException(source, "header 'shape'", $"at most 32 non-negative integer dimensions below 2^63, found '{Truncate(h[start..Math.Min(h.Length, start + 40)])}'");
            dims.Add(d);
            if (i < h.Length && h[i] == 'L') i++; // Python 2 long suffix
            SkipSpaces(h, ref i);
            if (i < h.Length && h[i] == ',') { i++; continue; }
            SkipSpaces(h, ref i);
            Expect(h, ref i, ')', source, "',' or ')' in the 'shape' tuple");
            break;
        }
        return dims.ToArray();
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
