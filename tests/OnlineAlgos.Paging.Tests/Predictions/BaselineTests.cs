using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Testing;
using OnlineAlgos.Paging.Testing;
using Xunit;
using static OnlineAlgos.Paging.Tests.Predictions.PredictionTestKit;

namespace OnlineAlgos.Paging.Tests.Predictions;

public class BaselineTests
{
    private static long Opt(PagingInstance i) => BeladyPaging.Faults(i.Sequence, i.K);
    private static long SumC(PagingInstance i) => PhasePartition.Compute(i.Sequence, i.K).TotalCleanPages;

    [Fact]
    public void Ftp_with_exact_predictions_is_opt()
    {
        var check = CompetitiveCheck.Create("ftp-exact", PagingGenerators.Instances(7, 150),
            inst => (double)PagingSimulator.Run(new FollowThePredictionPaging(NextArrivalPredictions.Exact(inst.Sequence)), inst.Sequence, inst.K),
            inst => Opt(inst), Guarantee.Competitive(1, source: "Belady"), inst => inst.ToText());
        check.Verify(300);
    }

    [Fact]
    public void Ftp_with_integer_l1_error_is_within_opt_plus_two_eta()
    {
        // spec §6 item 7: integer-valued predictions = exact + integer noise; cost ≤ OPT + 2η (Wei-type bound).
        var check = CompetitiveCheck.Create("ftp-noisy", PagingGenerators.Instances(6, 100),
            inst =>
            {
                var rng = new Rng((ulong)inst.Sequence.Length * 31 + (ulong)inst.K);
                var y = NextArrivalPredictions.Exact(inst.Sequence);
                var h = new double[y.Length];
                double eta = 0;
                for (int t = 0; t < y.Length; t++)
                {
                    double yt = Math.Min(y[t], inst.Sequence.Length); // never-again = n for an integer ℓ1 error
                    h[t] = yt + (rng.NextInt(3) == 0 ? rng.NextInt(-10, 11) : 0);
                    eta += Math.Abs(h[t] - yt);
                }
                return new Outcome<long>(PagingSimulator.Run(new FollowThePredictionPaging(h), inst.Sequence, inst.K),
                    new Dictionary<string, double> { ["eta"] = eta });
            },
            inst => Opt(inst), new Guarantee(1, 0, [new ErrorTerm("eta", 2)], Source: "Wei 2020 type bound (spec §6 item 7)"), inst => inst.ToText());
        check.Verify(300);
    }

    [Fact]
    public void Ftp_ties_go_to_smallest_last_request()
    {
        // k = 2, equal predictions: a b c → evict a (older last request).
        var seq = RequestSequence.FromPages([0, 1, 2]);
        var alg = new FollowThePredictionPaging([5.0, 5.0, 1.0]);
        PagingSimulator.Run(alg, seq, 2);
        Assert.False(alg.Contains(0));
        Assert.True(alg.Contains(1));
    }

    [Fact]
    public void Marking_baselines_with_exact_predictions_cost_opt_marking()
    {
        // spec §6 item 6: Predictive Marker and LMarker with exact next arrivals = Σ c_i for every seed; OPTMarking too.
        var arb = PagingGenerators.Instances(7, 150);
        foreach (var (name, create) in new (string, Func<double[], IOnlinePagingAlgorithm>)[]
                 { ("opt-marking", h => new FollowPredictionMarkingPaging(h)), ("predictive-marker", h => new PredictiveMarkerPaging(h)), ("lmarker", h => new LMarkerPaging(h)) })
        {
            foreach (ulong seed in new ulong[] { 5, 6 })
            {
                var check = CompetitiveCheck.Create(name, arb,
                    inst => (double)PagingSimulator.Run(create(NextArrivalPredictions.Exact(inst.Sequence)), inst.Sequence, inst.K, new Rng(seed)),
                    inst => SumC(inst), Guarantee.Competitive(1), inst => inst.ToText());
                check.Verify(150);
                var lower = CompetitiveCheck.Create(name + " lower", arb,
                    inst => (double)SumC(inst),
                    inst => PagingSimulator.Run(create(NextArrivalPredictions.Exact(inst.Sequence)), inst.Sequence, inst.K, new Rng(seed)),
                    Guarantee.Competitive(1), inst => inst.ToText());
                lower.Verify(100);
            }
        }
    }

    [Fact]
    public void Marking_baselines_fault_at_most_k_times_per_phase_with_any_predictions()
    {
        var rng = new Rng(12);
        for (int trial = 0; trial < 200; trial++)
        {
            int k = 1 + rng.NextInt(6), n = rng.NextInt(120);
            var pages = new int[n];
            var h = new double[n];
            for (int t = 0; t < n; t++) { pages[t] = rng.NextInt(3 * k + 1); h[t] = rng.NextDouble() * 100; }
            var seq = RequestSequence.FromPages(pages);
            int phases = PhasePartition.Compute(seq, k).PhaseCount;
            long opt = BeladyPaging.Faults(seq, k);
            foreach (var alg in new IOnlinePagingAlgorithm[] { new FollowPredictionMarkingPaging(h), new PredictiveMarkerPaging(h), new LMarkerPaging(h) })
            {
                long cost = PagingSimulator.Run(alg, seq, k, new Rng((ulong)trial));
                Assert.True(cost <= (long)k * phases, $"{alg.Name}: {cost} > k·phases");
                Assert.True(cost >= opt);
            }
            long lnm = PagingSimulator.Run(new LNonMarkerPaging(h), seq, k, new Rng((ulong)trial));
            Assert.True(lnm >= opt);
        }
    }

    [Fact]
    public void Predictive_marker_expected_cost_within_4hk_opt()
    {
        // spec §6 item 10: E ≤ 4H_k·OPT; 200 seeds, mean − 3·stderr, random (bad) predictions.
        var check = CompetitiveCheck.Create("predictive-marker", PagingGenerators.Instances(6, 80),
            inst =>
            {
                var rng = new Rng(99);
                var h = new double[inst.Sequence.Length];
                for (int t = 0; t < h.Length; t++) h[t] = rng.NextDouble();
                double sum = 0, sq = 0;
                for (int r = 0; r < 200; r++)
                {
                    double c = PagingSimulator.Run(new PredictiveMarkerPaging(h), inst.Sequence, inst.K, new Rng((ulong)r));
                    sum += c; sq += c * c;
                }
                double mean = sum / 200, sd = Math.Sqrt(Math.Max(0, (sq - 200 * mean * mean) / 199));
                return mean - 3 * sd / Math.Sqrt(200);
            },
            inst => Opt(inst), inst => Guarantee.Competitive(4 * HarmonicNumber(inst.K), source: "Lykouris–Vassilvitskii 2018"), inst => inst.ToText());
        check.Verify(50);
    }

    [Fact]
    public void Pleco_matches_reference_formula_on_a_small_trace()
    {
        // a b a with 1-based s: w(j) = (j+10)^-1.8 e^{-j/670}; at s=3, prob(a) = (w(1) + w(3)) / (w(1)+w(2)+w(3)).
        var seq = RequestSequence.FromPages([0, 1, 0]);
        double W(int j) => Math.Pow(j + 10, -1.8) * Math.Exp(-j / 670.0);
        var h = NextArrivalPredictions.Pleco(seq);
        Assert.Equal(1.0 / 1.0 + 0, h[0], 12);
        Assert.Equal(1 / (W(1) / (W(1) + W(2))) + 1, h[1], 9);
        Assert.Equal(1 / ((W(1) + W(3)) / (W(1) + W(2) + W(3))) + 2, h[2], 9);
    }
}
