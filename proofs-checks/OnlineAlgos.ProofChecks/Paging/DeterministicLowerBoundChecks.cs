using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using Xunit;

namespace OnlineAlgos.ProofChecks.Paging;

/// <summary>
/// Sleator–Tarjan: no deterministic paging algorithm is better than k-competitive. Construction: over k+1 pages,
/// always request the page missing from ALG's cache (ALG is deterministic, so the adversary simulates it). ALG faults
/// on every request; OPT (Belady) faults at most once per k requests after the cold start, so ALG/OPT → k.
/// </summary>
public class DeterministicLowerBoundChecks
{
    private static RequestSequence Adversary(IOnlinePagingAlgorithm alg, int k, int n)
    {
        alg.Reset(k, k + 1, new Rng(0));
        var cache = new PagingCache();
        cache.Reset(k, k + 1, alg.Name);
        var pages = new int[n];
        for (int t = 0; t < n; t++)
        {
            int p = 0;
            while (p < k && cache.Contains(p)) p++; // smallest page not cached (exists: k+1 pages, k slots)
            pages[t] = p;
            cache.Serve(alg, p, t);
        }
        return RequestSequence.FromPages(pages);
    }

    [Theory]
    [InlineData("lru")]
    [InlineData("fifo")]
    [InlineData("fwf")]
    [InlineData("marker")]
    public void AdversaryForcesRatioK(string name)
    {
        foreach (int k in new[] { 2, 3, 5, 8, 16 })
        {
            const int n = 40_000;
            var seq = Adversary(PagingAlgorithms.Create(name), k, n);
            long alg = PagingSimulator.Run(PagingAlgorithms.Create(name), seq, k);
            long opt = BeladyPaging.Faults(seq, k);
            Assert.Equal(n, alg);
            // OPT ≤ k + ceil((n − k)/k): one fault per k requests after the cold misses.
            Assert.True(opt <= k + (n - k + k - 1) / k, $"{name} k={k}: OPT {opt}");
            double ratio = (double)alg / opt;
            Assert.InRange(ratio, k * 0.99, k); // → k as n grows; at n = 40,000 within 1 % for k ≤ 16
        }
    }

    /// <summary>
    /// The H_k lower bound for randomized algorithms (Fiat et al.): uniform random requests over k+1 pages. Any online
    /// algorithm faults with probability 1/(k+1) per request (one of the k+1 pages is always missing), while OPT
    /// faults about once per k-phase, of expected length about (k+1)·H_k. Checked: randomized Marker's ratio on 200,000 such
    /// requests lies in [0.9·H_k, 2H_k].
    /// </summary>
    [Fact]
    public void UniformRequestsOverKPlusOnePagesGiveHk()
    {
        const int k = 8, n = 200_000;
        var rng = new Rng(31);
        var pages = new int[n];
        for (int t = 0; t < n; t++) pages[t] = rng.NextInt(k + 1);
        var seq = RequestSequence.FromPages(pages);
        long opt = BeladyPaging.Faults(seq, k);
        long marker = PagingSimulator.Run(new RandomizedMarkerPaging(), seq, k, new Rng(5));
        double hk = Enumerable.Range(1, k).Sum(i => 1.0 / i);
        double ratio = (double)marker / opt;
        Assert.InRange(ratio, 0.9 * hk, 2 * hk);
    }
}
