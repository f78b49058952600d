using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Testing;
using OnlineAlgos.Paging.Testing;
using Xunit;
using static OnlineAlgos.Paging.Tests.Predictions.PredictionTestKit;

namespace OnlineAlgos.Paging.Tests.Predictions;

public class MarkAndPredictTests
{
    private static readonly Func<byte[], IOnlinePagingAlgorithm> Mp = b => new MarkAndPredictPaging(b);

    [Fact]
    public void Perfect_phase_bits_cost_exactly_opt_marking_for_every_seed()
    {
        foreach (ulong seed in new ulong[] { 1, 2, 3 })
        {
            var check = CompetitiveCheck.Create("mark-predict=sum c", PredictionGenerators.WithPerfectBits(PredictionSetup.Phase, 7, 150),
                inst => (double)PagingSimulator.Run(new MarkAndPredictPaging(inst.Sequence.Bits.ToArray()), inst.Sequence, inst.K, new Rng(seed)),
                inst => PhasePartition.Compute(inst.Sequence, inst.K).TotalCleanPages,
                Guarantee.Competitive(1, source: "spec §2.2 (perfect bits = OPTMarking)"), inst => inst.ToText());
            check.Verify(150);
            // and from below: no marking algorithm beats Σ c_i
            var lower = CompetitiveCheck.Create("sum c <= mark-predict", PredictionGenerators.WithPerfectBits(PredictionSetup.Phase, 7, 150),
                inst => (double)PhasePartition.Compute(inst.Sequence, inst.K).TotalCleanPages,
                inst => PagingSimulator.Run(new MarkAndPredictPaging(inst.Sequence.Bits.ToArray()), inst.Sequence, inst.K, new Rng(seed)),
                Guarantee.Competitive(1), inst => inst.ToText());
            lower.Verify(100);
        }
    }

    [Fact]
    public void Randomized_bound_holds_in_expectation()
    {
        // E[ALG] ≤ 2·OPT + H_k·η0 + η1 (spec §3); 200 seeds per instance, mean − 3·stderr ≤ bound (≈ 99.9 % one-sided).
        var check = CompetitiveCheck.Create("mark-predict", PredictionGenerators.WithBits(PredictionSetup.Phase, 6, 80, adversarial: false),
            inst => PagingChecks.MeanMinus3StandardErrors(Mp, inst, PredictionSetup.Phase, 200, 5000),
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            inst => new Guarantee(2, 0, [new ErrorTerm("eta0", HarmonicNumber(inst.K)), new ErrorTerm("eta1", 1)], Source: "(2,H_k,1) [second-hand]"),
            inst => inst.ToText());
        check.Verify(60);
    }

    [Fact]
    public void Inverted_bits_stay_within_marking_bound()
    {
        // Robustness: MARK&PREDICT is a marking algorithm, so every run costs ≤ k per phase ≤ k·OPT; with inverted bits
        // the mean over 200 seeds stays ≤ 2H_k·OPT + 3 stderr (randomized-marking bound) on phase-structured inputs.
        var rng = new Rng(3);
        foreach (int k in new[] { 4, 8, 16 })
        {
            var pages = new int[40 * k];
            for (int t = 0; t < pages.Length; t++) pages[t] = rng.NextInt(k + 1 + k / 4);
            var seq = RequestSequence.FromPages(pages);
            var bits = BitNoise.Inverted(GroundTruthBits.Phase(seq, k));
            var inst = new PagingInstance(k, seq.WithBits(bits));
            long opt = BeladyPaging.Faults(seq, k);
            var mean = PagingChecks.MeanMinus3StandardErrors(Mp, inst, PredictionSetup.Phase, 200, 1);
            Assert.True(mean.Cost <= 2 * HarmonicNumber(k) * opt, $"k={k}: {mean.Cost} vs {2 * HarmonicNumber(k) * opt}");
            int phases = PhasePartition.Compute(seq, k).PhaseCount;
            for (ulong s = 0; s < 20; s++)
                Assert.True(PagingSimulator.Run(new MarkAndPredictPaging(bits), seq, k, new Rng(s)) <= (long)k * phases);
        }
    }
}
