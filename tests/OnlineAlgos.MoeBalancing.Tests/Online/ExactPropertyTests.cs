using OnlineAlgos.Core;
using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;
using OnlineAlgos.MoeBalancing.Online;
using OnlineAlgos.MoeBalancing.Testing;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Online;

/// <summary>
/// The 12 exact properties E1–E12 of spec §6 on generated integer instances (uniform, ties, binary, identical rows,
/// superstar). Scores are integers in [0, 10⁶] and u is an integer multiple of E, so every quantity below is computed
/// exactly in double arithmetic and compared without tolerance unless stated.
/// </summary>
public class ExactPropertyTests
{
    private const int Tests = 150;

    private static void ForAll(Arbitrary<MoeInstance> arb, Func<MoeInstance, bool> property, int maxTest = Tests) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true), Prop.ForAll(arb, property));

    internal sealed record Iterate(double[] Bias, int[] Assignment, int[] Loads);

    internal static List<Iterate> RunAlf(MoeInstance inst, int steps, bool zeroMean = false)
    {
        var bal = new AlfLbBalancer(inst.Experts, inst.Rate, zeroMean);
        var list = new List<Iterate>();
        for (int s = 0; s <= steps; s++)
        {
            var (a, l) = TopKRouter.Route(inst.Scores, bal.Bias, inst.K);
            list.Add(new Iterate(bal.Bias.ToArray(), a, l));
            bal.Update(inst.Scores, l, inst.K);
        }
        return list;
    }

    private static double Dual(MoeInstance inst, double[] p) => BalanceMetrics.DualFunction(inst.Scores, p, inst.K, inst.Target);

    private static double OptBalanced(MoeInstance inst) =>
        MinCostFlowAssignment.Solve(inst.Scores, inst.K, (int)(inst.Tokens * (long)inst.K / inst.Experts), balanced: true).Value;

    [Fact]
    public void E1_Duality_DualAboveOptimum_AndGlopPricesAttainIt()
    {
        ForAll(MoeGenerators.Instances(8, 5, integerTarget: true), inst =>
        {
            double opt = OptBalanced(inst);
            foreach (var it in RunAlf(inst, 30))
                Assert.True(Dual(inst, it.Bias) >= opt, $"D(p) = {Dual(inst, it.Bias)} < OPT = {opt}");
            var lp = GlopAssignment.Solve(inst.Scores, inst.K, inst.Target, balanced: true);
            Assert.Equal(OfflineStatus.Optimal, lp.Status);
            Assert.True(Math.Abs(lp.Value - opt) <= 1e-6 * Math.Max(1, Math.Abs(opt)), $"GLOP {lp.Value} vs MCF {opt}");
            double dStar = Dual(inst, lp.Prices!);
            Assert.True(Math.Abs(dStar - opt) <= 1e-6 * Math.Max(1, Math.Abs(opt)), $"D(p*) = {dStar} vs OPT = {opt}");
            return true;
        });
    }

    [Fact]
    public void E2_Relaxations_BoundOptimum_AndCapacityMonotone()
    {
        ForAll(MoeGenerators.Instances(8, 5), inst =>
        {
            int ceilL = AssignmentProblem.DefaultCapacity(inst.Tokens, inst.K, inst.Experts);
            double ubTop = BalanceMetrics.TopKBound(inst.Scores, inst.K);
            var (_, plainLoads) = TopKRouter.Route(inst.Scores, new double[inst.Experts], inst.K);
            int plainMax = plainLoads.Length == 0 ? 0 : plainLoads.Max();
            double prev = double.NegativeInfinity;
            for (int c = ceilL; c <= Math.Max(ceilL, inst.Tokens); c++)
            {
                double opt = MinCostFlowAssignment.Solve(inst.Scores, inst.K, c).Value;
                Assert.True(opt <= ubTop, "OPT(CAP) above UB_topK");
                Assert.True(opt <= BalanceMetrics.ExpertChoiceBound(inst.Scores, inst.K, c), "OPT(CAP) above UB_EC");
                Assert.True(opt >= prev, "OPT(CAP_C) decreased in C");
                if (c >= plainMax) Assert.Equal(ubTop, opt);
                prev = opt;
            }
            if (inst.IntegerTarget)
            {
                double bap = OptBalanced(inst);
                Assert.True(bap <= ubTop && bap <= BalanceMetrics.ExpertChoiceBound(inst.Scores, inst.K, (int)inst.Target));
            }
            return true;
        });
    }

    [Fact]
    public void E3_Certificate_BalancedIterateIsOptimal_AndAFixedPoint()
    {
        int balancedSeen = 0;
        ForAll(MoeGenerators.Instances(8, 4, integerTarget: true), inst =>
        {
            double opt = OptBalanced(inst);
            var its = RunAlf(inst, 60);
            for (int s = 0; s + 1 < its.Count; s++)
            {
                if (its[s].Loads.Any(n => n != inst.Target)) continue;
                balancedSeen++;
                Assert.Equal(opt, BalanceMetrics.Objective(inst.Scores, its[s].Assignment, inst.K));
                Assert.Equal(its[s].Bias, its[s + 1].Bias);
            }
            return true;
        }, 200);
        Assert.True(balancedSeen > 0, "no balanced iterate was generated: the certificate was never exercised");
    }

    [Fact]
    public void E4_Sandwich_OnTheDualStep()
    {
        ForAll(MoeGenerators.Instances(10, 5), inst =>
        {
            var its = RunAlf(inst, 25);
            double l = inst.Target, u = inst.Rate;
            for (int s = 0; s + 1 < its.Count; s++)
            {
                var (p, n, p2, n2) = (its[s].Bias, its[s].Loads, its[s + 1].Bias, its[s + 1].Loads);
                double d = Dual(inst, p), d2 = Dual(inst, p2);
                double l1 = 0, upper = 0;
                for (int i = 0; i < n.Length; i++)
                {
                    l1 += Math.Abs(n[i] - l);
                    upper += Math.Sign(n[i] - l) * (n2[i] - l);
                }
                double tol = 1e-9 * Math.Max(1, Math.Abs(d));
                Assert.True(d - u * l1 <= d2 + tol, $"lower sandwich: {d} - {u * l1} > {d2}");
                Assert.True(d2 <= d - u * upper + tol, $"upper sandwich: {d2} > {d} - {u * upper}");
            }
            return true;
        });
    }

    [Fact]
    public void E5_PreferenceRule_OverloadedNeverGain_UnderloadedNeverLose()
    {
        ForAll(MoeGenerators.Instances(10, 6), inst =>
        {
            var its = RunAlf(inst, 25);
            int k = inst.K;
            long total = (long)inst.Tokens * k;
            for (int s = 0; s + 1 < its.Count; s++)
            {
                var a = its[s];
                var b = its[s + 1];
                var delta = new double[inst.Experts];
                for (int i = 0; i < delta.Length; i++) delta[i] = b.Bias[i] - a.Bias[i];
                for (int t = 0; t < inst.Tokens; t++)
                {
                    var before = a.Assignment.AsSpan(t * k, k).ToArray();
                    var after = b.Assignment.AsSpan(t * k, k).ToArray();
                    foreach (int left in before.Except(after))
                        foreach (int entered in after.Except(before))
                            Assert.True(delta[entered] > delta[left], $"token {t}: left {left} (Δ={delta[left]}) for {entered} (Δ={delta[entered]})");
                }
                for (int i = 0; i < inst.Experts; i++)
                {
                    int sign = AlfLbBalancer.Sign(total, inst.Experts, a.Loads[i]);
                    if (sign < 0) Assert.True(b.Loads[i] <= a.Loads[i], $"overloaded expert {i} gained tokens");
                    if (sign > 0) Assert.True(b.Loads[i] >= a.Loads[i], $"underloaded expert {i} lost tokens");
                }
            }
            return true;
        });
    }

    [Fact]
    public void E6_Invariances_Shift_ZeroMean_BiasSum_RowShift()
    {
        ForAll(MoeGenerators.Instances(10, 6), inst =>
        {
            var plain = RunAlf(inst, 20);
            var zero = RunAlf(inst, 20, zeroMean: true);
            long total = (long)inst.Tokens * inst.K;
            for (int s = 0; s < plain.Count; s++)
            {
                Assert.Equal(plain[s].Assignment, zero[s].Assignment);
                var shifted = plain[s].Bias.Select(v => v + 123_457.0).ToArray();
                Assert.Equal(plain[s].Assignment, TopKRouter.Route(inst.Scores, shifted, inst.K).Assignment);
                if (s + 1 < plain.Count)
                {
                    int under = 0, over = 0;
                    foreach (int n in plain[s].Loads)
                    {
                        int sg = AlfLbBalancer.Sign(total, inst.Experts, n);
                        if (sg > 0) under++;
                        if (sg < 0) over++;
                    }
                    Assert.Equal(inst.Rate * (under - over), plain[s + 1].Bias.Sum() - plain[s].Bias.Sum());
                    Assert.Equal(0.0, zero[s + 1].Bias.Sum());
                }
            }
            var rowShifted = inst.Scores.Clone();
            for (int t = 0; t < inst.Tokens; t++)
                for (int i = 0; i < inst.Experts; i++) rowShifted[t, i] += 1000.0 * (t + 1);
            var p = plain[^1].Bias;
            Assert.Equal(TopKRouter.Route(inst.Scores, p, inst.K).Assignment, TopKRouter.Route(rowShifted, p, inst.K).Assignment);
            return true;
        });
    }

    [Fact]
    public void E7_GrossSubstitutes_RaisingOnePrice()
    {
        ForAll(MoeGenerators.Instances(10, 6), inst =>
        {
            var its = RunAlf(inst, 10);
            var p = its[^1].Bias;
            var n = its[^1].Loads;
            for (int j = 0; j < inst.Experts; j++)
            {
                foreach (double d in new[] { 1.0, inst.Rate, 300_000.0 })
                {
                    var q = (double[])p.Clone();
                    q[j] += d;
                    var n2 = TopKRouter.Route(inst.Scores, q, inst.K).Loads;
                    Assert.True(n2[j] >= n[j], $"raising p_{j} lowered n_{j}");
                    for (int i = 0; i < inst.Experts; i++)
                        if (i != j) Assert.True(n2[i] <= n[i], $"raising p_{j} raised n_{i}");
                }
            }
            return true;
        });
    }

    [Fact]
    public void E8_WarmUp_NoChangeWhileStepsBelowHalfMargin()
    {
        ForAll(MoeGenerators.Instances(10, 6), inst =>
        {
            var its = RunAlf(inst, 30);
            var zero = new double[inst.Experts];
            int k = inst.K;
            for (int t = 0; t < inst.Tokens; t++)
            {
                double margin = TopKRouter.Margin(inst.Scores.Row(t), zero, k);
                for (int s = 0; s < its.Count; s++)
                {
                    if (!(2.0 * s * inst.Rate < margin)) break;
                    // S_t is a set: the order inside the top-K may change, membership may not.
                    Assert.Equal(its[0].Assignment.AsSpan(t * k, k).ToArray().Order(), its[s].Assignment.AsSpan(t * k, k).ToArray().Order());
                }
            }
            return true;
        });
    }

    [Fact]
    public void E9_CapacityCertificate_ComplementarySlacknessImpliesOptimal()
    {
        int fired = 0;
        ForAll(MoeGenerators.Instances(8, 5), inst =>
        {
            if (inst.Tokens == 0) return true;
            int ceilL = AssignmentProblem.DefaultCapacity(inst.Tokens, inst.K, inst.Experts);
            var candidates = RunAlf(inst, 30).Select(i => i.Bias).ToList();
            for (int c = ceilL; c <= Math.Min(inst.Tokens, ceilL + 2); c++)
            {
                var lp = GlopAssignment.Solve(inst.Scores, inst.K, c, balanced: false);
                if (lp.Prices is not null) candidates.Add(lp.Prices.Select(v => Math.Round(v)).ToArray());
                double opt = MinCostFlowAssignment.Solve(inst.Scores, inst.K, c).Value;
                foreach (var p0 in candidates)
                {
                    double max = p0.Max();
                    var p = p0.Select(v => v - max).ToArray();
                    var (a, n) = TopKRouter.Route(inst.Scores, p, inst.K);
                    bool holds = true;
                    for (int i = 0; i < n.Length; i++)
                        if (n[i] > c || (p[i] < 0 && n[i] != c)) holds = false;
                    if (!holds) continue;
                    fired++;
                    Assert.Equal(opt, BalanceMetrics.Objective(inst.Scores, a, inst.K));
                }
            }
            return true;
        });
        Assert.True(fired > 0, "the capacity certificate's premise never held: the test exercised nothing");
    }

    [Fact]
    public void E10_Conservation_AndCapacityDropping()
    {
        ForAll(MoeGenerators.Instances(12, 6), inst =>
        {
            foreach (var it in RunAlf(inst, 10))
            {
                Assert.Equal((long)inst.Tokens * inst.K, it.Loads.Sum());
                for (int t = 0; t < inst.Tokens; t++)
                    Assert.Equal(inst.K, it.Assignment.AsSpan(t * inst.K, inst.K).ToArray().Distinct().Count());
                for (int c = 0; c <= inst.Tokens; c += Math.Max(1, inst.Tokens / 3))
                {
                    long excess = it.Loads.Sum(n => (long)Math.Max(0, n - c));
                    var hi = CapacityDropping.Apply(inst.Scores, it.Assignment, inst.K, c, DropPolicy.HighestScore);
                    var early = CapacityDropping.Apply(inst.Scores, it.Assignment, inst.K, c, DropPolicy.EarliestToken);
                    foreach (var dr in new[] { hi, early })
                    {
                        Assert.All(dr.Loads, n => Assert.True(n <= c));
                        Assert.Equal(excess, dr.Dropped);
                        Assert.Equal(dr.Kept.Count(x => !x), dr.Dropped);
                    }
                    Assert.True(hi.KeptObjective >= early.KeptObjective, "highest-score policy kept less score than earliest-token");
                }
            }
            return true;
        });
    }

    [Fact]
    public void E11_IdenticalRows_MaxVioIsEOverKMinusOne()
    {
        var arb = Arb.From(MoeGenerators.InstanceGen(10, 6, false).Where(i => i.Family == "identical" && i.Tokens > 0));
        ForAll(arb, inst =>
        {
            double expected = (double)inst.Experts / inst.K - 1;
            foreach (var it in RunAlf(inst, 40))
                Assert.True(Math.Abs(BalanceMetrics.MaxVio(it.Loads) - expected) <= 1e-12, $"MaxVio {BalanceMetrics.MaxVio(it.Loads)} != {expected}");
            return true;
        }, 60);
    }

    [Fact]
    public void E12_ConstantStep_CentredStateCycles_AndRepeatsExactly()
    {
        ForAll(MoeGenerators.Instances(8, 5), inst =>
        {
            var rep = CycleDetection.Run(inst.Scores, inst.K, inst.Rate, 20_000);
            Assert.True(rep.Found, "no cycle within 20000 steps");
            Assert.True(rep.CycleLength >= 1);
            // Independent replay with the balancer class: the centred bias and routing repeat with that period.
            var its = RunAlf(inst, rep.FirstVisit + 2 * rep.CycleLength);
            double[] Centred(double[] p) => p.Select(v => v - p[0]).ToArray();
            for (int s = rep.FirstVisit; s < rep.FirstVisit + rep.CycleLength; s++)
            {
                Assert.Equal(Centred(its[s].Bias), Centred(its[s + rep.CycleLength].Bias));
                Assert.Equal(its[s].Assignment, its[s + rep.CycleLength].Assignment);
            }
            Assert.True(rep.MaxLoad >= Math.Ceiling(inst.Target - 1e-9));
            return true;
        }, 100);
    }
}
