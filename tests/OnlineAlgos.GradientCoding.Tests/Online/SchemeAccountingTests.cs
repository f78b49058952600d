using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Online;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Online;

public class SchemeAccountingTests
{
    private static void Run(ISequentialGradientScheme scheme, StragglerPattern p, Action<int> afterPlan)
    {
        var clean = new bool[scheme.Workers];
        for (int r = 0; r < scheme.Rounds; r++)
        {
            scheme.PlanRound(r);
            afterPlan(r);
            scheme.CompleteRound(r < p.Rounds ? p.Round(r) : clean);
        }
    }

    [Fact]
    public void MSgc_steady_state_work_equals_the_load_formula_and_job_data_sums_to_one()
    {
        // Spec §6 item 8 (with its review note: only rounds M-1 <= r <= J-1 are full; others are <= L).
        var rng = new Rng(8);
        for (int k = 0; k < 120; k++)
        {
            int n = rng.NextInt(2, 11), w = rng.NextInt(2, 7), b = rng.NextInt(1, w), l = rng.NextInt(1, n), jobs = rng.NextInt(w + b, 20);
            var m = new BurstyModel(n, b, w, l);
            var scheme = new MultiplexedSgcScheme(m, jobs);
            double load = scheme.Load.ToDouble();
            var p = BurstyPatternGenerator.Random(m, scheme.Rounds, 0.4, rng.Split());
            int slots = w - 1 + b;
            Run(scheme, p, r =>
            {
                for (int i = 0; i < n; i++)
                {
                    double work = scheme.WorkOf(i);
                    if (r >= slots - 1 && r <= jobs - 1) Assert.Equal(load, work, 12);
                    else Assert.True(work <= load + 1e-12);
                }
            });
            double total = 0;
            for (int u = 0; u < scheme.UnitsPerJob; u++) total += scheme.UnitSize(u);
            Assert.Equal(1.0, total, 12);
            var expectedD1 = new Rational((long)(l + 1) * (w - 1), (long)(l + 1) * (w - 1) + b);
            Assert.Equal(expectedD1, scheme.D1Fraction);
        }
    }

    [Fact]
    public void MSgc_with_lambda_equal_n_has_no_D2_and_survives_everyone_straggling_for_B_rounds()
    {
        // Spec §6 edge cases: lambda = n, all workers straggle for B rounds.
        var m = new BurstyModel(5, 2, 4, 5);
        var scheme = new MultiplexedSgcScheme(m, 6);
        Assert.Equal(5 * 3, scheme.UnitsPerJob);
        Assert.Equal(new Rational(5, 15), scheme.Load); // (W-1+B)/(n(W-1))
        var p = BurstyPatternGenerator.Periodic(m, 20);
        Assert.Equal(5, p.CountInRound(0));
        Assert.Equal(0, PatternSimulator.MissedDeadlines(scheme, p));
    }

    [Fact]
    public void SrSgc_reattempts_at_most_v_minus_s_and_only_workers_missing_the_job()
    {
        // Spec §6 item 11.
        var rng = new Rng(9);
        for (int k = 0; k < 200; k++)
        {
            int n = rng.NextInt(2, 12), x = rng.NextInt(1, 4), b = rng.NextInt(1, 3), l = rng.NextInt(1, n + 1), jobs = rng.NextInt(1, 20);
            int w = x * b + 1;
            if (SchemeLoads.SrSgcS(b, w, l) > n - 1) continue;
            var m = new BurstyModel(n, b, w, l);
            var scheme = new SelectiveReattemptSgcScheme(m, jobs);
            var p = BurstyPatternGenerator.Random(m, scheme.Rounds, 0.5, rng.Split());
            var returned = new bool[jobs, n];
            var clean = new bool[n];
            for (int r = 0; r < scheme.Rounds; r++)
            {
                int j = r - b;
                int missingBefore = j >= 0 && j < jobs ? n - scheme.ReturnedCount(j) : 0;
                scheme.PlanRound(r);
                int re = 0;
                for (int i = 0; i < n; i++)
                    foreach (var t in scheme.Tasks(i))
                    {
                        Assert.True(scheme.Tasks(i).Length == 1);
                        if (!t.IsReattempt) { Assert.Equal(r, t.Job); continue; }
                        re++;
                        Assert.Equal(j, t.Job);
                        Assert.False(returned[j, i], "re-attempt by a worker that already returned the job");
                    }
                Assert.True(re <= Math.Max(0, missingBefore - scheme.Tolerance));
                var st = r < p.Rounds ? p.Round(r) : clean;
                for (int i = 0; i < n; i++)
                    if (!st[i])
                        foreach (var t in scheme.Tasks(i)) returned[t.Job, i] = true;
                scheme.CompleteRound(st);
            }
            for (int jj = 0; jj < jobs; jj++)
            {
                int d = scheme.DecodedRound(jj);
                Assert.InRange(d, jj, jj + b); // decoded once, never later than its deadline
            }
        }
    }

    [Fact]
    public void Jobs_fewer_than_T_and_zero_jobs_work()
    {
        var m = new BurstyModel(6, 2, 5, 3);
        var ms = new MultiplexedSgcScheme(m, 2); // T = 5 > J
        Assert.Equal(7, ms.Rounds);
        Assert.Equal(0, PatternSimulator.MissedDeadlines(ms, BurstyPatternGenerator.Random(m, 7, 1.0, new Rng(1))));
        Assert.Equal(0, PatternSimulator.MissedDeadlines(new SelectiveReattemptSgcScheme(m, 0), StragglerPattern.Clean(2, 6)));
    }

    [Fact]
    public void Gc_with_s_0_is_uncoded_and_s_n_minus_1_survives_all_but_one()
    {
        var p = StragglerPattern.FromSets(4, [[0], [], [0, 1, 2]]);
        Assert.Equal(2, PatternSimulator.MissedDeadlines(new GcScheme(4, 0, 3), p));
        Assert.Equal(0, PatternSimulator.MissedDeadlines(new GcScheme(4, 3, 3), p));
    }

    [Fact]
    public void Lower_bound_instance_is_admissible_and_MSgc_meets_the_bound_at_lambda_n_minus_1()
    {
        // Spec §3.4: periodic instance admissible; at lambda = n-1 the M-SGC load equals the bound and M-SGC decodes it.
        var m = new BurstyModel(6, 2, 3, 5);
        var p = BurstyPatternGenerator.Periodic(m, 30);
        Assert.True(m.AdmitsBruteForce(p));
        var scheme = new MultiplexedSgcScheme(m, 26);
        Assert.Equal(SchemeLoads.LowerBound(m), scheme.Load);
        Assert.Equal(0, PatternSimulator.MissedDeadlines(scheme, p));
    }
}
