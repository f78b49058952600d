using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Bench.Paging;

/// <summary>
/// Issue 3 target: MARK0 and MARK&amp;PREDICT with noisy bits (each true bit flipped with probability 0.1) on a
/// 10M-request Zipf(1) trace over 100,000 pages, k = 1,000: ≥ 10 M requests/s single-threaded and no per-request
/// allocation (MemoryDiagnoser: bytes per operation = per request). Set-up (trace, Belady labels, phase labels) is not
/// timed. Run: <c>dotnet run -c Release --project bench/OnlineAlgos.Bench -- --filter '*PredictionPaging*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class PredictionPagingBenchmarks
{
    private const int N = 10_000_000, Universe = 100_000, K = 1_000;
    private RequestSequence _seq = null!;
    private Mark0DiscardPaging _mark0 = null!;
    private RandomizedMark0DiscardPaging _mark0Rand = null!;
    private MarkAndPredictPaging _markPredict = null!;
    private FollowDiscardPaging _followDiscard = null!;
    private LruPaging _lru = null!;
    private PagingCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(42);
        var cdf = new double[Universe];
        double s = 0;
        for (int i = 0; i < Universe; i++) { s += 1.0 / (i + 1); cdf[i] = s; }
        var pages = new int[N];
        for (int t = 0; t < N; t++)
        {
            int idx = Array.BinarySearch(cdf, rng.NextDouble() * s);
            pages[t] = idx < 0 ? Math.Min(~idx, Universe - 1) : idx;
        }
        _seq = RequestSequence.FromPages(pages);
        var discard = BitNoise.Flip(GroundTruthBits.Discard(_seq, K), 0.1, rng);
        var phase = BitNoise.Flip(GroundTruthBits.Phase(_seq, K), 0.1, rng);
        _mark0 = new Mark0DiscardPaging(discard);
        _mark0Rand = new RandomizedMark0DiscardPaging(discard);
        _markPredict = new MarkAndPredictPaging(phase);
        _followDiscard = new FollowDiscardPaging(discard);
        _lru = new LruPaging();
        _cache = new PagingCache();
        // warm the per-page arrays so that Reset reuses them
        foreach (var a in new IOnlinePagingAlgorithm[] { _mark0, _mark0Rand, _markPredict, _followDiscard, _lru }) a.Reset(K, _seq.PageCount, new Rng(1));
    }

    private long Run(IOnlinePagingAlgorithm alg) => PagingSimulator.Run(alg, _seq, K, _cache, new Rng(7));

    /// <summary>MARK0, deterministic (LRU rules).</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public long Mark0Det() => Run(_mark0);

    /// <summary>MARK0, randomized.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public long Mark0Rand() => Run(_mark0Rand);

    /// <summary>MARK&amp;PREDICT.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public long MarkAndPredict() => Run(_markPredict);

    /// <summary>FollowDiscard.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public long FollowDiscard() => Run(_followDiscard);

    /// <summary>LRU, reference point without predictions.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public long Lru() => Run(_lru);
}
