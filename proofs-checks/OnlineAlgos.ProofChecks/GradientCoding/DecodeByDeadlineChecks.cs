using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Online;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.ProofChecks.GradientCoding;

/// <summary>
/// Spec §6 items 3-4 (Krishnan et al. ICLR 2023, spec §3.2-3.3): M-SGC decodes every job by t+W−2+B and SR-SGC by
/// t+B on every admissible pattern. The unit tests run 1,200 random instances and seven hand-picked small models;
/// here: the spec's full 6,000-instance sweep (other seed) and every admissible pattern of every model in the box
/// n ≤ 3, W ≤ 4, B &lt; W, lambda ≤ n (J = 3, or J = 2 where n(3+T) &gt; 18; about 139,000 patterns in all).
/// GC with s = lambda rides along (§3.1).
/// </summary>
public class DecodeByDeadlineChecks
{
    private readonly ITestOutputHelper _out;
    public DecodeByDeadlineChecks(ITestOutputHelper output) => _out = output;

    private static bool SrValid(int n, int b, int w, int l) => (w - 1) % b == 0 && SchemeLoads.SrSgcS(b, w, l) <= n - 1;

    [Fact]
    public void Spec_sweep_of_6000_random_and_greedy_instances_has_no_missed_deadline()
    {
        // n <= 12, 2 <= W <= 7, 1 <= B < W, 1 <= lambda <= n, J <= 25, p cycling through {0.1, 0.3, 0.6, 1.0}.
        var rng = new Rng(0x5EC6);
        double[] ps = [0.1, 0.3, 0.6, 1.0];
        int sr = 0, gc = 0;
        for (int k = 0; k < 6000; k++)
        {
            int n = rng.NextInt(1, 13), w = rng.NextInt(2, 8), b = rng.NextInt(1, w), l = rng.NextInt(1, n + 1), jobs = rng.NextInt(1, 26);
            var m = new BurstyModel(n, b, w, l);
            var p = BurstyPatternGenerator.Random(m, jobs + w + b, ps[k % 4], rng.Split());
            Assert.True(PatternSimulator.MissedDeadlines(new MultiplexedSgcScheme(m, jobs), p) == 0, $"m-sgc {m} J={jobs} {p}");
            if (SrValid(n, b, w, l))
            {
                Assert.True(PatternSimulator.MissedDeadlines(new SelectiveReattemptSgcScheme(m, jobs), p) == 0, $"sr-sgc {m} J={jobs} {p}");
                sr++;
            }
            if (l < n)
            {
                Assert.True(PatternSimulator.MissedDeadlines(new GcScheme(n, l, jobs), p) == 0, $"gc {m} J={jobs} {p}");
                gc++;
            }
        }
        _out.WriteLine($"6000 M-SGC, {sr} SR-SGC, {gc} GC instances: no missed deadline");
        Assert.True(sr > 1000, $"only {sr} SR-SGC instances");
    }

    [Fact]
    public void Every_admissible_pattern_of_every_small_model_is_decoded_on_time()
    {
        long patterns = 0;
        int models = 0;
        for (int n = 1; n <= 3; n++)
            for (int w = 2; w <= 4; w++)
                for (int b = 1; b < w; b++)
                    for (int l = 1; l <= n; l++)
                    {
                        var m = new BurstyModel(n, b, w, l);
                        int t = w - 2 + b;
                        // Pattern counts grow like 2^(n(J+T)); with J = 3 the model (3,3,4,3) alone would have 421,875.
                        int jobs = n * (3 + t) > 18 ? 2 : 3;
                        bool sr = SrValid(n, b, w, l);
                        long count = 0;
                        foreach (var p in BurstyPatternGenerator.All(m, jobs + t))
                        {
                            Assert.True(PatternSimulator.MissedDeadlines(new MultiplexedSgcScheme(m, jobs), p) == 0, $"m-sgc {m} J={jobs} {p}");
                            if (sr) Assert.True(PatternSimulator.MissedDeadlines(new SelectiveReattemptSgcScheme(m, jobs), p) == 0, $"sr-sgc {m} J={jobs} {p}");
                            if (l < n) Assert.True(PatternSimulator.MissedDeadlines(new GcScheme(n, l, jobs), p) == 0, $"gc {m} J={jobs} {p}");
                            count++;
                        }
                        Assert.True(count >= 2, $"{m}: only {count} patterns");
                        patterns += count;
                        models++;
                    }
        _out.WriteLine($"{models} models, {patterns} admissible patterns, all decoded by their deadlines");
        Assert.Equal(6 * 6, models); // (1+2+3) (n, lambda) pairs x (1+2+3) (W, B) pairs
        Assert.True(patterns > 100_000, $"only {patterns} patterns");
    }
}
