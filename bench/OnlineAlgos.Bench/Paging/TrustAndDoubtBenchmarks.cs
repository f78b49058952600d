using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Bench.Paging;

/// <summary>
/// Trust&amp;Doubt (O(k) per fault) with log-normal noisy next-arrival predictions (σ = 1, so it both trusts and
/// doubts) on a 1M-request Zipf(1) trace over 10,000 pages, k = 100; per request, with allocation. Watches the
/// named-step split of <c>Core.Serve</c> (issue 13). Run:
/// <c>dotnet run -c Release --project bench/OnlineAlgos.Bench -- --filter '*TrustAndDoubt*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class TrustAndDoubtBenchmarks
{
    private const int N = 1_000_000, Universe = 10_000, K = 100;
    private RequestSequence _seq = null!;
    private TrustAndDoubtPaging _trustDoubt = null!;
    private PagingCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(42);
        _seq = TraceGenerators.Zipf(N, Universe, 1.0, rng);
        _trustDoubt = new TrustAndDoubtPaging(NextArrivalPredictions.LogNormal(_seq, 1.0, rng));
        _cache = new PagingCache();
        _trustDoubt.Reset(K, _seq.PageCount, new Rng(1));
    }

    /// <summary>One pass over the trace.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public long TrustAndDoubt() => PagingSimulator.Run(_trustDoubt, _seq, K, _cache, new Rng(7));
}
