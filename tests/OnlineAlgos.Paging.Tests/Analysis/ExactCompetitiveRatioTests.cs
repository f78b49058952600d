using OnlineAlgos.Core;
using OnlineAlgos.Paging.Analysis;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.Paging.Tests.Analysis;

public class ExactCompetitiveRatioTests(ITestOutputHelper output)
{
    // Known values: every marking / conservative algorithm has ratio exactly k on k+1 pages (Sleator–Tarjan 1985,
    // Karlin et al. 1988); MRU and LIFO are not competitive.
    [Theory]
    [InlineData("lru", 2)]
    [InlineData("lru", 3)]
    [InlineData("lru", 4)]
    [InlineData("fifo", 2)]
    [InlineData("fifo", 3)]
    [InlineData("fifo", 4)]
    [InlineData("fwf", 2)]
    [InlineData("fwf", 3)]
    [InlineData("fwf", 4)]
    [InlineData("marker", 2)]
    [InlineData("marker", 3)]
    [InlineData("marker", 4)]
    public void MarkingAndConservativeAlgorithmsGiveExactlyK(string name, int k)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = ExactCompetitiveRatio.Compute(name, k);
        output.WriteLine($"{name} k={k} N={r.Pages}: ratio {r.RatioText}, states {r.States}, edges {r.Edges}, iterations {r.Iterations}, {sw.ElapsedMilliseconds} ms");
        Assert.False(r.Unbounded);
        Assert.Equal(new Rational(k), r.Ratio);
        AssertWitness(r);
    }

    [Theory]
    [InlineData("mru", 2)]
    [InlineData("mru", 3)]
    [InlineData("mru", 4)]
    [InlineData("lifo", 2)]
    [InlineData("lifo", 3)]
    [InlineData("lifo", 4)]
    public void MruAndLifoAreUnbounded(string name, int k)
    {
        var r = ExactCompetitiveRatio.Compute(name, k);
        output.WriteLine($"{name} k={k}: {r.RatioText}, states {r.States}, edges {r.Edges}, witness {r.Witness.Length} requests");
        Assert.True(r.Unbounded);
        Assert.Equal("unbounded", r.RatioText);
        AssertWitness(r);
        Assert.True(r.AlgorithmCost >= ExactCompetitiveRatio.UnboundedWitnessRatio * r.OptimumCost);
    }

    // The witness's costs are the real class's and Belady's, and its ratio is within 2 % of a finite ratio.
    private static void AssertWitness(ExactRatioResult r)
    {
        var bits = r.Witness.HasBits ? r.Witness.Bits.ToArray() : null;
        Assert.Equal(r.AlgorithmCost, PagingSimulator.Run(PagingAlgorithms.Create(r.Algorithm, new PagingAlgorithmOptions(bits)), r.Witness, r.K));
        Assert.Equal(r.OptimumCost, BeladyPaging.Faults(r.Witness, r.K));
        Assert.Equal(r.Prefix.Length + r.Repetitions * r.Cycle.Length, r.Witness.Length);
        Assert.True(r.Witness.PageCount <= r.Pages);
        if (!r.Unbounded)
        {
            double ratio = (double)r.AlgorithmCost / r.OptimumCost, exact = r.Ratio.ToDouble();
            Assert.InRange(ratio, exact * 0.98, exact * 1.02);
        }
    }
}

public class ExactCompetitiveRatioErrorTests
{
    [Fact]
    public void UnsupportedAlgorithmsAndSizesAreClearErrors()
    {
        var e = Assert.Throws<ArgumentException>(() => ExactCompetitiveRatio.Compute("marker-rand", 2));
        Assert.StartsWith("no exact model for paging algorithm 'marker-rand'; supported: lru, fifo, fwf, marker, mru, lifo, follow-discard, mark0", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ExactCompetitiveRatio.Compute("mark0-robust", 2));
        Assert.Throws<ArgumentException>(() => ExactCompetitiveRatio.Compute("ftp", 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactCompetitiveRatio.Compute("lru", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactCompetitiveRatio.Compute("lru", ExactCompetitiveRatio.MaxK + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactCompetitiveRatio.Compute("lru", 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactCompetitiveRatio.Compute("lru", 3, ExactCompetitiveRatio.MaxPages + 1));
    }

    [Fact]
    public void TheStateGuardNamesTheNumbers()
    {
        // FIFO at k = 4 has 2,726 states: a guard of 1,000 stops the exploration with a message saying what to change.
        var e = Assert.Throws<InvalidOperationException>(() => ExactCompetitiveRatio.Compute("fifo", 4, maxStates: 1000));
        Assert.Equal("the game graph of fifo at k = 4, pages = 5 exceeds 1,000 states: use a smaller k or fewer pages", e.Message);
    }

    [Fact]
    public void ProgressIsReportedWithTheFinalStateCount()
    {
        var seen = new List<int>();
        var r = ExactCompetitiveRatio.Compute("fifo", 5, progress: seen.Add);
        Assert.Equal(r.States, seen[^1]);
        Assert.Contains(10_000, seen);
    }
}
