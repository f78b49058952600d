using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Online;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Online;

/// <summary>Issue item 4: real least-squares / logistic gradients, coded by workers and decoded by the master, equal the
/// uncoded full gradient (relative error at most 1e-9) round after round under admissible patterns.</summary>
public class CodedGradientTests
{
    private const double Tolerance = 1e-9;

    private static ISequentialGradientScheme Create(string kind, BurstyModel m, int jobs, Rng rng) => kind switch
    {
        "gc" => new GcScheme(m.Workers, m.Lambda, jobs, GradientCodes.Create(m.Workers, m.Lambda, rng)),
        "sr" => new SelectiveReattemptSgcScheme(m, jobs, GradientCodes.Create(m.Workers, SchemeLoads.SrSgcS(m.B, m.W, m.Lambda), rng)),
        _ => new MultiplexedSgcScheme(m, jobs, m.Lambda < m.Workers ? GradientCodes.Create(m.Workers, m.Lambda, rng) : null),
    };

    [Theory]
    [InlineData("gc", 3, 1, 2, 2, 2)]
    [InlineData("sr", 3, 1, 2, 2, 2)]
    [InlineData("ms", 3, 1, 2, 2, 2)]
    [InlineData("ms", 3, 2, 3, 2, 2)]
    [InlineData("sr", 3, 1, 3, 2, 2)]
    [InlineData("ms", 3, 1, 2, 3, 2)]
    public void Decoded_gradient_equals_uncoded_under_every_admissible_pattern(string kind, int n, int b, int w, int l, int jobs)
    {
        var m = new BurstyModel(n, b, w, l);
        var workload = new LeastSquaresWorkload(jobs, 40, 3, new Rng(5));
        int t = kind switch { "gc" => 0, "sr" => b, _ => w - 2 + b };
        int patterns = 0;
        foreach (var p in BurstyPatternGenerator.All(m, jobs + t))
        {
            if (kind == "gc" && l >= n) break;
            var scheme = Create(kind, m, jobs, new Rng(7));
            var res = CodedGradientRunner.Run(scheme, p, workload);
            Assert.True(res.DecodedOnTime == jobs, $"{kind} {m} {p}: {res.DecodedOnTime} of {jobs} on time");
            Assert.True(res.FailedDecodes == 0, $"{kind} {m} {p}: decode failed");
            Assert.True(res.WorstRelativeError <= Tolerance, $"{kind} {m} {p}: error {res.WorstRelativeError}");
            patterns++;
        }
        Assert.True(patterns > 10);
    }

    [Theory]
    [InlineData("gc", WorkloadLoss.LeastSquares)]
    [InlineData("sr", WorkloadLoss.Logistic)]
    [InlineData("ms", WorkloadLoss.LeastSquares)]
    [InlineData("ms", WorkloadLoss.Logistic)]
    public void Decoded_gradient_equals_uncoded_on_random_and_greedy_patterns_with_cyclic_codes(string kind, WorkloadLoss loss)
    {
        // n = 12, lambda = 4 or 5: (lambda+1) does not divide 12 for 4 -> cyclic repetition (real-valued decode).
        var rng = new Rng(77);
        for (int k = 0; k < 12; k++)
        {
            int l = 4 + k % 2, w = 3, b = kind == "sr" ? 1 : 1 + k % 2, jobs = 10;
            var m = new BurstyModel(12, b, w, l);
            var p = BurstyPatternGenerator.Random(m, jobs + w + b, k % 3 == 0 ? 1.0 : 0.4, rng.Split());
            var workload = new LeastSquaresWorkload(jobs, 300, 5, rng.Split(), loss);
            var res = CodedGradientRunner.Run(Create(kind, m, jobs, rng.Split()), p, workload);
            Assert.Equal(jobs, res.DecodedOnTime);
            Assert.Equal(0, res.FailedDecodes);
            Assert.True(res.WorstRelativeError <= Tolerance, $"{kind} {m}: error {res.WorstRelativeError}, residual {res.WorstResidual}");
        }
    }

    [Fact]
    public void A_missing_result_is_detected_rather_than_decoded_wrongly()
    {
        // GC with s = 1 on a round with 2 stragglers: not decodable, so the job is not counted as on time.
        var m = new BurstyModel(4, 1, 2, 2);
        var scheme = new GcScheme(4, 1, 1, new FractionalRepetitionCode(4, 1));
        var res = CodedGradientRunner.Run(scheme, StragglerPattern.FromSets(4, [[0, 1]]), new LeastSquaresWorkload(1, 20, 2, new Rng(1)));
        Assert.Equal(0, res.DecodedOnTime);
        _ = m;
    }
}
