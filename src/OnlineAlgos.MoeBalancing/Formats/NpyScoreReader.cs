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
/// offset or element index and what was expected. O(file size).
/// </summary>
public static class NpyScoreReader
{
    private static readonly byte[] Magic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>The batches of the array (one for a 2-D array).</summary>
    public static IReadOnlyList<ScoreMatrix> Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var pre = new byte[10];
        int got = ReadFully(stream, pre);
        if (got < 8 || !pre.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InstanceFormatException(source, "byte 0", "the NumPy magic string \\x93NUMPY (not a .npy file)");
        int major = pre[6];
        if (major < 1 || major > 3) throw new InstanceFormatException(source, "byte 6", $"npy format version 1, 2 or 3, found {major}.{pre[7]}");
        int headerLen;
        int headerStart;
        if (major == 1)
        {
            if (got < 10) throw new InstanceFormatException(source, "byte 8", "the header length (file truncated)");
            headerLen = BinaryPrimitives.ReadUInt16LittleEndian(pre.AsSpan(8));
            headerStart = 10;
        }
        else
        {
            var more = new byte[2];
            if (got < 10 || ReadFully(stream, more) < 2) throw new InstanceFormatException(source, "byte 8", "the header length (file truncated)");
            uint len = BinaryPrimitives.ReadUInt32LittleEndian(new byte[] { pre[8], pre[9], more[0], more[1] });
            if (len > 1 << 20) throw new InstanceFormatException(source, "byte 8", $"a header length below 1 MiB, found {len}");
            headerLen = (int)len;
            headerStart = 12;
        }
        var hb = new byte[headerLen];
        if (ReadFully(stream, hb) < headerLen) throw new InstanceFormatException(source, $"byte {headerStart}", $"a {headerLen}-byte header (file truncated)");
        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(hb);
        string descr = DictValue(header, "descr", source);
        string fortran = DictValue(header, "fortran_order", source);
        string shapeText = DictValue(header, "shape", source);
        descr = descr.Trim().Trim('\'', '"');
        int width = descr switch
        {
            "<f4" => 4,
            "<f8" => 8,
            _ => throw new InstanceFormatException(source, "header 'descr'", $"dtype '<f4' (float32) or '<f8' (float64, little-endian), found '{descr}'"),
        };
        if (fortran.Trim() != "False")
            throw new InstanceFormatException(source, "header 'fortran_order'", $"C order (fortran_order False), found {fortran.Trim()}");
        var shape = ParseShape(shapeText, source);
        if (shape.Length != 2 && shape.Length != 3)
            throw new InstanceFormatException(source, "header 'shape'", $"a 2-D (tokens, experts) or 3-D (batches, tokens, experts) shape, found {shape.Length}-D");
        long batches = shape.Length == 3 ? shape[0] : 1;
        long tokens = shape[^2], experts = shape[^1];
        if (experts < 1) throw new InstanceFormatException(source, "header 'shape'", "at least one expert (last dimension >= 1)");
        long count = batches * tokens * experts;
        if (batches > int.MaxValue || tokens * experts > int.MaxValue / 2 || count > (long)int.MaxValue * 4)
            throw new InstanceFormatException(source, "header 'shape'", "a shape small enough to hold in memory");
        var result = new List<ScoreMatrix>((int)batches);
        var buffer = new byte[(int)(tokens * experts) * width];
        long offset = headerStart + headerLen;
        for (int b = 0; b < batches; b++)
        {
            int n = ReadFully(stream, buffer);
            if (n < buffer.Length)
                throw new InstanceFormatException(source, $"byte {offset + n}", $"{count * width} data bytes for shape ({string.Join(", ", shape)}), the file is truncated");
            var m = new ScoreMatrix((int)tokens, (int)experts);
            for (int j = 0; j < m.Data.Length; j++)
            {
                double v = width == 4
                    ? BinaryPrimitives.ReadSingleLittleEndian(buffer.AsSpan(j * 4))
                    : BinaryPrimitives.ReadDoubleLittleEndian(buffer.AsSpan(j * 8));
                if (!double.IsFinite(v))
                {
                    string at = shape.Length == 3 ? $"element [{b}, {j / experts}, {j % experts}]" : $"element [{j / experts}, {j % experts}]";
                    throw new InstanceFormatException(source, at, $"a finite score, found {v.ToString(CultureInfo.InvariantCulture)}");
                }
                m.Data[j] = v;
            }
            result.Add(m);
            offset += buffer.Length;
        }
        if (stream.ReadByte() >= 0)
            throw new InstanceFormatException(source, $"byte {offset}", $"end of file after {count * width} data bytes for shape ({string.Join(", ", shape)})");
        return result;
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

    // Extracts the raw text of a key's value from the header's Python dict literal.
    private static string DictValue(string header, string key, string source)
    {
        int k = header.IndexOf("'" + key + "'", StringComparison.Ordinal);
        if (k < 0) k = header.IndexOf("\"" + key + "\"", StringComparison.Ordinal);
        if (k < 0) throw new InstanceFormatException(source, "header", $"a '{key}' entry in the header dictionary");
        int colon = header.IndexOf(':', k + key.Length + 2);
        if (colon < 0) throw new InstanceFormatException(source, "header", $"':' after '{key}'");
        int i = colon + 1;
        while (i < header.Length && header[i] == ' ') i++;
        if (i < header.Length && header[i] == '(')
        {
            int close = header.IndexOf(')', i);
            if (close < 0) throw new InstanceFormatException(source, "header 'shape'", "a closing ')'");
            return header.Substring(i, close - i + 1);
        }
        int end = i;
        while (end < header.Length && header[end] != ',' && header[end] != '}') end++;
        return header[i..end];
    }

    private static long[] ParseShape(string text, string source)
    {
        string t = text.Trim();
        if (t.Length < 2 || t[0] != '(' || t[^1] != ')')
            throw new InstanceFormatException(source, "header 'shape'", $"a tuple of integers, found '{text}'");
        var parts = t[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var dims = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string p = parts[i].TrimEnd('L');
            if (!long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]))
                throw new InstanceFormatException(source, "header 'shape'", $"non-negative integer dimensions, found '{parts[i]}'");
        }
        return dims;
    }
}
