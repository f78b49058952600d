using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Online;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Online;

/// <summary>
/// The pattern simulator polices the model: deliberately broken schemes (an uncoded-like scheme with one switch per
/// rule) are caught with <see cref="ModelViolationException"/> naming the round; the honest variant passes.
/// </summary>
public class PatternSimulatorPolicingTests
{
    private enum Break { None, OverLoad, DecodeWithTooLittle, DecodeInFuture, DecodeBeforeRelease, UnreleasedJob }

    /// <summary>Uncoded: each worker computes 1/n of job r in round r; decodes job r when nobody straggled.</summary>
    private sealed class Scheme(int n, int jobs, Break fault) : ISequentialGradientScheme
    {
        private readonly int[] _decoded = Enumerable.Repeat(-1, jobs).ToArray();
        private MiniTask[] _tasks = [];
        private int _round;

        public int Workers => n;
        public int Jobs => jobs;
        public int Delay => 0;
        public int Rounds => jobs;
        public Rational Load => new(1, n);
        public int UnitsPerJob => n;
        public double UnitSize(int unit) => 1.0 / n;
        public void TaskCombination(int key, List<(int Unit, double Coefficient)> into) => into.Add((key, 1));
        public void PlanRound(int round)
        {
            _round = round;
            double size = fault == Break.OverLoad && round == 2 ? 2.0 / n : fault == Break.DecodeWithTooLittle ? 0.5 / n : 1.0 / n;
            int job = fault == Break.UnreleasedJob && round == 1 ? 2 : round;
            _tasks = [new MiniTask(job, 0, size, false)];
        }
        public ReadOnlySpan<MiniTask> Tasks(int worker) => _tasks;
        public bool RoundIsIdle => false;
        public void CompleteRound(ReadOnlySpan<bool> stragglers)
        {
            if (stragglers.Contains(true) && fault != Break.DecodeWithTooLittle) return;
            _decoded[_round] = fault == Break.DecodeInFuture && _round == 1 ? 2 : _round;
            if (fault == Break.DecodeBeforeRelease && _round == 0) _decoded[3] = 0;
        }
        public int DecodedRound(int job) => _decoded[job];
        public DecodeResult DecodeCoefficients(int job, List<(int Key, double Coefficient)> into) => throw new NotSupportedException();
    }

    [Fact]
    public void The_honest_scheme_passes_and_counts_its_missed_deadline()
    {
        var p = StragglerPattern.FromSets(3, [[], [1], [], []]);
        Assert.Equal(1, PatternSimulator.MissedDeadlines(new Scheme(3, 4, Break.None), p)); // round 1 straggled
        Assert.Equal((0, 1.0 / 3), PatternSimulator.Run(new Scheme(3, 4, Break.None), StragglerPattern.Clean(4, 3)));
    }

    [Theory]
    [InlineData((int)Break.OverLoad, 2, "above the declared load")]
    [InlineData((int)Break.DecodeWithTooLittle, 0, "of its data returned")]
    [InlineData((int)Break.DecodeInFuture, 1, "outside [1, 1]")]
    [InlineData((int)Break.DecodeBeforeRelease, 0, "before its release round 3")]
    [InlineData((int)Break.UnreleasedJob, 1, "not released by round 1")]
    public void A_broken_scheme_is_caught_at_the_round_it_breaks_the_model(int fault, long round, string rule)
    {
        var ex = Assert.Throws<ModelViolationException>(() =>
            PatternSimulator.MissedDeadlines(new Scheme(3, 4, (Break)fault), StragglerPattern.Clean(4, 3)));
        Assert.Equal(round, ex.Step);
        Assert.Contains(rule, ex.Rule, StringComparison.Ordinal);
        Assert.Equal("Scheme", ex.Algorithm);
    }

    [Theory]
    [InlineData((int)Break.OverLoad, 2, "above the declared load")]
    [InlineData((int)Break.DecodeWithTooLittle, 0, "of its data returned")]
    [InlineData((int)Break.DecodeInFuture, 1, "outside [1, 1]")]
    [InlineData((int)Break.DecodeBeforeRelease, 0, "before its release round 3")]
    [InlineData((int)Break.UnreleasedJob, 1, "not released by round 1")]
    public void The_runtime_replay_polices_the_same_rules(int fault, long round, string rule)
    {
        // Before: SgcReplay ran the scheme's state machine unchecked, so these schemes replayed "successfully".
        var trace = new StragglerTrace(4, 3, Enumerable.Repeat(1.0, 12).ToArray());
        var ex = Assert.Throws<ModelViolationException>(() =>
            SgcReplay.Run(SgcSchemeSpec.Uncoded(3), new Scheme(3, 4, (Break)fault), trace, 0.1, 4, false));
        Assert.Equal(round, ex.Step);
        Assert.Contains(rule, ex.Rule, StringComparison.Ordinal);
        var honest = SgcReplay.Run(SgcSchemeSpec.Uncoded(3), new Scheme(3, 4, Break.None), trace, 0.1, 4, false);
        Assert.Equal(4, honest.DecodedOnTime);
    }

    [Fact]
    public void The_shipped_schemes_pass_the_policing_on_a_bursty_pattern()
    {
        var m = new BurstyModel(6, 1, 3, 2);
        var p = OnlineAlgos.GradientCoding.Generators.BurstyPatternGenerator.Random(m, 12, 0.6, new Rng(3));
        Assert.Equal(0, PatternSimulator.MissedDeadlines(new MultiplexedSgcScheme(m, 8), p));
        Assert.Equal(0, PatternSimulator.MissedDeadlines(new GcScheme(6, 2, 8), p));
    }
}
