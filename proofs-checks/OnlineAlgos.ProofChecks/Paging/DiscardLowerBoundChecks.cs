using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using Xunit;

namespace OnlineAlgos.ProofChecks.Paging;

/// <summary>
/// Numeric checks of the discard-setup lower bounds (Antoniadis et al. 2023, quoted second-hand in spec §3) on the
/// reconstructed adversarial families: against every deterministic algorithm here, any valid (α, β, γ) bound
/// ALG ≤ α·OPT + β·η₀ + γ·η₁ must have α + β ≥ k (all-0 family) and α + (k−1)·γ ≥ k (all-1 family), up to the
/// cold-start slack that vanishes as n grows (we allow 3 %). Randomized: on uniform requests over k+1 pages with
/// all-0 bits (η₀ ≤ OPT) E[ALG]/OPT approaches H_k, so α + β ≥ H_k (we allow 10 %, 40 runs).
/// </summary>
public class DiscardLowerBoundChecks
{
    private static IEnumerable<(string Name, Func<byte[], IOnlinePagingAlgorithm> Create)> Deterministic()
    {
        yield return ("mark0", b => new Mark0DiscardPaging(b));
        yield return ("follow-discard", b => new FollowDiscardPaging(b));
        yield return ("det(mark0,lru)", b => new DeterministicCombinerPaging(new Mark0DiscardPaging(b), new LruPaging(), 0.01));
        yield return ("lru (ignores bits)", _ => new LruPaging());
        yield return ("fifo (ignores bits)", _ => new FifoPaging());
    }

    /// <summary>Smallest α + c·(coefficient needed for the error term) over a grid of α ∈ [0, ALG/OPT].</summary>
    private static double MinImplied(double alg, double opt, double eta, double c)
    {
        double best = double.PositiveInfinity;
        for (double alpha = 0; alpha <= alg / opt + 1e-9; alpha += 0.05)
        {
            double needed = Math.Max(0, (alg - alpha * opt) / eta);
            best = Math.Min(best, alpha + c * needed);
        }
        return Math.Min(best, alg / opt); // α = ALG/OPT with zero error coefficient
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(12)]
    public void All_zero_family_forces_alpha_plus_beta_at_least_k(int k)
    {
        foreach (var (name, create) in Deterministic())
        {
            var seq = DiscardLowerBoundFamily.Build(create, k, 400 * k, 0);
            var truth = new byte[seq.Length];
            long opt = BeladyPaging.Run(seq, k, truth);
            long alg = PagingSimulator.Run(create(seq.Bits.ToArray()), seq, k);
            var e = PredictionErrors.Compute(seq.Bits, truth);
            Assert.Equal(seq.Length, alg); // the adversary makes every request fault
            Assert.Equal(0, e.Eta1);
            Assert.True(e.Eta0 <= opt);
            double implied = MinImplied(alg, opt, e.Eta0, 1);
            Assert.True(implied >= 0.97 * k, $"{name}, k={k}: α+β ≥ {implied:F3} only");
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(12)]
    public void All_one_family_forces_alpha_plus_k_minus_1_gamma_at_least_k(int k)
    {
        foreach (var (name, create) in Deterministic())
        {
            var seq = DiscardLowerBoundFamily.Build(create, k, 400 * k, 1);
            var truth = new byte[seq.Length];
            long opt = BeladyPaging.Run(seq, k, truth);
            long alg = PagingSimulator.Run(create(seq.Bits.ToArray()), seq, k);
            var e = PredictionErrors.Compute(seq.Bits, truth);
            Assert.Equal(0, e.Eta0);
            double implied = MinImplied(alg, opt, e.Eta1, k - 1);
            Assert.True(implied >= 0.97 * k, $"{name}, k={k}: α+(k−1)γ ≥ {implied:F3} only");
        }
    }

    [Fact]
    public void Spec_measured_values_reproduce()
    {
        // spec §3: k = 3, 5, 8, n = 400: OPT = 136, 84, 57; η1/OPT = 1.96, 3.82, 6.16 (all-1); η0/OPT = 0.98, 0.94, 0.86.
        int[] ks = [3, 5, 8];
        long[] opts = [136, 84, 57];
        double[] eta1 = [1.96, 3.82, 6.16], eta0 = [0.98, 0.94, 0.86];
        for (int i = 0; i < 3; i++)
        {
            foreach (byte bit in new byte[] { 0, 1 })
            {
                var seq = DiscardLowerBoundFamily.Build(b => new Mark0DiscardPaging(b), ks[i], 400, bit);
                var truth = new byte[400];
                long opt = BeladyPaging.Run(seq, ks[i], truth);
                Assert.Equal(opts[i], opt);
                var e = PredictionErrors.Compute(seq.Bits, truth);
                if (bit == 0) Assert.Equal(eta0[i], e.Eta0 / (double)opt, 2);
                else Assert.Equal(eta1[i], e.Eta1 / (double)opt, 2);
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Uniform_family_forces_h_k_for_randomized_algorithms(int k)
    {
        double hk = 0;
        for (int i = 1; i <= k; i++) hk += 1.0 / i;
        var seq = DiscardLowerBoundFamily.UniformOverKPlusOne(k, 3000 * k, new Rng(17));
        var truth = new byte[seq.Length];
        long opt = BeladyPaging.Run(seq, k, truth);
        var e = PredictionErrors.Compute(seq.Bits, truth);
        Assert.True(e.Eta0 <= opt && e.Eta1 == 0);
        foreach (var (name, create) in new (string, Func<IOnlinePagingAlgorithm>)[]
                 { ("mark0-rand", () => new RandomizedMark0DiscardPaging(seq.Bits.ToArray())), ("marker-rand", () => new RandomizedMarkerPaging()) })
        {
            double mean = 0;
            for (ulong r = 0; r < 40; r++) mean += PagingSimulator.Run(create(), seq, k, new Rng(r)) / 40.0;
            // α + β ≥ E[ALG]/OPT because E[ALG] ≤ α·OPT + β·η0 ≤ (α+β)·OPT.
            Assert.True(mean / opt >= 0.9 * hk, $"{name}, k={k}: E[ALG]/OPT = {mean / opt:F3} < 0.9·H_k = {0.9 * hk:F3}");
        }
    }

    [Fact]
    public void Hill_climbing_finds_no_violation_of_the_mark0_bound()
    {
        // Local search over small instances (k ∈ {2,3}, n ≤ 16) maximizing ALG − (OPT + (k−1)η0 + η1) for MARK0-det.
        var rng = new Rng(2023);
        for (int restart = 0; restart < 30; restart++)
        {
            int k = 2 + rng.NextInt(2), n = 8 + rng.NextInt(9);
            var pages = new int[n];
            var bits = new byte[n];
            for (int t = 0; t < n; t++) { pages[t] = rng.NextInt(k + 2); bits[t] = (byte)rng.NextInt(2); }
            double best = Slack(pages, bits, k);
            for (int step = 0; step < 400; step++)
            {
                var p2 = (int[])pages.Clone();
                var b2 = (byte[])bits.Clone();
                int t = rng.NextInt(n);
                if (rng.NextBernoulli(0.5)) p2[t] = rng.NextInt(k + 2); else b2[t] ^= 1;
                double s = Slack(p2, b2, k);
                if (s >= best) { best = s; pages = p2; bits = b2; }
            }
            Assert.True(best <= 0, $"violation found: k={k}, pages=[{string.Join(",", pages)}], bits=[{string.Join(",", bits)}]");
        }
    }

    private static double Slack(int[] pages, byte[] bits, int k)
    {
        var seq = RequestSequence.FromPages(pages, bits);
        var truth = new byte[pages.Length];
        long opt = BeladyPaging.Run(seq, k, truth);
        var e = PredictionErrors.Compute(bits, truth);
        return PagingSimulator.Run(new Mark0DiscardPaging(bits), seq, k) - (opt + (k - 1) * e.Eta0 + e.Eta1);
    }
}
