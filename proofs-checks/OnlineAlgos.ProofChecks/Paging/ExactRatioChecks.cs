using OnlineAlgos.Core;
using OnlineAlgos.Paging.Analysis;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using Xunit;

namespace OnlineAlgos.ProofChecks.Paging;

/// <summary>
/// Every deterministic marking algorithm (LRU, FWF, deterministic Marker) and the conservative FIFO has competitive
/// ratio exactly k on k + 1 pages (Sleator–Tarjan 1985; Karlin et al. 1988): computed exactly on the adversary game
/// graph by <see cref="ExactCompetitiveRatio"/>, k = 2..4, with the witness replayed through the real class and Belady.
/// The non-competitive baselines MRU and LIFO come out unbounded. Runtime: well under a second in total (largest
/// graph: FIFO / LIFO at k = 4, 2,726 states).
/// </summary>
public class ExactRatioChecks
{
    [Theory]
    [InlineData("lru")]
    [InlineData("fwf")]
    [InlineData("marker")]
    [InlineData("fifo")]
    public void MarkingAndConservativeAlgorithmsHaveRatioExactlyK(string name)
    {
        for (int k = 2; k <= 4; k++)
        {
            var r = ExactCompetitiveRatio.Compute(name, k);
            Assert.False(r.Unbounded, $"{name} k={k}");
            Assert.Equal(new Rational(k), r.Ratio);
            Assert.Equal(r.AlgorithmCost, PagingSimulator.Run(PagingAlgorithms.Create(name), r.Witness, k));
            Assert.Equal(r.OptimumCost, BeladyPaging.Faults(r.Witness, k));
            Assert.InRange((double)r.AlgorithmCost / r.OptimumCost, 0.98 * k, 1.02 * k);
        }
    }

    [Theory]
    [InlineData("mru")]
    [InlineData("lifo")]
    public void MruAndLifoAreNotCompetitive(string name)
    {
        for (int k = 2; k <= 4; k++)
        {
            var r = ExactCompetitiveRatio.Compute(name, k);
            Assert.True(r.Unbounded, $"{name} k={k}");
            Assert.True(r.AlgorithmCost >= ExactCompetitiveRatio.UnboundedWitnessRatio * r.OptimumCost);
        }
    }
}
