using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;
using OnlineAlgos.MoeBalancing.Online;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.MoeBalancing.Tests.Online;

/// <summary>
/// Statistical properties S1–S5 of spec §6, with fixed seeds. Sizes are reduced from the spec where stated to fit the
/// test budget; tolerances were calibrated once (values measured on this seed set are in the comments) and are frozen.
/// </summary>
public class StatisticalPropertyTests
{
    private readonly ITestOutputHelper _out;
    public StatisticalPropertyTests(ITestOutputHelper output) => _out = output;

    private static double[] Centre(ReadOnlySpan<double> p)
    {
        double m = 0;
        foreach (double v in p) m += v;
        m /= p.Length;
        var c = new double[p.Length];
        for (int i = 0; i < p.Length; i++) c[i] = p[i] - m;
        return c;
    }

    [Fact]
    public void S1_Top1Frequencies_MatchTheGumbelClosedForm()
    {
        // Spec S1 exactly: B = 10^5 tokens, E = 8, a = 1, tau = 1, logit space, 3 random bias vectors.
        // Bound 4 standard errors per expert: with 24 comparisons the chance of a false alarm is < 24 * 6.3e-5 = 0.2%.
        var rng = new Rng(2024);
        for (int rep = 0; rep < 3; rep++)
        {
            var gen = new ZipfGumbelGenerator(8, 1.0, rng, 1.0, logitSpace: true);
            var oracle = new GumbelPopulationObjective(gen.LogWeights);
            var p = Enumerable.Range(0, 8).Select(_ => rng.NextGaussian()).ToArray();
            var batch = new ScoreMatrix(100_000, 8);
            gen.Next(batch, rng);
            var (_, loads) = TopKRouter.Route(batch, p, 1);
            var pi = new double[8];
            oracle.RoutingProbabilities(p, pi);
            for (int i = 0; i < 8; i++)
            {
                double freq = loads[i] / 100_000.0, se = Math.Sqrt(pi[i] * (1 - pi[i]) / 100_000);
                Assert.True(Math.Abs(freq - pi[i]) <= 4 * se + 1e-12, $"expert {i}: {freq} vs {pi[i]} (4se = {4 * se})");
            }
        }
    }

    [Fact]
    public void S2_Ogd_ConvergesToThePopulationPrice()
    {
        // Spec S2 with the review note's choices: E = 8 (<= 16), a = 1, K = 1, eta_k = E/(k + 10) on e_i/B (OGD).
        // Reduced: B = 512, 2000 iterations, 5 seeds (spec: B = 1024, 5000, 10). Calibrated max error over the seeds:
        // see the output line; frozen tolerance 0.05 (the spec's).
        double worst = 0;
        for (int seed = 0; seed < 5; seed++)
        {
            var rng = new Rng(500 + (ulong)seed);
            var gen = new ZipfGumbelGenerator(8, 1.0, rng, 1.0, logitSpace: true);
            var pStar = Centre(gen.LogWeights.ToArray().Select(v => -v).ToArray());
            var bal = new ProportionalBalancer(8, StepSchedule.InverseLinear(8, 10), ProportionalScale.Tokens);
            MoeSimulator.Run(gen, bal, new SimulationSettings(512, 1, 2000), rng);
            var p = Centre(bal.Bias);
            double err = Enumerable.Range(0, 8).Max(i => Math.Abs(p[i] - pStar[i]));
            worst = Math.Max(worst, err);
        }
        // Calibrated: 0.0077 on these seeds.
        _out.WriteLine($"S2 worst ||centre(p) - centre(-log w)||_inf = {worst}");
        Assert.True(worst <= 0.05, $"worst error {worst}");
    }

    [Fact]
    public void S3_Ordering_AlfLb_Below_AuxLoss_Below_PlainTopK()
    {
        // Spec S3 on G2 with a = 1 in sigmoid space, aux emulation alpha = 1e-3 with eta = 1 (review note), u = 1e-3.
        // Reduced: E = 16, K = 2, T = 256, mean MaxVio_batch over iterations 500-1000, 3 seeds (spec: E = 64, K = 6,
        // T = 4096, 500-2000, 20 seeds). The ordering must hold for every seed. Calibration (T = 512, 500-1500,
        // 5 seeds): alf-lb 0.22-0.23, aux 1.54-1.55, plain 3.16-3.17: wide margins, so no tolerance is needed.
        for (int seed = 0; seed < 3; seed++)
        {
            double Mean(Func<IBiasBalancer> make)
            {
                var rng = new Rng(900 + (ulong)seed);
                var gen = new ZipfGumbelGenerator(16, 1.0, rng.Split(), 1.0, logitSpace: false);
                var m = MoeSimulator.Run(gen, make(), new SimulationSettings(256, 2, 1000), rng);
                return m.Skip(499).Average(x => x.MaxVio);
            }
            double alf = Mean(() => new AlfLbBalancer(16, 1e-3));
            double aux = Mean(() => new AuxLossEmulationBalancer(16, 1e-3, 1.0));
            double plain = Mean(() => new PlainTopKBalancer(16));
            _out.WriteLine($"S3 seed {seed}: alf-lb {alf:F4}, aux {aux:F4}, plain {plain:F4}");
            Assert.True(alf < aux && aux < plain, $"seed {seed}: {alf} / {aux} / {plain}");
        }
    }

    [Fact]
    public void S4_Regret_LogarithmicForOgdWithInverseSteps_LinearForConstantSign()
    {
        // Spec S4 with the Gumbel closed-form oracle: E = 4, a = 1, tau = 1, K = 1, B = 64, N = 1000, 10 seeds (spec: 20).
        // OGD: eta_k = 1/(mu k) with mu for the centred box of radius R = R0 + max|p*|, iterate centred and clipped to R0 = 2.
        // Expected regret sum_k F(p_k) - F(p*) is computed exactly from the oracle; bound (G^2/(2 mu))(1 + ln N).
        // Calibration (N = 2000, 20 seeds): OGD regret/(1 + ln N) = 12.7 against the T6 constant 401 (the bound is
        // loose: mu is a worst case over the box); constant-u sign regret 2.2 at N/4 and 6.7 at N (ratio 3.05).
        // Frozen: OGD below the T6 constant; constant-u ratio N vs N/4 at least 2.5 (linear growth would give 4).
        const int n = 1000, e = 4, seeds = 10;
        double meanOgd = 0, meanConstEarly = 0, meanConstLate = 0, bound = 0;
        for (int seed = 0; seed < seeds; seed++)
        {
            var rng = new Rng(1300 + (ulong)seed);
            var gen = new ZipfGumbelGenerator(e, 1.0, rng.Split(), 1.0, logitSpace: true);
            var oracle = new GumbelPopulationObjective(gen.LogWeights);
            double r = 2 + oracle.Minimizer().Max(Math.Abs);
            double mu = oracle.StrongConvexity(r);
            bound = Math.Max(bound, oracle.RegretBound(r, n));
            double fStar = oracle.MinimumValue();
            double Regret(IBiasBalancer bal, int upTo)
            {
                double reg = 0;
                var g2 = new ZipfGumbelGenerator(gen.LogWeights.ToArray(), 1.0, logitSpace: true);
                var rr = new Rng(77 + (ulong)seed);
                MoeSimulator.Run(g2, new ObservingBalancer(bal, p => reg += oracle.Value(p) - fStar), new SimulationSettings(64, 1, upTo), rr);
                return reg;
            }
            meanOgd += Regret(new ProportionalBalancer(e, StepSchedule.InverseLinear(1 / mu), ProportionalScale.Tokens, centre: true, boxRadius: 2), n) / (1 + Math.Log(n)) / seeds;
            meanConstEarly += Regret(new AlfLbBalancer(e, 0.05), n / 4) / seeds;
            meanConstLate += Regret(new AlfLbBalancer(e, 0.05), n) / seeds;
        }
        _out.WriteLine($"S4 OGD regret/(1+ln N) = {meanOgd}, bound G^2/(2mu) = {bound / (1 + Math.Log(n))}; constant-sign regret N/4: {meanConstEarly}, N: {meanConstLate}");
        Assert.True(meanOgd <= bound / (1 + Math.Log(n)), $"{meanOgd} above the T6 constant");
        // Constant steps leave a residual oscillation: regret keeps growing about linearly (ratio near 4 for 4x the steps).
        Assert.True(meanConstLate / meanConstEarly >= 2.5, $"constant-u regret ratio {meanConstLate / meanConstEarly}");
    }

    [Fact]
    public void S5_AnnealedAlfLb_ReachesTheOptimumOnSeparatedInstances()
    {
        // Spec S5: G1 with sep = 2, E = 8, K = 2, T = 128 (L = 32), annealed u_k = 1e-2/sqrt(k+1), 2000 steps, 10 seeds.
        // Calibrated: 10 of 10 seeds balanced exactly with objective = OPT.
        // "Most seeds": frozen threshold >= 6 of 10 exactly balanced with objective = OPT (within the flow's error bound).
        int hits = 0;
        for (int seed = 0; seed < 10; seed++)
        {
            var rng = new Rng(4000 + (ulong)seed);
            var s = new ScoreMatrix(128, 8);
            new IidSigmoidGenerator(8, 2.0).Next(s, rng);
            var bal = new AlfLbBalancer(8, StepSchedule.InverseSqrt(1e-2));
            int[] loads = new int[8];
            int[] a = new int[128 * 2];
            for (int k = 0; k < 2000; k++)
            {
                TopKRouter.Route(s, bal.Bias, 2, a, loads);
                bal.Update(s, loads, 2);
            }
            TopKRouter.Route(s, bal.Bias, 2, a, loads);
            var opt = MinCostFlowAssignment.Solve(s, 2, 32, balanced: true);
            bool balanced = loads.All(x => x == 32);
            double obj = BalanceMetrics.Objective(s, a, 2);
            if (balanced && Math.Abs(obj - opt.Value) <= opt.ErrorBound + 1e-9) hits++;
            _out.WriteLine($"S5 seed {seed}: maxvio {BalanceMetrics.MaxVio(loads):F4}, obj {obj:F6}, opt {opt.Value:F6}");
        }
        _out.WriteLine($"S5 hits {hits}/10");
        Assert.True(hits >= 6, $"only {hits}/10 seeds reached OPT");
    }

    /// <summary>Calls back with the bias used for each batch before delegating the update.</summary>
    private sealed class ObservingBalancer : IBiasBalancer
    {
        private readonly IBiasBalancer _inner;
        private readonly Action<double[]> _observe;
        public ObservingBalancer(IBiasBalancer inner, Action<double[]> observe) { _inner = inner; _observe = observe; }
        public string Name => _inner.Name;
        public SelectionRule Rule => _inner.Rule;
        public ReadOnlySpan<double> Bias => _inner.Bias;
        public int Step => _inner.Step;
        public void Update(ScoreMatrix batch, ReadOnlySpan<int> loads, int k)
        {
            _observe(_inner.Bias.ToArray());
            _inner.Update(batch, loads, k);
        }
        public void Reset() => _inner.Reset();
    }
}
