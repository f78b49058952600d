using System.Buffers.Binary;
using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Formats;

/// <summary>
/// Reads libCacheSim's binary <c>oracleGeneral</c> traces: packed 24-byte little-endian records (uint32 time, uint64
/// object id, uint32 size, int64 next access virtual time or −1). Sizes and next-access fields are ignored (unit-size
/// paging; the optimum is recomputed). Not zstd-compressed: decompress first. A trailing partial record is an error
/// naming the record index. Ids remap to dense ints in first-request order.
/// </summary>
public static class OracleGeneralReader
{
    /// <summary>Bytes per record.</summary>
    public const int RecordSize = 24;

    /// <summary>Reads the whole stream.</summary>
    public static RequestSequence Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var map = new Dictionary<ulong, int>();
        var ids = new List<string>();
        var requests = new List<int>();
        var buf = new byte[RecordSize * 4096];
        int filled = 0;
        long record = 0;
        while (true)
        {
            int read = stream.Read(buf, filled, buf.Length - filled);
            if (read == 0) break;
            filled += read;
            int whole = filled / RecordSize * RecordSize;
            for (int off = 0; off < whole; off += RecordSize)
            {
                ulong id = BinaryPrimitives.ReadUInt64LittleEndian(buf.AsSpan(off + 4, 8));
                if (!map.TryGetValue(id, out int dense))
                {
                    dense = ids.Count;
                    map[id] = dense;
                    ids.Add(id.ToString(CultureInfo.InvariantCulture));
                }
                requests.Add(dense);
                record++;
            }
            Array.Copy(buf, whole, buf, 0, filled - whole);
            filled -= whole;
        }
        if (filled != 0)
            throw new InstanceFormatException(sourceName, $"record {record}",
                $"a complete {RecordSize}-byte oracleGeneral record (uint32 time, uint64 id, uint32 size, int64 next), found {filled} trailing bytes: truncated file?");
        if (requests.Count == 0)
            throw new InstanceFormatException(sourceName, 0, "at least one oracleGeneral record (the file is empty)");
        return new RequestSequence(requests.ToArray(), ids.ToArray());
    }

    /// <summary>Writes a trace as oracleGeneral records (time = index, size = 1, next access filled in).</summary>
    public static void Write(Stream stream, RequestSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sequence);
        int[] next = Offline.BeladyPaging.NextOccurrences(sequence);
        Span<byte> rec = stackalloc byte[RecordSize];
        for (int t = 0; t < sequence.Length; t++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(rec, (uint)t);
            ulong id = ulong.TryParse(sequence.PageId(sequence[t]), NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) ? v : (ulong)sequence[t];
            BinaryPrimitives.WriteUInt64LittleEndian(rec[4..], id);
            BinaryPrimitives.WriteUInt32LittleEndian(rec[12..], 1);
            BinaryPrimitives.WriteInt64LittleEndian(rec[16..], next[t] == sequence.Length ? -1 : next[t]);
            stream.Write(rec);
        }
    }
}
