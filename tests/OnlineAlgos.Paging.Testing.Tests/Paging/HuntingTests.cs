using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Paging.Testing;
using OnlineAlgos.Testing;
using OnlineAlgos.Testing.Search;
using Xunit;

namespace OnlineAlgos.Paging.Testing.Tests.Paging;

/// <summary>
/// The harness hunts (issue #15): the two false claims that random sampling passes — most-recently-used (registry `mru`) ≤ k·OPT and
/// LRU ≤ 2.5·OPT at k = 3 — fail once the search phase runs, from the fixed default seed, with a shrunk
/// counterexample whose costs replay; the true claim LRU ≤ 3·OPT at k = 3 passes the same hunt.
/// </summary>
public class HuntingTests
{
    private static Guarantee Ratio(Rational r) => Guarantee.Competitive(r, Rational.Zero, "false on purpose");

    private static void AssertReplays(CounterexampleException e, Func<IOnlinePagingAlgorithm> factory, int k, Rational ratio)
    {
        var inst = PagingInstance.Parse(e.InstanceText, "counterexample");
        Assert.Equal(k, inst.K);
        long alg = PagingSimulator.Run(factory(), inst.Sequence, inst.K);
        long opt = BeladyPaging.Faults(inst.Sequence, inst.K);
        Assert.Equal(long.Parse(e.AlgorithmCost, System.Globalization.CultureInfo.InvariantCulture), alg);
        Assert.Equal(long.Parse(e.OptimumCost, System.Globalization.CultureInfo.InvariantCulture), opt);
        Assert.True(new Rational(alg) > ratio * opt, $"{alg} vs {ratio}*{opt}");
    }

    [Fact]
    public void Lru_at_most_2_5_opt_at_k_3_fails_from_the_fixed_seed()
    {
        // As a new user would write it: the claim at k = 3, the registry's k elsewhere, default generator (k ≤ 6).
        var e = Assert.Throws<CounterexampleException>(() =>
            PagingChecks.Competitive("lru", () => new LruPaging(), k => k == 3 ? Ratio(new Rational(5, 2)) : Guarantee.Competitive(k), maxTest: 500));
        AssertReplays(e, () => new LruPaging(), 3, new Rational(5, 2));
    }

    [Fact]
    public void Lru_at_most_2_5_opt_at_k_3_passes_short_samples_but_the_search_grows_a_counterexample()
    {
        // Sampling sequences of ≤ 24 requests cannot falsify it (the 4-page cycle needs about 30); the search's growth
        // moves reach beyond, and the shrinker keeps the violation.
        var check = PagingChecks.Check("lru", () => new LruPaging(), _ => Ratio(new Rational(5, 2)), maxK: 3, maxN: 24, minK: 3);
        check.Verify(500, searchBudget: 0);
        var e = Assert.Throws<CounterexampleException>(() => check.Verify(500));
        AssertReplays(e, () => new LruPaging(), 3, new Rational(5, 2));
        Assert.Contains("adversarial search", e.FsCheckReport);
        var inst = PagingInstance.Parse(e.InstanceText, "counterexample");
        Assert.InRange(inst.Sequence.Length, 30, 100); // 66 from the default seed: shrunk from about 150
    }

    [Fact]
    public void Mru_at_most_k_opt_passes_sampling_but_fails_the_hunt()
    {
        var check = PagingChecks.Check("mru", () => PagingAlgorithms.Create("mru"), k => Guarantee.Competitive(k, source: "false on purpose"), maxK: 3, minK: 3);
        check.Verify(500, searchBudget: 0);
        var e = Assert.Throws<CounterexampleException>(() => check.Verify(500));
        AssertReplays(e, () => PagingAlgorithms.Create("mru"), 3, 3);
    }

    [Fact]
    public void Mru_at_most_k_opt_fails_the_hunt_over_all_k_too()
    {
        var e = Assert.Throws<CounterexampleException>(() =>
            PagingChecks.Competitive("mru", () => PagingAlgorithms.Create("mru"), k => Guarantee.Competitive(k, source: "false on purpose"), maxTest: 500));
        var inst = PagingInstance.Parse(e.InstanceText, "counterexample");
        AssertReplays(e, () => PagingAlgorithms.Create("mru"), inst.K, inst.K);
    }

    [Fact]
    public void Lifo_at_most_k_opt_fails_the_hunt()
    {
        var e = Assert.Throws<CounterexampleException>(() =>
            PagingChecks.Competitive("lifo", () => PagingAlgorithms.Create("lifo"), k => Guarantee.Competitive(k, source: "false on purpose"), maxTest: 500));
        var inst = PagingInstance.Parse(e.InstanceText, "counterexample");
        AssertReplays(e, () => PagingAlgorithms.Create("lifo"), inst.K, inst.K);
    }

    [Fact]
    public void The_true_claim_lru_at_most_3_opt_at_k_3_passes_the_hunt()
    {
        var report = PagingChecks.Check("lru", () => new LruPaging(), _ => Guarantee.Competitive(3), maxK: 3, minK: 3).Hunt(500);
        Assert.Null(report.Counterexample);
        Assert.True(report.Searched);
        Assert.True(report.Evaluations >= CompetitiveCheck<PagingInstance, long>.DefaultSearchBudget);
    }

    [Fact]
    public void The_search_drives_lru_toward_k_on_k_plus_one_pages()
    {
        var score = new RatioScore<PagingInstance>(i =>
            (PagingSimulator.Run(new LruPaging(), i.Sequence, i.K), BeladyPaging.Faults(i.Sequence, i.K)), Objective.Minimize);
        var (result, ratio) = score.Search(PagingMoves.Create(k: 3, maxLength: 120), new SearchOptions(Budget: 3000, Seed: 1));
        // LRU ≤ 3·OPT always (Sleator–Tarjan); on 120 requests the cycle over 4 pages gives 120/(4 + 116/3…) ≈ 2.8.
        Assert.True(result.UnshrunkScore is >= 2.6 and <= 3, result.Unshrunk.ToText().Replace('\n', ' '));
        Assert.True(ratio >= 0.99 * result.UnshrunkScore);
        Assert.Equal(3, result.Best.K);
    }

    [Fact]
    public void Moves_keep_k_fixed_the_length_bounded_and_the_bits_aligned()
    {
        var moves = PagingMoves.Create(k: 2, maxLength: 30, bits: true);
        var rng = new Rng(9);
        var inst = moves.Random(rng);
        for (int i = 0; i < 2000; i++)
        {
            inst = moves.Mutate(inst, rng);
            Assert.Equal(2, inst.K);
            Assert.InRange(inst.Sequence.Length, 0, 30);
            Assert.True(inst.Sequence.HasBits);
            Assert.Equal(inst.Sequence.Length, inst.Sequence.Bits.Length);
            Assert.InRange(inst.Sequence.Length == 0 ? 0 : inst.Sequence.PageCount, 0, 4);
        }
        Assert.All(moves.Shrink(new PagingInstance(2, RequestSequence.FromPages([0, 1, 2, 0], [1, 0, 1, 1]))), s => Assert.Equal(2, s.K));
    }
}
