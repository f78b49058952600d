using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Online;
using OnlineAlgos.GradientCoding.Testing;
using OnlineAlgos.Testing;
using Xunit;

namespace OnlineAlgos.GradientCoding.Testing.Tests;

/// <summary>The SGC testing kit: sized generators, shrinking (seeds too), the text round trip, replay of a saved file,
/// and the one-call checks catching a deliberately false claim.</summary>
public class SgcKitTests
{
    private static int Stragglers(StragglerPattern p)
    {
        int c = 0;
        for (int r = 0; r < p.Rounds; r++) c += p.CountInRound(r);
        return c;
    }

    [Fact]
    public void Generator_is_sized_small_at_size_0_and_reaches_the_caps_at_size_100()
    {
        var gen = SgcGenerators.InstanceGen(10, 6, 20, false);
        var small = Gen.Sample(gen, 0, new Rnd(1UL, 3UL), 50);
        Assert.All(small, x => { Assert.Equal(2, x.Model.Workers); Assert.Equal(2, x.Model.W); Assert.Equal(1, x.Jobs); });
        var large = Gen.Sample(gen, 100, new Rnd(1UL, 3UL), 300);
        Assert.Contains(large, x => x.Model.Workers == 10);
        Assert.Contains(large, x => x.Jobs == 20);
        Assert.Contains(large, x => x.Model.W == 6);
    }

    [Fact]
    public void Every_shrink_is_no_larger_and_each_step_shrinks_something()
    {
        var sample = Gen.Sample(SgcGenerators.InstanceGen(10, 6, 20, false), 100, new Rnd(5UL, 7UL), 40);
        foreach (var x in sample)
            foreach (var y in SgcGenerators.Shrink(x))
            {
                Assert.Equal(x.Model, y.Model);
                Assert.True(y.Jobs <= x.Jobs && y.Pattern.Rounds <= x.Pattern.Rounds && y.Seed <= x.Seed);
                bool smaller = y.Jobs < x.Jobs || y.Pattern.Rounds < x.Pattern.Rounds || y.Seed < x.Seed
                    || Stragglers(y.Pattern) < Stragglers(x.Pattern);
                Assert.True(smaller, $"shrink of {x} did not shrink");
                Assert.True(x.Model.AdmitsBruteForce(y.Pattern) || !x.Model.AdmitsBruteForce(x.Pattern));
            }
    }

    [Fact]
    public void Seeds_shrink_toward_zero_with_the_same_model_and_family()
    {
        var m = new BurstyModel(6, 1, 3, 2);
        var x = SgcGenerators.Create(m, 5, 1, 1000);
        var seeds = SgcGenerators.Shrink(x).Where(y => y.PatternKind == 1).Select(y => y.Seed).ToList();
        Assert.Equal([0UL, 500UL], seeds);
        var zero = SgcGenerators.Shrink(x).First();
        Assert.Equal(SgcGenerators.Create(m, 5, 1, 0), zero);
        Assert.DoesNotContain(SgcGenerators.Shrink(zero), y => y.PatternKind >= 0); // seed 0: no seed shrink left
    }

    [Fact]
    public void Parse_of_ToText_is_the_same_instance()
    {
        foreach (var x in Gen.Sample(SgcGenerators.InstanceGen(10, 6, 20, false), 60, new Rnd(11UL, 13UL), 60))
        {
            var y = SgcInstance.Parse(x.ToText(), "x");
            Assert.Equal(x, y);
            Assert.Equal(x.ToText(), y.ToText());
        }
        var a = SgcGenerators.Create(new BurstyModel(4, 1, 2, 2), 3, 4, 0);
        var flipped = SgcInstance.Parse(a.ToText().Replace("\n0,2,0\n", "\n0,2,1\n", StringComparison.Ordinal), "x");
        Assert.NotEqual(a, flipped); // equality sees the cells
    }

    [Theory]
    [InlineData("round,worker,straggler\n0,0,0\n", 1)]
    [InlineData("# n=2 B=1 W=2 lambda=1\nround,worker,straggler\n0,0,0\n0,1,0\n", 1)]
    [InlineData("# n=2 B=1 W=2 lambda=1 J=1\nround,worker,straggler\n0,0,0\n0,1,2\n", 4)]
    [InlineData("# n=3 B=1 W=2 lambda=1 J=1\nround,worker,straggler\n0,0,0\n0,1,0\n", 2)]
    [InlineData("# n=2 B=3 W=2 lambda=1 J=1\nround,worker,straggler\n0,0,0\n0,1,0\n", 1)]
    public void Parse_rejects_malformed_text_with_the_line(string text, long line)
    {
        var ex = Assert.Throws<InstanceFormatException>(() => SgcInstance.Parse(text, "bad.csv"));
        Assert.Equal(line, ex.Line);
        Assert.Equal("bad.csv", ex.SourceName);
    }

    private static string Instances()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? ".", "instances", "gradient-coding");
    }

    [Fact]
    public void Replay_of_the_saved_SR_SGC_counterexample_reproduces_its_costs()
    {
        string file = Path.Combine(Instances(), "srsgc-s-minus-1-n6-B1-W2-lambda6-J2.csv");
        // The real SR-SGC decodes both jobs: the replay holds with ALG = 0 missed deadlines.
        var ok = SgcChecks.Replay(file, "sr-sgc");
        Assert.Equal(0L, ok.Algorithm.Cost);
        Assert.Equal(0L, ok.Optimum);
        // The s-1 mutant it was shrunk for still misses job 1: one missed deadline, caught again.
        var ex = Assert.Throws<CounterexampleException>(() => SgcChecks.Replay(file, "sr-sgc(s-1)",
            x => new SelectiveReattemptSgcScheme(x.Model, x.Jobs, unsafeToleranceOverride: 2)));
        Assert.Equal("1", ex.AlgorithmCost);
        Assert.Equal("0", ex.OptimumCost);
    }

    [Fact]
    public void One_call_feasibility_check_passes_for_M_SGC_and_catches_a_weakened_code_shrunk()
    {
        SgcChecks.Feasibility("m-sgc", maxTest: 150);
        var ex = Assert.Throws<CounterexampleException>(() => SgcChecks.Feasibility("m-sgc(lambda-1)",
            x => x.Model.Lambda >= 2 && x.Model.Lambda < x.Model.Workers ? new MultiplexedSgcScheme(x.Model, x.Jobs, d2ToleranceOverride: x.Model.Lambda - 1) : null,
            maxTest: 300));
        var shrunk = SgcInstance.Parse(ex.InstanceText, "counterexample");
        Assert.True(shrunk.Model.Workers <= 10 && shrunk.Jobs <= 20);
        Assert.True(long.Parse(ex.AlgorithmCost, System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public void One_call_load_check_passes_for_GC_and_catches_a_scheme_claiming_too_little_load()
    {
        SgcChecks.LoadAtLeastLp("gc", maxTest: 100);
        // A "scheme" that gives each worker only 1/(2n) of a job per round and still claims to decode: the
        // policing simulator throws (decoded with too little data), which the check reports as a failure.
        var ex = Assert.ThrowsAny<Exception>(() => SgcChecks.LoadAtLeastLp("half-uncoded", x => new HalfLoadScheme(x.Model.Workers, x.Jobs), maxTest: 50));
        Assert.True(ex is CounterexampleException || ex is ModelViolationException, ex.GetType().Name);
    }
}
