using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Offline;
using OnlineAlgos.GradientCoding.Online;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Online;

public class SgcReplayTests
{
    private static StragglerTrace Trace(double[,] d)
    {
        int rounds = d.GetLength(0), n = d.GetLength(1);
        var flat = new double[rounds * n];
        for (int r = 0; r < rounds; r++) for (int i = 0; i < n; i++) flat[r * n + i] = d[r, i];
        return new StragglerTrace(rounds, n, flat);
    }

    [Fact]
    public void Hand_checked_replay_of_gc_and_uncoded()
    {
        // mu = 1: round 0 cutoff 2, worker 3 at 5 s straggles; round 1 cutoff 2, two stragglers (3 s, 4 s).
        var t = Trace(new double[,] { { 1, 1.5, 1.2, 5 }, { 1, 3, 4, 1.1 }, { 1, 1, 1, 1.9 } });
        var gc1 = SgcReplay.Run(SgcSchemeSpec.Gc(4, 1), t, 1.0, 3);
        Assert.Equal(2 + 4 + 1.9, gc1.Runtime, 12); // accept (2), wait out (4), clean (1.9)
        Assert.Equal(1, gc1.WaitOuts);
        Assert.Equal(3, gc1.DecodedOnTime);
        var unc = SgcReplay.Run(SgcSchemeSpec.Uncoded(4), t, 1.0, 3);
        Assert.Equal(5 + 4 + 1.9, unc.Runtime, 12); // sum of maxima (spec §6 item 10)
        var strict = SgcReplay.Run(SgcSchemeSpec.Gc(4, 1), t, 1.0, 3, gcStrictLess: true);
        Assert.Equal(5 + 4 + 1.9, strict.Runtime, 12); // the authors' "< s" waits even for one straggler
    }

    [Fact]
    public void Every_round_costs_at_least_min_of_cutoff_and_max_and_all_jobs_decode_on_time()
    {
        var gen = new SyntheticTraceGenerator();
        var rng = new Rng(31);
        for (int k = 0; k < 10; k++)
        {
            var t = gen.Generate(64, 40, 0.0, rng.Split());
            var specs = new[] { SgcSchemeSpec.Uncoded(64), SgcSchemeSpec.Gc(64, 5), SgcSchemeSpec.SrSgc(64, 1, 2, 8), SgcSchemeSpec.MSgc(64, 1, 2, 8), SgcSchemeSpec.MSgc(64, 2, 3, 10) };
            foreach (var s in specs)
            {
                var res = SgcReplay.Run(s, t, 1.0, 36);
                Assert.Equal(36, res.DecodedOnTime);
                for (int r = 0; r < res.Durations.Count; r++)
                {
                    if (res.Idle[r]) { Assert.Equal(0, res.Durations[r]); continue; }
                    Assert.True(res.Durations[r] >= SgcReplay.RoundDuration(t, r, 1.0, false) - 1e-12);
                    Assert.Equal(res.WaitOut[r] ? t.Max(r) : Math.Min(2 * t.Min(r), t.Max(r)), res.Durations[r], 12);
                }
            }
        }
    }

    [Fact]
    public void Without_stragglers_all_schemes_cost_the_same_then_MSgc_pays_its_tail_and_SrSgc_tail_is_free()
    {
        // Spec §6 item 10, last clause.
        var rng = new Rng(4);
        var d = new double[12 * 16];
        for (int k = 0; k < d.Length; k++) d[k] = 1 + 0.5 * rng.NextDouble(); // max < 2 x min: nobody straggles
        var t = new StragglerTrace(12, 16, d);
        int jobs = 8;
        double main = 0;
        for (int r = 0; r < jobs; r++) main += t.Max(r);
        var gc = SgcReplay.Run(SgcSchemeSpec.Gc(16, 3), t, 1.0, jobs);
        var sr = SgcReplay.Run(SgcSchemeSpec.SrSgc(16, 2, 3, 6), t, 1.0, jobs);
        var ms = SgcReplay.Run(SgcSchemeSpec.MSgc(16, 2, 3, 6), t, 1.0, jobs);
        Assert.Equal(main, gc.Runtime, 12);
        Assert.Equal(main, sr.Runtime, 12);
        double tail = 0;
        for (int r = jobs; r < jobs + 3; r++) tail += t.Max(r);
        Assert.Equal(main + tail, ms.Runtime, 12);
    }

    [Fact]
    public void Decomposition_adds_up_to_the_runtime_difference()
    {
        var gen = new SyntheticTraceGenerator();
        var rng = new Rng(5);
        var baseTrace = gen.Generate(128, 60, 0.0, rng);
        var gcSpec = SgcSchemeSpec.Gc(128, 15);
        var msSpec = SgcSchemeSpec.MSgc(128, 1, 2, 27);
        var gcT = ParameterSearch.AtLoad(baseTrace, 0, gcSpec.Load.ToDouble(), 2.2);
        var msT = ParameterSearch.AtLoad(baseTrace, 0, msSpec.Load.ToDouble(), 2.2);
        var gc = SgcReplay.Run(gcSpec, gcT, 1.0, 56);
        var ms = SgcReplay.Run(msSpec, msT, 1.0, 56);
        var (load, wait, tail) = SgcReplay.Decompose(ms, msT, gc, gcT, 1.0);
        Assert.Equal(ms.Runtime - gc.Runtime, load + wait + tail, 9);
        Assert.True(load < 0); // a lower load makes every round shorter
        Assert.True(tail > 0);
    }

    [Fact]
    public void Grid_search_returns_the_fastest_candidate()
    {
        var t = new SyntheticTraceGenerator().Generate(16, 20, 0.0, new Rng(6));
        var (best, replay) = ParameterSearch.Best(SgcSchemeKind.MSgc, t, 0, 2.2, 1.0, 4);
        foreach (var s in ParameterSearch.Grid(SgcSchemeKind.MSgc, 16, 4))
            Assert.True(replay.Runtime <= SgcReplay.Run(s, ParameterSearch.AtLoad(t, 0, s.Load.ToDouble(), 2.2), 1.0, 16).Runtime + 1e-12);
        Assert.True(best.W - 1 + best.B <= 4);
        Assert.Equal(16 * 4, ParameterSearch.Grid(SgcSchemeKind.MSgc, 16, 4).Count); // (2,1),(3,1),(3,2),(4,1) x lambda
    }

    [Fact]
    public void Calibrated_generator_GC_beats_uncoded_and_MSgc_gains_on_GC_as_kappa_grows()
    {
        // Spec §6 statistical (c), a regression check not a theorem: n = 256, mu = 1, 10 runs of 200 rounds from the
        // generator fitted to the stored trace's statistics; 95% t-intervals of paired differences (t_9 = 2.262).
        // Measured (not tuned): at kappa = 2.2 M-SGC (1,2,27) is SLOWER than GC s = 15 on this generator (about +18 s
        // per 198 jobs), because a worker straggling in two consecutive rounds forces a wait-out almost every round;
        // the paper's M-SGC < GC ordering appears only once kappa is large enough for the load saving to dominate.
        var gen = new SyntheticTraceGenerator();
        var rng = new Rng(2023);
        var gcSpec = SgcSchemeSpec.Gc(256, 15);
        var msSpec = SgcSchemeSpec.MSgc(256, 1, 2, 27);
        var unSpec = SgcSchemeSpec.Uncoded(256);
        var dMsGc = new double[10];
        var dMsGcHigh = new double[10];
        var dGcUn = new double[10];
        for (int k = 0; k < 10; k++)
        {
            var t = gen.Generate(256, 200, 0.0, rng.Split());
            double Rt(SgcSchemeSpec s, double kappa) => SgcReplay.Run(s, ParameterSearch.AtLoad(t, 0, s.Load.ToDouble(), kappa), 1.0, 198).Runtime;
            double gc = Rt(gcSpec, 2.2013);
            dMsGc[k] = Rt(msSpec, 2.2013) - gc;
            dGcUn[k] = gc - Rt(unSpec, 2.2013);
            dMsGcHigh[k] = Rt(msSpec, 10) - Rt(gcSpec, 10);
        }
        static (double Mean, double Half) Ci(double[] x)
        {
            double mean = x.Average(), sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
            return (mean, 2.262 * sd / Math.Sqrt(x.Length));
        }
        var gcUn = Ci(dGcUn);
        Assert.True(gcUn.Mean + gcUn.Half < 0, $"GC - uncoded = {gcUn.Mean} +- {gcUn.Half}");
        var low = Ci(dMsGc);
        var high = Ci(dMsGcHigh);
        Assert.True(high.Mean + high.Half < 0, $"at kappa 10: M-SGC - GC = {high.Mean} +- {high.Half}");
        Assert.True(high.Mean < low.Mean, $"M-SGC - GC: {low.Mean} at kappa 2.2, {high.Mean} at kappa 10");
    }
}
