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

public class Mark0Tests
{
    private static readonly Func<byte[], IOnlinePagingAlgorithm> Det = b => new Mark0DiscardPaging(b);
    private static readonly Func<byte[], IOnlinePagingAlgorithm> Rand = b => new RandomizedMark0DiscardPaging(b);

    private static Guarantee DetBound(PagingInstance inst) =>
        new(1, 0, [new ErrorTerm("eta0", inst.K - 1), new ErrorTerm("eta1", 1)], Source: "Antoniadis et al. 2023, (1,k-1,1) [second-hand]");

    [Fact]
    public void Hand_checked_run()
    {
        // k = 2, requests a(0) b(1) c(0) a(0) b(1):
        // t0 a fault, t1 b fault; t2 c fault: D = {b} → evict b; t3 a hit; t4 b fault: D = ∅, cache {a,c} both marked 0
        // → new marking phase, evict LRU among all = c? LRU order of 0-pages: a (t3) is more recent than c (t2) → evict c.
        var seq = RequestSequence.FromPages([0, 1, 2, 0, 1]);
        var alg = new Mark0DiscardPaging([0, 1, 0, 0, 1]);
        alg.Reset(2, seq.PageCount, new Rng(0));
        var cache = new PagingCache();
        cache.Reset(2, seq.PageCount, alg.Name);
        bool[] faults = new bool[5];
        for (int t = 0; t < 5; t++) faults[t] = cache.Serve(alg, seq[t], t);
        Assert.Equal(new[] { true, true, true, false, true }, faults);
        Assert.True(alg.Contains(0));
        Assert.False(alg.Contains(2));
        Assert.True(alg.Contains(1));
    }

    [Fact]
    public void Unmarks_when_a_page_bit_flips_to_one()
    {
        // k = 2: a(0) b(0) a(1) c(0): at c, D = {a} (its latest bit is 1) → a is evicted, not b.
        var seq = RequestSequence.FromPages([0, 1, 0, 2]);
        var alg = new Mark0DiscardPaging([0, 0, 1, 0]);
        Assert.Equal(3, PagingSimulator.Run(alg, seq, 2));
        Assert.False(alg.Contains(0));
        Assert.True(alg.Contains(1));
    }

    [Fact]
    public void Deterministic_bound_holds_on_generated_and_adversarial_instances()
    {
        var check = CompetitiveCheck.Create("mark0", PredictionGenerators.WithBits(PredictionSetup.Discard, 6, 120),
            inst => PagingChecks.RunWithPredictions(Det, inst, PredictionSetup.Discard), inst => BeladyPaging.Faults(inst.Sequence, inst.K), DetBound,
            inst => inst.ToText());
        check.Verify(400);
    }

    [Fact]
    public void Deterministic_bound_is_tight_on_the_all_zero_family_and_all_requests_fault()
    {
        // spec §3 measured: k = 3, 5, 8; n = 400 → OPT = 136, 84, 57 and ALG = n (spec §6 item 9).
        int[] ks = [3, 5, 8];
        long[] opts = [136, 84, 57];
        for (int i = 0; i < ks.Length; i++)
        {
            foreach (byte bit in new byte[] { 0, 1 })
            {
                var seq = DiscardLowerBoundFamily.Build(Det, ks[i], 400, bit);
                var inst = new PagingInstance(ks[i], seq);
                var outcome = PagingChecks.RunWithPredictions(Det, inst, PredictionSetup.Discard);
                Assert.Equal(400, outcome.Cost);
                Assert.Equal(opts[i], BeladyPaging.Faults(seq, ks[i]));
                Assert.True(DetBound(inst).Holds(outcome.Cost, opts[i], outcome.Measures));
            }
        }
    }

    [Fact]
    public void Perfect_bits_give_opt_for_both_variants_and_follow_discard()
    {
        var arb = PredictionGenerators.WithPerfectBits(PredictionSetup.Discard, 7, 150);
        foreach (var (name, create, seed) in new (string, Func<byte[], IOnlinePagingAlgorithm>, ulong)[]
                 { ("mark0", Det, 0), ("mark0-rand", Rand, 3), ("mark0-rand", Rand, 77), ("follow-discard", b => new FollowDiscardPaging(b), 0) })
        {
            var check = CompetitiveCheck.Create(name + "=opt", arb,
                inst => (double)PagingSimulator.Run(create(inst.Sequence.Bits.ToArray()), inst.Sequence, inst.K, new Rng(seed)),
                inst => BeladyPaging.Faults(inst.Sequence, inst.K), Guarantee.Competitive(1, source: "spec §2.0 (FollowDiscard = OPT)"),
                inst => inst.ToText());
            check.Verify(200);
        }
    }

    [Fact]
    public void Not_robust_alone_example_of_the_review_note()
    {
        // k = 2: a (bit 0) once, then b, c, b, c ... all with bit 1: ALG = n, OPT = 3, consistent with (1, k−1, 1).
        int n = 200;
        var pages = new int[n];
        var bits = new byte[n];
        for (int t = 1; t < n; t++) { pages[t] = 1 + (t % 2); bits[t] = 1; }
        var seq = RequestSequence.FromPages(pages, bits);
        Assert.Equal(3, BeladyPaging.Faults(seq, 2));
        Assert.Equal(n, PagingSimulator.Run(new Mark0DiscardPaging(bits), seq, 2));
        Assert.Equal(n, PagingSimulator.Run(new RandomizedMark0DiscardPaging(bits), seq, 2, new Rng(4)));
        var e = PagingChecks.Measures(new PagingInstance(2, seq), PredictionSetup.Discard);
        Assert.True(n <= 3 + e["eta0"] + e["eta1"]);
    }

    [Fact]
    public void Randomized_bound_holds_in_expectation()
    {
        // E[ALG] ≤ OPT + 2H_k·η0 + η1 (spec §3); 200 seeds per instance, test mean − 3·stderr ≤ bound (spec §6 item 11),
        // i.e. a one-sided normal test at ≈ 99.9 % per instance; 60 instances incl. the adversarial families.
        var check = CompetitiveCheck.Create("mark0-rand", PredictionGenerators.WithBits(PredictionSetup.Discard, 6, 80),
            inst => PagingChecks.MeanMinus3StandardErrors(Rand, inst, PredictionSetup.Discard, 200, 1000),
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            inst => new Guarantee(1, 0, [new ErrorTerm("eta0", 2 * HarmonicNumber(inst.K)), new ErrorTerm("eta1", 1)], Source: "(1,2H_k,1) [second-hand]"),
            inst => inst.ToText());
        check.Verify(60);
    }

    [Fact]
    public void Invariants_cache_size_lazy_and_requested_page_cached()
    {
        var rng = new Rng(8);
        for (int trial = 0; trial < 100; trial++)
        {
            int k = 1 + rng.NextInt(6), n = rng.NextInt(100);
            var pages = new int[n];
            var bits = new byte[n];
            for (int t = 0; t < n; t++) { pages[t] = rng.NextInt(3 * k + 1); bits[t] = (byte)rng.NextInt(2); }
            var seq = RequestSequence.FromPages(pages, bits);
            foreach (var alg in new IOnlinePagingAlgorithm[] { new Mark0DiscardPaging(bits), new RandomizedMark0DiscardPaging(bits), new FollowDiscardPaging(bits), new MarkAndPredictPaging(bits) })
            {
                alg.Reset(k, seq.PageCount, new Rng((ulong)trial));
                var cache = new PagingCache();
                cache.Reset(k, seq.PageCount, alg.Name);
                for (int t = 0; t < n; t++)
                {
                    bool was = alg.Contains(seq[t]);
                    bool fault = cache.Serve(alg, seq[t], t);
                    Assert.Equal(!was, fault);
                    Assert.True(alg.Contains(seq[t]));
                    Assert.True(alg.Count <= k);
                    int count = 0;
                    for (int p = 0; p < seq.PageCount; p++)
                    {
                        if (alg.Contains(p)) count++;
                        Assert.Equal(cache.Contains(p), alg.Contains(p)); // the algorithm's view equals the simulator's cache
                    }
                    Assert.Equal(alg.Count, count);
                    Assert.Equal(cache.Count, count);
                }
            }
        }
    }
}
