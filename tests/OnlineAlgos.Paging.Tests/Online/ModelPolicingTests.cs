using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using Xunit;

namespace OnlineAlgos.Paging.Tests.Online;

/// <summary>The simulator-owned cache catches deliberately broken algorithms, naming the step and the rule.</summary>
public class ModelPolicingTests
{
    // k = 2 over pages 0,1,2: the third request (step 2) is the first fault with a full cache.
    private static readonly RequestSequence Trace = RequestSequence.FromPages([0, 1, 2, 0, 1, 2]);

    /// <summary>Loads on every fault and never evicts: its cache would grow past k (and "beat" Belady).</summary>
    private sealed class NeverEvicts : IOnlinePagingAlgorithm
    {
        private bool[] _in = [];
        private int _count;
        public string Name => "never-evicts";
        public int Count => _count;
        public bool Contains(int page) => _in[page];
        public void Reset(int capacity, int pageCount, Rng rng) { _in = new bool[pageCount]; _count = 0; }
        public void Serve(int page, int time, PagingCache cache)
        {
            if (_in[page]) return;
            _in[page] = true;
            _count++;
            cache.Load(page);
        }
    }

    /// <summary>Evicts a page it never loaded (page 2 at step 1) before loading.</summary>
    private sealed class EvictsAbsent : IOnlinePagingAlgorithm
    {
        public string Name => "evicts-absent";
        public int Count => 0;
        public bool Contains(int page) => false;
        public void Reset(int capacity, int pageCount, Rng rng) { }
        public void Serve(int page, int time, PagingCache cache)
        {
            if (time == 1) cache.Evict(2);
            if (!cache.Contains(page)) cache.Load(page);
        }
    }

    /// <summary>Treats the first fault on a full cache as a hit: evicts nothing, loads nothing.</summary>
    private sealed class HitWithoutLoad : IOnlinePagingAlgorithm
    {
        public string Name => "hit-without-load";
        public int Count => 0;
        public bool Contains(int page) => false;
        public void Reset(int capacity, int pageCount, Rng rng) { }
        public void Serve(int page, int time, PagingCache cache)
        {
            if (cache.Contains(page) || cache.Count == cache.Capacity) return;
            cache.Load(page);
        }
    }

    /// <summary>Loads a page other than the requested one (prefetching is outside the demand-paging model).</summary>
    private sealed class LoadsOther : IOnlinePagingAlgorithm
    {
        public string Name => "loads-other";
        public int Count => 0;
        public bool Contains(int page) => false;
        public void Reset(int capacity, int pageCount, Rng rng) { }
        public void Serve(int page, int time, PagingCache cache)
        {
            if (!cache.Contains(page)) cache.Load(page);
            if (time == 0) cache.Load(page + 1);
        }
    }

    /// <summary>Loads the requested page twice on its first fault.</summary>
    private sealed class LoadsTwice : IOnlinePagingAlgorithm
    {
        public string Name => "loads-twice";
        public int Count => 0;
        public bool Contains(int page) => false;
        public void Reset(int capacity, int pageCount, Rng rng) { }
        public void Serve(int page, int time, PagingCache cache)
        {
            if (cache.Contains(page)) return;
            cache.Load(page);
            if (time == 0) cache.Load(page);
        }
    }

    private static ModelViolationException Caught(IOnlinePagingAlgorithm alg) =>
        Assert.Throws<ModelViolationException>(() => PagingSimulator.Run(alg, Trace, 2));

    [Fact]
    public void Never_evicting_algorithm_is_caught_at_the_first_full_fault()
    {
        var e = Caught(new NeverEvicts());
        Assert.Equal("never-evicts", e.Algorithm);
        Assert.Equal(2, e.Step);
        Assert.Contains("full cache", e.Rule, StringComparison.Ordinal);
        Assert.Contains("above k = 2", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Evicting_an_absent_page_is_caught()
    {
        var e = Caught(new EvictsAbsent());
        Assert.Equal(1, e.Step);
        Assert.Equal("evicted page 2, which is not cached", e.Rule);
    }

    [Fact]
    public void Reporting_a_hit_without_loading_is_caught()
    {
        var e = Caught(new HitWithoutLoad());
        Assert.Equal(2, e.Step);
        Assert.Equal("fault on page 2 served without loading it", e.Rule);
    }

    [Fact]
    public void Loading_another_page_than_the_requested_one_is_caught()
    {
        var e = Caught(new LoadsOther());
        Assert.Equal(0, e.Step);
        Assert.Contains("loaded page 1 while serving page 0", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_twice_is_caught()
    {
        var e = Caught(new LoadsTwice());
        Assert.Equal(0, e.Step);
        Assert.Equal("loaded page 0, which is already cached", e.Rule);
    }

    [Fact]
    public void Cost_is_counted_by_the_cache_and_a_correct_algorithm_passes()
    {
        // LRU on 0 1 2 0 1 2 with k = 2 faults on every request; Belady faults 4 times.
        Assert.Equal(6, PagingSimulator.Run(new LruPaging(), Trace, 2));
        Assert.Equal(4, BeladyPaging.Faults(Trace, 2));
        var cache = new PagingCache();
        PagingSimulator.Run(new LruPaging(), Trace, 2, cache);
        Assert.Equal(2, cache.Count);
        Assert.True(cache.Contains(1) && cache.Contains(2) && !cache.Contains(0));
    }

    [Fact]
    public void Fwf_may_evict_many_pages_in_one_request()
    {
        // FWF with k = 2 on 0 1 2: at step 2 it flushes both pages, then loads 2.
        var cache = new PagingCache();
        Assert.Equal(3, PagingSimulator.Run(new FlushWhenFullPaging(), RequestSequence.FromPages([0, 1, 2]), 2, cache));
        Assert.Equal(1, cache.Count);
        Assert.True(cache.Contains(2));
    }

    [Fact]
    public void Every_registered_online_algorithm_keeps_the_model_on_random_traces()
    {
        var rng = new Rng(20261203);
        for (int trial = 0; trial < 200; trial++)
        {
            int k = 1 + rng.NextInt(5), n = rng.NextInt(80);
            var pages = new int[n];
            var bits = new byte[n];
            var h = new double[n];
            for (int t = 0; t < n; t++) { pages[t] = rng.NextInt(3 * k + 1); bits[t] = (byte)rng.NextInt(2); h[t] = rng.NextDouble() * 50; }
            var seq = RequestSequence.FromPages(pages, bits);
            var inputs = new PagingAlgorithmOptions(bits, h, NextArrivalPredictions.Exact(seq));
            foreach (var name in PagingAlgorithms.ClassicalNames)
                Assert.True(PagingSimulator.Run(PagingAlgorithms.Create(name), seq, k, new Rng((ulong)trial)) >= BeladyPaging.Faults(seq, k), name);
            foreach (var name in PagingAlgorithms.PredictiveNames)
                Assert.True(PagingSimulator.Run(PagingAlgorithms.Create(name, inputs), seq, k, new Rng((ulong)trial)) >= BeladyPaging.Faults(seq, k), name);
        }
    }
}
