using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using Xunit;

namespace OnlineAlgos.Testing.Tests;

/// <summary>
/// The family-agnostic harness on a problem no family has: ski rental (rent for 1 a day or buy for B; the season
/// lasts D days, unknown online). Break-even (rent B−1 days, then buy) costs D when D &lt; B and 2B−1 otherwise; OPT
/// is min(D, B); so its exact ratio is 2 − 1/B (Karlin et al. 1988). Costs are long, checked exactly.
/// </summary>
public class SkiRentalHarnessTests
{
    internal sealed record SkiInstance(int Buy, int Days)
    {
        public string ToText() => $"buy={Buy} days={Days}";
    }

    private static long BreakEven(SkiInstance i) => i.Days < i.Buy ? i.Days : 2L * i.Buy - 1;
    private static long Opt(SkiInstance i) => Math.Min(i.Days, i.Buy);

    private static Arbitrary<SkiInstance> Instances() =>
        Arb.From(
            from b in Gen.Choose(1, 40)
            from d in Gen.Choose(1, 100)
            select new SkiInstance(b, d),
            i => Shrinks(i));

    private static IEnumerable<SkiInstance> Shrinks(SkiInstance i)
    {
        if (i.Buy > 1) yield return i with { Buy = i.Buy - 1 };
        if (i.Days > 1) yield return i with { Days = i.Days / 2 };
        if (i.Days > 1) yield return i with { Days = i.Days - 1 };
    }

    private static CompetitiveCheck<SkiInstance, long> Check(Func<SkiInstance, Guarantee> g) =>
        CompetitiveCheck.Create("break-even", Instances(), BreakEven, Opt, g, i => i.ToText());

    [Fact]
    public void The_exact_ratio_holds_exactly()
    {
        // 2 − 1/B as an exact rational: equality is reached at D ≥ B, so any rounding up or down would show.
        Check(i => Guarantee.Competitive(new Rational(2L * i.Buy - 1, i.Buy), Rational.Zero)).Verify(500);
    }

    [Fact]
    public void A_ratio_one_ulp_below_is_caught_and_shrunk_to_the_smallest_instance()
    {
        // 2 − 1/B − 1/(1000B): false whenever D ≥ B; the shrinker walks to B = 1, D = 1 (ALG 1 > 0.999).
        var e = Assert.Throws<CounterexampleException>(() =>
            Check(i => Guarantee.Competitive(new Rational(2000L * i.Buy - 1001, 1000L * i.Buy), Rational.Zero)).Verify(500));
        Assert.Equal("buy=1 days=1", e.InstanceText);
        Assert.Equal("1", e.AlgorithmCost);
        Assert.Equal("1", e.OptimumCost);
        Assert.Equal("999/1000", e.Bound);
        Assert.NotNull(e.Replay);
        var again = Assert.Throws<CounterexampleException>(() =>
            Check(i => Guarantee.Competitive(new Rational(2000L * i.Buy - 1001, 1000L * i.Buy), Rational.Zero)).Verify(500, e.Replay));
        Assert.Equal(e.InstanceText, again.InstanceText);
    }

    [Fact]
    public void An_algorithm_that_throws_fails_the_check_with_its_message()
    {
        var check = CompetitiveCheck.Create("throws", Instances(),
            i => i.Days > 50 ? throw new ModelViolationException("throws", i.Days, "bought twice") : BreakEven(i),
            Opt, Guarantee.Competitive(2), i => i.ToText());
        var e = Assert.Throws<CounterexampleException>(() => check.Verify(500));
        Assert.Equal("buy=1 days=51", e.InstanceText);
        Assert.Contains("bought twice", e.AlgorithmCost);
    }

    [Fact]
    public void Assert_replays_one_saved_instance()
    {
        var check = Check(_ => Guarantee.Competitive(1.5));
        Assert.True(check.Assert(new SkiInstance(2, 5)).Holds); // 3 <= 1.5 * 2
        var e = Assert.Throws<CounterexampleException>(() => check.Assert(new SkiInstance(3, 5))); // 5 > 4.5
        Assert.Equal("5", e.AlgorithmCost);
        Assert.Equal("9/2", e.Bound);
        Assert.Null(e.Replay);
    }

    [Fact]
    public void One_check_is_safe_to_verify_from_several_threads()
    {
        var check = Check(i => Guarantee.Competitive(new Rational(2000L * i.Buy - 1001, 1000L * i.Buy), Rational.Zero));
        var texts = new string[4];
        Parallel.For(0, 4, j => texts[j] = Assert.Throws<CounterexampleException>(() => check.Verify(300)).InstanceText);
        Assert.All(texts, t => Assert.Equal("buy=1 days=1", t));
    }
}
