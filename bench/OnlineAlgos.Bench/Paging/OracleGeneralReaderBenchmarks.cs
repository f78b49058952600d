using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Bench.Paging;

/// <summary>
/// Issue 12 part 7: reading + dense remap of a 10M-record oracleGeneral trace (Zipf(0.9) over 1M pages, ids
/// scrambled to 64-bit values), from memory: the span overload (what the CLI runs over the mapped file), the stream
/// overload, and, as the reference the reader replaced, a Dictionary remap of the same records. One operation = one
/// whole trace (240 MB). OA_BENCH_QUICK=1: 100k records.
/// </summary>
[MemoryDiagnoser]
public class OracleGeneralReaderBenchmarks
{
    private byte[] _file = [];

    [GlobalSetup]
    public void Setup()
    {
        int n = ClassicalPagingBenchmarks.Requests;
        var pages = TraceGenerators.ZipfPages(n, 1_000_000, 0.9, new Rng(2026));
        _file = new byte[n * OracleGeneralReader.RecordSize];
        for (int t = 0; t < n; t++)
        {
            var r = _file.AsSpan(t * 24, 24);
            BinaryPrimitives.WriteUInt32LittleEndian(r, (uint)t);
            BinaryPrimitives.WriteUInt64LittleEndian(r[4..], (ulong)pages[t] * 0x9E3779B97F4A7C15UL ^ 0xD1B54A32D192ED03UL);
            BinaryPrimitives.WriteUInt32LittleEndian(r[12..], 4096);
            BinaryPrimitives.WriteInt64LittleEndian(r[16..], -1);
        }
    }

    [Benchmark(Baseline = true)]
    public RequestSequence Span() => OracleGeneralReader.Read(_file, "bench");

    [Benchmark]
    public RequestSequence Stream() => OracleGeneralReader.Read(new MemoryStream(_file, writable: false), "bench");

    /// <summary>The previous reader's remap (Dictionary, List growth, a string per distinct id).</summary>
    [Benchmark]
    public int DictionaryRemap()
    {
        var map = new Dictionary<ulong, int>();
        var ids = new List<string>();
        var requests = new List<int>();
        for (int off = 0; off + 24 <= _file.Length; off += 24)
        {
            ulong id = BinaryPrimitives.ReadUInt64LittleEndian(_file.AsSpan(off + 4, 8));
            if (!map.TryGetValue(id, out int dense))
            {
                dense = ids.Count;
                map[id] = dense;
                ids.Add(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            requests.Add(dense);
        }
        return requests.ToArray().Length + ids.Count;
    }
}
