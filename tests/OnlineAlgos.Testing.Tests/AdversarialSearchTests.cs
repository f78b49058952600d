using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.Testing.Search;
using Xunit;

namespace OnlineAlgos.Testing.Tests;

/// <summary>
/// The adversarial search on toy problems whose worst case is known: ski rental with buy price B ≤ 40 (break-even's
/// ratio is 2 − 1/B at D ≥ B, so the worst is 79/40 at B = 40), and a maximisation toy whose least ALG/OPT is 1/2 at
/// x = 37 exactly.
/// </summary>
public class AdversarialSearchTests
{
    private sealed record Ski(int Buy, int Days)
    {
        public string ToText() => $"buy={Buy} days={Days}";
    }

    private const int MaxBuy = 40, MaxDays = 100;

    private static long BreakEven(Ski i) => i.Days < i.Buy ? i.Days : 2L * i.Buy - 1;
    private static long Opt(Ski i) => Math.Min(i.Days, i.Buy);

    private static IEnumerable<Ski> Shrinks(Ski i)
    {
        if (i.Buy > 1) yield return i with { Buy = i.Buy - 1 };
        if (i.Days > 1) yield return i with { Days = i.Days - 1 };
    }

    private static Ski Mutate(Ski i, Rng rng, int maxBuy) => rng.NextInt(4) switch
    {
        0 => i with { Buy = Math.Min(maxBuy, i.Buy + 1 + rng.NextInt(3)) },
        1 => i with { Buy = Math.Max(1, i.Buy - 1 - rng.NextInt(3)) },
        2 => i with { Days = Math.Min(MaxDays, i.Days + 1 + rng.NextInt(5)) },
        _ => i with { Days = Math.Max(1, i.Days - 1 - rng.NextInt(5)) },
    };

    private static SearchMoves<Ski> Moves(int maxBuy = MaxBuy, int startBuy = 5) =>
        new(rng => new Ski(1 + rng.NextInt(startBuy), 1 + rng.NextInt(10)), (i, rng) => Mutate(i, rng, maxBuy), Shrinks);

    private static readonly RatioScore<Ski> SkiRatio = new(i => (BreakEven(i), Opt(i)), Objective.Minimize);

    [Fact]
    public void Hill_climbing_and_annealing_reach_the_known_worst_ratio_of_ski_rental()
    {
        var (result, ratio) = SkiRatio.Search(Moves(), new SearchOptions(Budget: 1500, Seed: 3));
        // The unshrunk best is the global worst case B = 40, D ≥ 40: ratio exactly 79/40.
        Assert.Equal(79.0 / 40, result.UnshrunkScore, 12);
        Assert.Equal(40, ((Ski)result.Unshrunk).Buy);
        // Shrinking keeps ≥ 99 % of the ratio and is greedy-minimal: 2 − 1/B ≥ 0.99·79/40 ⇔ B ≥ 23 (B = 23, D = 23).
        Assert.True(ratio >= 0.99 * 79 / 40, $"shrunk ratio {ratio}");
        Assert.Equal(new Ski(23, 23), result.Best);
        Assert.All(Shrinks(result.Best), s => Assert.True(SkiRatio.RatioOf(s) < 0.99 * 79 / 40));
        Assert.True(result.Evaluations <= 1500 * 2);
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_and_another_seed_still_finds_the_worst_case()
    {
        var a = SkiRatio.Search(Moves(), new SearchOptions(Budget: 800, Seed: 11));
        var b = SkiRatio.Search(Moves(), new SearchOptions(Budget: 800, Seed: 11));
        Assert.Equal(a.Result, b.Result);
        var c = SkiRatio.Search(Moves(), new SearchOptions(Budget: 1500, Seed: 12));
        Assert.Equal(79.0 / 40, c.Result.UnshrunkScore, 12);
    }

    [Fact]
    public void A_maximisation_problem_is_searched_for_its_least_ratio()
    {
        // ALG = 50 + |x − 37|, OPT = 100 on x in [0, 100]: least ratio 1/2 at x = 37 only.
        var score = new RatioScore<int>(x => (50 + Math.Abs(x - 37), 100), Objective.Maximize);
        var moves = new SearchMoves<int>(rng => rng.NextInt(101), (x, rng) => Math.Clamp(x + rng.NextInt(-5, 6), 0, 100),
            x => x > 0 ? [x / 2, x - 1] : []);
        var (result, ratio) = score.Search(moves, new SearchOptions(Budget: 600, Seed: 5, Keep: 1));
        Assert.Equal(37, result.Unshrunk);
        Assert.Equal(0.5, ratio, 12);
        Assert.Equal(-0.5, result.BestScore, 12);
        // Keep = 0.99 lets the ratio grow to 0.5/0.99: the shrinker may walk down to |x − 37| ≤ 0.50505…·100 − 50.
        var (loose, looseRatio) = score.Search(moves, new SearchOptions(Budget: 600, Seed: 5));
        Assert.True(looseRatio <= 0.5 / 0.99 + 1e-12);
        Assert.Equal(37, loose.Unshrunk);
    }

    [Fact]
    public void Progress_is_reported_with_growing_counts_and_a_final_report()
    {
        var reports = new List<SearchProgress>();
        var (result, _) = SkiRatio.Search(Moves(), new SearchOptions(Budget: 400, Seed: 1), reports.Add);
        Assert.True(reports.Count >= 10);
        for (int i = 1; i < reports.Count; i++) Assert.True(reports[i].Evaluations >= reports[i - 1].Evaluations);
        Assert.Equal(result.Evaluations, reports[^1].Evaluations);
        Assert.Equal(800, reports[^1].Budget);
    }

    [Fact]
    public void The_stop_condition_ends_the_search_early()
    {
        var search = new AdversarialSearch<Ski>(Moves(), SkiRatio.Score);
        var r = search.Run(new SearchOptions(Budget: 5000, Seed: 2, ShrinkBudget: 0), stop: s => s >= 1.9);
        Assert.True(r.Stopped);
        Assert.True(r.Evaluations < 5000);
        Assert.True(r.UnshrunkScore >= 1.9);
    }

    [Fact]
    public void A_throwing_score_skips_the_instance()
    {
        var search = new AdversarialSearch<Ski>(Moves(), i => i.Buy % 2 == 0 ? throw new InvalidOperationException("even") : SkiRatio.Score(i));
        var r = search.Run(new SearchOptions(Budget: 1000, Seed: 4));
        Assert.Equal(1, r.Best.Buy % 2);
        Assert.Equal(2 - 1.0 / 39, r.UnshrunkScore, 12);
    }

    [Fact]
    public void Bad_options_are_rejected()
    {
        var search = new AdversarialSearch<Ski>(Moves(), SkiRatio.Score);
        Assert.Throws<ArgumentOutOfRangeException>(() => search.Run(new SearchOptions(Budget: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => search.Run(new SearchOptions(Restarts: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => search.Run(new SearchOptions(Keep: 1.5)));
    }

    // --- the harness hunts ---

    // Random instances have B ≤ 5 (worst ratio 9/5), so sampling never sees a violation of 1.9; the moves grow B.
    private static CompetitiveCheck<Ski, long> SmallSkiCheck(double ratio) =>
        CompetitiveCheck.Create("break-even-small", Arb.From(
                from b in Gen.Choose(1, 5)
                from d in Gen.Choose(1, 100)
                select new Ski(b, d), Shrinks),
            BreakEven, Opt, Guarantee.Competitive(ratio), i => i.ToText());

    [Fact]
    public void Random_sampling_misses_a_false_claim_that_the_search_phase_catches_and_shrinks()
    {
        var check = SmallSkiCheck(1.9).WithSearch(Moves(), 400);
        check.Verify(300, searchBudget: 0); // sampling alone: passes (false assurance)
        var e = Assert.Throws<CounterexampleException>(() => check.Verify(300));
        // 2 − 1/B > 1.9 ⇔ B ≥ 11; shrunk while it still violates: B = 11 and D = 11 (D < B costs OPT).
        Assert.Equal("buy=11 days=11", e.InstanceText);
        Assert.Equal("21", e.AlgorithmCost);
        Assert.Equal("11", e.OptimumCost);
        Assert.Contains("adversarial search", e.FsCheckReport);
        var report = check.Hunt(300);
        Assert.Equal(300, report.Tests);
        Assert.True(report.Searched);
        Assert.InRange(report.Evaluations, 1, 800);
        Assert.Equal("buy=11 days=11", report.Counterexample!.InstanceText);
    }

    [Fact]
    public void A_true_claim_passes_the_search_phase()
    {
        var report = SmallSkiCheck(2).WithSearch(Moves(), 400).Hunt(100);
        Assert.Null(report.Counterexample);
        // The whole search budget was spent; the shrinker then only tries the best instance's candidates (none violates).
        Assert.InRange(report.Evaluations, 400, 410);
    }
}
