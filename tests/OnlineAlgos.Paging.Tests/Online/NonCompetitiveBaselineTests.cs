using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using Xunit;

namespace OnlineAlgos.Paging.Tests.Online;

/// <summary>MRU and LIFO: exact costs on hand-checked sequences, and their unboundedness family.</summary>
public class NonCompetitiveBaselineTests
{
    private static RequestSequence Seq(params int[] pages) => RequestSequence.FromPages(pages);

    // k = 2, 1 2 1 3 2. MRU: 1 F, 2 F, 1 hit (recency 2,1), 3 F evicts 1 (most recent) -> {2,3}, 2 hit: 3 faults.
    // LIFO: 1 F, 2 F, 1 hit, 3 F evicts 2 (loaded last) -> {1,3}, 2 F evicts 3 -> {1,2}: 4 faults. LRU: 1,2,3 evicts 2, 2 F: 4.
    [Fact]
    public void MruAndLifoHandChecked()
    {
        var s = Seq(1, 2, 1, 3, 2);
        Assert.Equal(3, PagingSimulator.Run(new MruPaging(), s, 2));
        Assert.Equal(4, PagingSimulator.Run(new LifoPaging(), s, 2));
        Assert.Equal(4, PagingSimulator.Run(new LruPaging(), s, 2));
        Assert.Equal(3, BeladyPaging.Faults(s, 2));
    }

    // k = 3, 1 2 3 4 1 2: MRU: 1,2,3 F; 4 F evicts 3 -> {1,2,4}; 1 hit; 2 hit: 4 faults. LIFO: 4 evicts 3 -> same: 4.
    // 1 2 3 1 4 3: MRU: 4 F evicts 1 (most recent) -> {2,3,4}; 3 hit: 4. LIFO: 4 F evicts 3 (loaded last) -> {1,2,4}; 3 F: 5.
    [Fact]
    public void MruAndLifoHandCheckedKThree()
    {
        Assert.Equal(4, PagingSimulator.Run(new MruPaging(), Seq(1, 2, 3, 4, 1, 2), 3));
        Assert.Equal(4, PagingSimulator.Run(new LifoPaging(), Seq(1, 2, 3, 4, 1, 2), 3));
        Assert.Equal(4, PagingSimulator.Run(new MruPaging(), Seq(1, 2, 3, 1, 4, 3), 3));
        Assert.Equal(5, PagingSimulator.Run(new LifoPaging(), Seq(1, 2, 3, 1, 4, 3), 3));
    }

    // The unboundedness family: pages 1..k, then (k+1, k)^m. Both fault on every request (2m + k faults) while OPT
    // evicts page 1 once: k + 1 faults (after the k cold misses, k+1 evicts k, then k evicts k+1, …).
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void AlternationFamilyCostsEveryRequest(int k)
    {
        const int m = 20;
        var pages = new List<int>();
        for (int p = 1; p <= k; p++) pages.Add(p);
        for (int i = 0; i < m; i++) { pages.Add(k + 1); pages.Add(k); }
        var s = RequestSequence.FromPages(pages.ToArray());
        Assert.Equal(k + 2 * m, PagingSimulator.Run(new MruPaging(), s, k));
        Assert.Equal(k + 2 * m, PagingSimulator.Run(new LifoPaging(), s, k));
        Assert.Equal(k + 1, BeladyPaging.Faults(s, k));
    }

    [Fact]
    public void RegistryListsThemAsNonCompetitive()
    {
        Assert.Equal(new[] { "mru", "lifo" }, PagingAlgorithms.NonCompetitiveNames);
        Assert.DoesNotContain("mru", PagingAlgorithms.ClassicalNames);
        foreach (var name in PagingAlgorithms.NonCompetitiveNames)
        {
            var info = PagingAlgorithms.Find(name)!;
            Assert.Null(info.GuaranteeFor);
            Assert.Equal("not competitive (unbounded)", info.GuaranteeText);
            Assert.False(PagingAlgorithms.IsRandomized(name));
            Assert.Equal(name, PagingAlgorithms.Create(name).Name);
        }
    }

    [Fact]
    public void PolicedByTheSimulatorOnRandomSequences()
    {
        var rng = new Rng(15);
        for (int i = 0; i < 300; i++)
        {
            int k = rng.NextInt(1, 6);
            var pages = new int[rng.NextInt(0, 60)];
            for (int t = 0; t < pages.Length; t++) pages[t] = rng.NextInt(2 * k + 2);
            var s = RequestSequence.FromPages(pages);
            long opt = BeladyPaging.Faults(s, k);
            Assert.InRange(PagingSimulator.Run(new MruPaging(), s, k), opt, s.Length);
            Assert.InRange(PagingSimulator.Run(new LifoPaging(), s, k), opt, s.Length);
        }
    }
}
