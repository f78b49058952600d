using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using Xunit;

namespace OnlineAlgos.Paging.Tests.Offline;

public class BeladyTests
{
    /// <summary>Belady equals an exhaustive-search optimum on every one of 2,000 random traces with n ≤ 12, k ≤ 3.</summary>
    [Fact]
    public void EqualsBruteForceOnSmallTraces()
    {
        var rng = new Rng(12);
        for (int i = 0; i < 2000; i++)
        {
            int k = rng.NextInt(1, 4);
            int universe = rng.NextInt(1, 3 * k + 2);
            var pages = new int[rng.NextInt(0, 13)];
            for (int t = 0; t < pages.Length; t++) pages[t] = rng.NextInt(universe);
            Assert.Equal(Reference.BruteForceOpt(pages, k), BeladyPaging.Faults(RequestSequence.FromPages(pages), k));
        }
    }

    [Fact]
    public void NextOccurrences()
    {
        var s = RequestSequence.FromPages(new[] { 4, 5, 4, 6, 5 });
        Assert.Equal(new[] { 2, 4, 5, 5, 5 }, BeladyPaging.NextOccurrences(s));
    }

    /// <summary>Discard labels mark exactly the evicted requests; ties among never-again pages go to the smallest
    /// last-request index (spec §1, normative).</summary>
    [Fact]
    public void DiscardLabelsAndTieBreak()
    {
        // k = 2: 1 2 3 4. At "3" both 1 and 2 are never requested again: evict 1 (last request 0 < 1).
        // At "4": cache {2, 3}, both never again: evict 2 (last request 1). Labels: 1 1 0 0.
        var s = RequestSequence.FromPages(new[] { 1, 2, 3, 4 });
        var labels = new byte[4];
        Assert.Equal(4, BeladyPaging.Run(s, 2, labels));
        Assert.Equal(new byte[] { 1, 1, 0, 0 }, labels);

        // k = 2: 1 2 1 3 2. At "3": next(1) = never, next(2) = 4 -> evict 1: label of its last request (t=2) is 1.
        s = RequestSequence.FromPages(new[] { 1, 2, 1, 3, 2 });
        labels = new byte[5];
        Assert.Equal(3, BeladyPaging.Run(s, 2, labels));
        Assert.Equal(new byte[] { 0, 0, 1, 0, 0 }, labels);
    }

    /// <summary>Number of 1-labels = number of evictions = OPT − min(k, distinct pages) on random traces.</summary>
    [Fact]
    public void LabelCountEqualsEvictions()
    {
        var rng = new Rng(3);
        for (int i = 0; i < 500; i++)
        {
            int k = rng.NextInt(1, 8);
            var pages = new int[rng.NextInt(1, 200)];
            for (int t = 0; t < pages.Length; t++) pages[t] = rng.NextInt(3 * k + 1);
            var s = RequestSequence.FromPages(pages);
            var labels = new byte[s.Length];
            long opt = BeladyPaging.Run(s, k, labels);
            Assert.Equal(opt - Math.Min(k, s.PageCount), labels.Sum(b => (long)b));
        }
    }

    /// <summary>Spec §1 facts: #phases ≤ OPT, Σ c_i ≤ 2·OPT, OPT ≥ #distinct pages (equal when ≤ k distinct).</summary>
    [Fact]
    public void PhaseFacts()
    {
        var rng = new Rng(8);
        for (int i = 0; i < 1000; i++)
        {
            int k = rng.NextInt(1, 8);
            var pages = new int[rng.NextInt(0, 150)];
            int universe = rng.NextInt(1, 3 * k + 2);
            for (int t = 0; t < pages.Length; t++) pages[t] = rng.NextInt(universe);
            var s = RequestSequence.FromPages(pages);
            long opt = BeladyPaging.Faults(s, k);
            var ph = PhasePartition.Compute(s, k);
            Assert.True(ph.PhaseCount <= opt);
            Assert.True(ph.TotalCleanPages <= 2 * opt);
            Assert.True(opt >= s.PageCount);
            if (s.PageCount <= k) Assert.Equal(s.PageCount, opt);
        }
    }

    [Fact]
    public void PhasePartitionHandChecked()
    {
        // k = 2: [1 2 1] [3 1] [2 2 4]... phases: {1,2} then 3 starts phase 2 {3,1}, then 2 starts phase 3 {2,4}.
        var s = RequestSequence.FromPages(new[] { 1, 2, 1, 3, 1, 2, 2, 4 });
        var ph = PhasePartition.Compute(s, 2);
        Assert.Equal(3, ph.PhaseCount);
        Assert.Equal(new[] { 0, 0, 0, 1, 1, 2, 2, 2 }, Enumerable.Range(0, 8).Select(ph.PhaseOf));
        Assert.Equal(2, ph.CleanPages(0)); // 1, 2
        Assert.Equal(1, ph.CleanPages(1)); // 3 (1 was in phase 0)
        Assert.Equal(2, ph.CleanPages(2)); // 2 was not in phase 1, 4 is new
        Assert.Equal(5, ph.TotalCleanPages);
    }
}
