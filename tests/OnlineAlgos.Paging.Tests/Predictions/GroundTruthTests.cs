using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Testing;
using OnlineAlgos.Paging.Testing;
using Xunit;

namespace OnlineAlgos.Paging.Tests.Predictions;

public class GroundTruthTests
{
    private static RequestSequence Seq(params int[] pages) => RequestSequence.FromPages(pages);

    [Fact]
    public void Discard_labels_hand_checked()
    {
        // k = 2: a b c a b. At c (t=2) FitF evicts b (next at 4) over a (next at 3): b's last request t=1 gets 1.
        // At t=4 (b) cache {a,c}: c never again, a never again (a's last request 3); tie → smallest last-request index:
        // c (last request 2) is evicted → label of t=2 is 1.
        Assert.Equal(new byte[] { 0, 1, 1, 0, 0 }, GroundTruthBits.Discard(Seq(0, 1, 2, 0, 1), 2));
    }

    [Fact]
    public void Discard_tie_break_is_smallest_last_request_not_smallest_id()
    {
        // k = 2: b a c. At c both b (last 0) and a (last 1) are never requested again: evict b (smallest last index).
        var seq = Seq(5, 3, 7); // ids 5 (=b) < ... smallest id would be 3 (=a)
        Assert.Equal(new byte[] { 1, 0, 0 }, GroundTruthBits.Discard(seq, 2));
    }

    [Fact]
    public void Phase_labels_hand_checked()
    {
        // k = 2: phases [a b a] [c b] [a]. Phase 0: a is in phase 1? no → 1; b is → 0. Phase 1: c not in phase 2 → 1,
        // b not → 1. Last phase: all 1.
        var seq = Seq(0, 1, 0, 2, 1, 0);
        var part = PhasePartition.Compute(seq, 2);
        Assert.Equal(3, part.PhaseCount);
        Assert.Equal(new byte[] { 1, 0, 1, 1, 1, 1 }, GroundTruthBits.Phase(seq, 2));
    }

    [Fact]
    public void Phase_labels_equal_brute_force_on_random_sequences()
    {
        var rng = new Rng(5);
        for (int trial = 0; trial < 300; trial++)
        {
            int k = 1 + rng.NextInt(5), n = rng.NextInt(60);
            var pages = new int[n];
            for (int t = 0; t < n; t++) pages[t] = rng.NextInt(2 * k + 1);
            var seq = Seq(pages);
            var part = PhasePartition.Compute(seq, k);
            var labels = GroundTruthBits.Phase(seq, k);
            for (int t = 0; t < n; t++)
            {
                bool inNext = false;
                for (int u = t + 1; u < n; u++)
                    if (part.PhaseOf(u) == part.PhaseOf(t) + 1 && seq[u] == seq[t]) inNext = true;
                Assert.Equal(inNext ? 0 : 1, labels[t]);
            }
        }
    }

    [Fact]
    public void Empty_sequence_has_empty_labels()
    {
        var seq = Seq();
        Assert.Empty(GroundTruthBits.Discard(seq, 3));
        Assert.Empty(GroundTruthBits.Phase(seq, 3));
    }

    [Fact]
    public void Errors_count_both_kinds()
    {
        var e = PredictionErrors.Compute(new byte[] { 0, 0, 1, 1, 0 }, new byte[] { 1, 0, 0, 1, 1 });
        Assert.Equal(2, e.Eta0);
        Assert.Equal(1, e.Eta1);
        Assert.Equal(3, e.Eta);
        Assert.Throws<ArgumentException>(() => PredictionErrors.Compute(new byte[] { 0 }, new byte[] { 0, 1 }));
        Assert.Throws<ArgumentException>(() => PredictionErrors.Compute(new byte[] { 2 }, new byte[] { 0 }));
    }

    [Fact]
    public void Polarity_keep_is_flipped_at_the_boundary()
    {
        Assert.Equal(new byte[] { 1, 0, 0 }, BitPredictions.ToInternal(new byte[] { 0, 1, 1 }, BitPolarity.Keep));
        Assert.Equal(new byte[] { 0, 1, 1 }, BitPredictions.ToInternal(new byte[] { 0, 1, 1 }, BitPolarity.Evictable));
    }

    [Fact]
    public void Noise_rates_move_eta0_and_eta1_independently()
    {
        // 200,000 labels, half ones: η0 ~ Bin(100000, q0), sd ≤ 158; tolerance 5 sd (false-failure rate < 1e-6).
        var truth = new byte[200_000];
        for (int t = 0; t < truth.Length; t += 2) truth[t] = 1;
        var noisy = BitNoise.Flip(truth, 0.1, 0.3, new Rng(11));
        var e = PredictionErrors.Compute(noisy, truth);
        Assert.InRange(e.Eta0, 10_000 - 500, 10_000 + 500);
        Assert.InRange(e.Eta1, 30_000 - 750, 30_000 + 750);
        Assert.Equal(0, PredictionErrors.Compute(BitNoise.Flip(truth, 0, 0, new Rng(1)), truth).Eta);
        Assert.Equal(truth.Length, PredictionErrors.Compute(BitNoise.Flip(truth, 1, 1, new Rng(1)), truth).Eta);
        Assert.Equal(new PredictionErrors(100_000, 0), PredictionErrors.Compute(BitNoise.AllZero(truth.Length), truth));
        Assert.Equal(new PredictionErrors(0, 100_000), PredictionErrors.Compute(BitNoise.AllOne(truth.Length), truth));
        Assert.Equal(new PredictionErrors(100_000, 100_000), PredictionErrors.Compute(BitNoise.Inverted(truth), truth));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Bad_noise_rates_are_rejected(double q)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BitNoise.Flip(new byte[] { 0 }, q, new Rng(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BitNoise.Flip(new byte[] { 0 }, 0, q, new Rng(1)));
    }

    [Fact]
    public void Phase_count_and_clean_pages_bound_opt()
    {
        // spec §6 item 2, on generated instances: #phases ≤ OPT and Σc ≤ 2·OPT.
        var check = CompetitiveCheck.Create("sum-clean", PagingGenerators.Instances(),
            inst => (double)PhasePartition.Compute(inst.Sequence, inst.K).TotalCleanPages,
            inst => BeladyPaging.Faults(inst.Sequence, inst.K), Guarantee.Competitive(2, source: "spec §1 (standard)"),
            inst => inst.ToText());
        check.Verify(300);
    }

    [Fact]
    public void Exact_next_arrivals_and_l1_error()
    {
        var seq = Seq(0, 1, 0);
        var y = NextArrivalPredictions.Exact(seq);
        Assert.Equal(new[] { 2.0, 30000, 30000 }, y);
        Assert.Equal(0, NextArrivalPredictions.L1Error(seq, y));
        Assert.Equal(5, NextArrivalPredictions.L1Error(seq, new[] { 4.0, 30003, 30000 }));
        // POPU (1-based s): s + s/count
        Assert.Equal(new[] { 2.0, 4, 4.5 }, NextArrivalPredictions.Popu(seq));
        Assert.Throws<ArgumentOutOfRangeException>(() => NextArrivalPredictions.LogNormal(seq, -1, new Rng(1)));
    }
}
