using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Bench.Paging;

/// <summary>
/// Issue 2 targets: LRU and FIFO >= 15 M requests/s, Belady >= 10 M requests/s single-threaded on a 10M-request
/// Zipf(0.9) trace over 1M pages, k = 1,000 and 100,000; zero allocations per request in steady state.
/// One operation = one whole trace (10M requests): requests/s = 1e7 / mean time. Allocated bytes are per trace.
/// </summary>
[MemoryDiagnoser]
public class ClassicalPagingBenchmarks
{
    private RequestSequence _trace = null!;
    private readonly LruPaging _lru = new();
    private readonly FifoPaging _fifo = new();

    /// <summary>Trace length: 10M, or 100k when OA_BENCH_QUICK=1 (the CI dry job only checks that benchmarks run).</summary>
    public static int Requests => BenchEnvironment.Quick ? 100_000 : 10_000_000;

    [Params(1_000, 100_000)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pages = TraceGenerators.ZipfPages(Requests, 1_000_000, 0.9, new Rng(2026));
        _trace = RequestSequence.FromPages(pages);
        // Warm the per-universe arrays so steady state is measured (Reset reuses them).
        PagingSimulator.Run(_lru, _trace, K);
        PagingSimulator.Run(_fifo, _trace, K);
    }

    [Benchmark]
    public long Lru() => PagingSimulator.Run(_lru, _trace, K);

    [Benchmark]
    public long Fifo() => PagingSimulator.Run(_fifo, _trace, K);

    [Benchmark]
    public long Belady() => BeladyPaging.Faults(_trace, K);
}
