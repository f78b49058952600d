using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Formats;

/// <summary>Writes scores as a version-1.0 <c>.npy</c> file (float64 or float32, C order; 2-D for one batch, 3-D otherwise).</summary>
public static class NpyScoreWriter
{
    /// <summary>Writes the batches (all the same shape).</summary>
    public static void Write(Stream stream, IReadOnlyList<ScoreMatrix> batches, bool float32 = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0) throw new ArgumentException("no batches", nameof(batches));
        int t = batches[0].Tokens, e = batches[0].Experts;
        foreach (var b in batches)
            if (b.Tokens != t || b.Experts != e) throw new ArgumentException("all batches must have the same shape", nameof(batches));
        string shape = batches.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"({t}, {e})")
            : string.Create(CultureInfo.InvariantCulture, $"({batches.Count}, {t}, {e})");
        string dict = $"{{'descr': '{(float32 ? "<f4" : "<f8")}', 'fortran_order': False, 'shape': {shape}, }}";
        int total = 10 + dict.Length + 1;
        int pad = (64 - total % 64) % 64;
        string header = dict + new string(' ', pad) + "\n";
        var pre = new byte[10] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 0, 0 };
        BinaryPrimitives.WriteUInt16LittleEndian(pre.AsSpan(8), (ushort)header.Length);
        stream.Write(pre);
        stream.Write(Encoding.Latin1.GetBytes(header));
        int w = float32 ? 4 : 8;
        var buf = new byte[t * e * w];
        foreach (var b in batches)
        {
            for (int j = 0; j < b.Data.Length; j++)
            {
                if (float32) BinaryPrimitives.WriteSingleLittleEndian(buf.AsSpan(j * 4), (float)b.Data[j]);
                else BinaryPrimitives.WriteDoubleLittleEndian(buf.AsSpan(j * 8), b.Data[j]);
            }
            stream.Write(buf);
        }
    }
}
