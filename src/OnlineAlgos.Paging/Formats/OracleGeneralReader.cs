using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Formats;

/// <summary>
/// Reads libCacheSim's binary <c>oracleGeneral</c> traces: packed 24-byte little-endian records (uint32 time, uint64
/// object id, uint32 size, int64 next access virtual time or −1). Time, size and next-access fields are ignored (any
/// value is accepted: unit-size paging, and the optimum's next occurrences are recomputed from the ids). Any 64-bit
/// id is valid. Not zstd-compressed: decompress first. A trailing partial record is an error naming the record index;
/// more than <see cref="MaxRecords"/> records or more than 2^29 distinct ids is an error, reported before the request
/// array is allocated when the length is known. Ids remap to dense ints in first-request order through an
/// open-addressing table (no allocation per record); original ids print as decimal integers. One pass, O(n) expected.
/// Errors: <see cref="InstanceFormatException"/> and nothing else, on any input.
/// </summary>
public static class OracleGeneralReader
{
    /// <summary>Bytes per record.</summary>
    public const int RecordSize = 24;

    /// <summary>Most records a trace may have (<see cref="Array.MaxLength"/>, the dense request array's limit).</summary>
    public static readonly int MaxRecords = Array.MaxLength;

    /// <summary>Reads the whole stream (from its current position).</summary>
    public static RequestSequence Read(Stream stream, string sourceName) => Read(stream, sourceName, MaxRecords);

    /// <summary>
    /// Reads records from a block of memory, e.g. a memory-mapped file (the caller maps it; blocks above 2 GiB go
    /// through <see cref="Read(Stream, string)"/>).
    /// </summary>
    public static RequestSequence Read(ReadOnlySpan<byte> data, string sourceName) => Read(data, sourceName, MaxRecords);

    /// <summary><see cref="Read(ReadOnlySpan{byte}, string)"/> with a smaller record limit (tests of the limit).</summary>
    internal static RequestSequence Read(ReadOnlySpan<byte> data, string sourceName, int maxRecords, int maxPages = PageIdTable.MaxPages)
    {
        long records = data.Length / RecordSize;
        CheckCount(records, maxRecords, sourceName);
        var requests = new int[records];
        var table = new PageIdTable((int)Math.Min(records, 1 << 16), maxPages);
        Remap(data[..(int)(records * RecordSize)], table, requests, 0, sourceName);
        return Finish(requests, records, data.Length - (int)(records * RecordSize), table, sourceName);
    }

    /// <summary><see cref="Read(Stream, string)"/> with a smaller record limit (tests of the limit).</summary>
    internal static RequestSequence Read(Stream stream, string sourceName, int maxRecords, int maxPages = PageIdTable.MaxPages)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long expected = -1;
        if (stream.CanSeek)
        {
            expected = (stream.Length - stream.Position) / RecordSize;
            CheckCount(expected, maxRecords, sourceName);
        }
        var requests = new int[expected >= 0 ? expected : 1024];
        var table = new PageIdTable((int)Math.Min(expected >= 0 ? expected : 1024, 1 << 16), maxPages);
        var buf = ArrayPool<byte>.Shared.Rent(RecordSize * (1 << 15));
        try
        {
            int filled = 0;
            long record = 0;
            while (true)
            {
                int read = stream.Read(buf, filled, buf.Length - filled);
                if (read <= 0) break;
                filled += read;
                int whole = filled / RecordSize;
                if (whole == 0) continue;
                CheckCount(record + whole, maxRecords, sourceName);
                if (record + whole > requests.Length)
                    Array.Resize(ref requests, (int)Math.Min(Math.Max(requests.Length * 2L, record + whole), maxRecords));
                Remap(buf.AsSpan(0, whole * RecordSize), table, requests, record, sourceName);
                record += whole;
                int rest = filled - whole * RecordSize;
                Array.Copy(buf, whole * RecordSize, buf, 0, rest);
                filled = rest;
            }
            if (record != requests.Length) Array.Resize(ref requests, (int)record);
            return Finish(requests, record, filled, table, sourceName);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    private static void CheckCount(long records, int maxRecords, string sourceName)
    {
        if (records > maxRecords)
            throw new InstanceFormatException(sourceName, $"record {maxRecords}", $"at most {maxRecords} oracleGeneral records (the trace has {records} or more: split it)");
    }

    private static RequestSequence Finish(int[] requests, long records, int trailing, PageIdTable table, string sourceName)
    {
        if (trailing != 0)
            throw new InstanceFormatException(sourceName, $"record {records}",
                $"a complete {RecordSize}-byte oracleGeneral record (uint32 time, uint64 id, uint32 size, int64 next), found {trailing} trailing bytes: truncated file?");
        if (records == 0)
            throw new InstanceFormatException(sourceName, 0, "at least one oracleGeneral record (the file is empty)");
        return new RequestSequence(requests, table.Ids());
    }

    /// <summary>Dense ids of whole records into requests[first..]; the hot loop (no bounds checks on the records).</summary>
    private static void Remap(ReadOnlySpan<byte> records, PageIdTable table, int[] requests, long first, string sourceName)
    {
        int count = records.Length / RecordSize;
        var dst = requests.AsSpan((int)first, count);
        ref byte p = ref MemoryMarshal.GetReference(records);
        const int Ahead = 16;
        for (int r = 0; r < dst.Length; r++)
        {
            if (r + Ahead < dst.Length)
                table.Prefetch(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, (nint)(r + Ahead) * RecordSize + 4)));
            ulong id = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, (nint)r * RecordSize + 4));
            if (!BitConverter.IsLittleEndian) id = BinaryPrimitives.ReverseEndianness(id);
            dst[r] = table.GetOrAdd(id, sourceName, first + r);
        }
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
