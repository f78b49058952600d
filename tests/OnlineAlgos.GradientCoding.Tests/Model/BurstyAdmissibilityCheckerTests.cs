using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Model;

public class BurstyAdmissibilityCheckerTests
{
    [Fact]
    public void Burst_longer_than_B_inside_a_window_is_rejected()
    {
        // B = 2, W = 4: worker 0 straggles in rounds 0,1 (a burst of 2), then round 2 would make a 3-round burst.
        var m = new BurstyModel(3, 2, 4, 3);
        var c = new BurstyAdmissibilityChecker(m);
        Assert.True(c.TryAdd([true, false, false]));
        Assert.True(c.TryAdd([true, false, false]));
        Assert.False(c.CanAdd([true, false, false]));
        Assert.True(c.TryAdd([false, false, false]));
        // round 3: last straggle at 1, 3-1 = 2 <= W-1 = 3 but > B-1 = 1: rejected.
        Assert.False(c.CanAdd([true, false, false]));
        c.AddClean();
        // round 4: 4-1 = 3 <= W-1: the straggle of round 1 is still inside the window, rejected.
        Assert.False(c.CanAdd([true, false, false]));
        c.AddClean();
        // round 5: 5-1 = 4 >= W: a new burst may start.
        Assert.True(c.CanAdd([true, false, false]));
    }

    [Fact]
    public void Distinct_stragglers_per_window_are_capped_at_lambda()
    {
        var m = new BurstyModel(4, 1, 3, 2);
        var c = new BurstyAdmissibilityChecker(m);
        Assert.True(c.TryAdd([true, false, false, false]));
        Assert.True(c.TryAdd([false, true, false, false]));
        Assert.False(c.CanAdd([false, false, true, false])); // window 0..2 would hold 3 distinct
        c.AddClean();
        Assert.True(c.CanAdd([false, false, true, false])); // window 1..3: workers 1 and 2 = lambda
        Assert.False(c.CanAdd([true, false, true, false])); // ... but not three
    }

    [Fact]
    public void Online_checker_agrees_with_all_windows_brute_force_on_random_patterns()
    {
        // Spec §6 item 1: random (mostly inadmissible) small patterns, 4000 of them.
        var rng = new Rng(11);
        int admitted = 0;
        for (int k = 0; k < 4000; k++)
        {
            int n = rng.NextInt(1, 6), w = rng.NextInt(2, 6), b = rng.NextInt(1, w), l = rng.NextInt(1, n + 1);
            var m = new BurstyModel(n, b, w, l);
            int rounds = rng.NextInt(1, 12);
            double p = rng.NextDouble() * 0.5;
            var cells = new bool[rounds * n];
            for (int i = 0; i < cells.Length; i++) cells[i] = rng.NextBernoulli(p);
            var pattern = new StragglerPattern(rounds, n, cells);
            bool online = m.Admits(pattern), brute = m.AdmitsBruteForce(pattern);
            Assert.True(online == brute, $"{m} {pattern}: online {online}, brute force {brute}");
            if (online) admitted++;
        }
        Assert.InRange(admitted, 200, 3800); // both verdicts occur often enough to make the comparison meaningful
    }

    [Fact]
    public void Generated_patterns_pass_the_brute_force_check()
    {
        // Spec §6 item 2.
        var rng = new Rng(12);
        for (int k = 0; k < 600; k++)
        {
            int n = rng.NextInt(1, 13), w = rng.NextInt(2, 8), b = rng.NextInt(1, w), l = rng.NextInt(1, n + 1);
            var m = new BurstyModel(n, b, w, l);
            double p = new[] { 0.1, 0.3, 0.6, 1.0 }[k % 4];
            var pattern = BurstyPatternGenerator.Random(m, rng.NextInt(1, 30), p, rng.Split());
            Assert.True(m.AdmitsBruteForce(pattern), $"{m} {pattern}");
            Assert.True(m.AdmitsBruteForce(BurstyPatternGenerator.Periodic(m, 20, k % 2)));
        }
    }

    [Fact]
    public void Greedy_generator_saturates_lambda_in_the_first_window()
    {
        var m = new BurstyModel(10, 2, 3, 4);
        var p = BurstyPatternGenerator.Random(m, 6, 1.0, new Rng(3));
        Assert.Equal(4, p.CountInRound(0));
        Assert.Equal(4, p.CountInRound(1)); // the same 4 continue their burst of B = 2
    }

    [Theory]
    [InlineData(1, 2, 2, 2)]   // W < B+1
    [InlineData(4, 0, 3, 2)]   // B < 1
    [InlineData(4, 1, 1, 2)]   // W < 2
    [InlineData(4, 1, 2, 5)]   // lambda > n
    [InlineData(4, 1, 2, 0)]   // lambda < 1
    public void Invalid_models_are_rejected(int n, int b, int w, int l) =>
        Assert.Throws<ArgumentException>(() => new BurstyModel(n, b, w, l));
}
