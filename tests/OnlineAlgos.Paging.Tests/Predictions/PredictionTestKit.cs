using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Testing;
using OnlineAlgos.Paging.Testing;

namespace OnlineAlgos.Paging.Tests.Predictions;

internal static class PredictionTestKit
{
    public static double HarmonicNumber(int k)
    {
        double h = 0;
        for (int i = 1; i <= k; i++) h += 1.0 / i;
        return h;
    }

    public static PredictionErrors Errors(PagingInstance inst, PredictionSetup setup) =>
        PredictionErrors.Compute(inst.Sequence.Bits, GroundTruthBits.For(setup, inst.Sequence, inst.K));

    public static Dictionary<string, double> Measures(PredictionErrors e) => new() { ["eta0"] = e.Eta0, ["eta1"] = e.Eta1 };

    /// <summary>Deterministic run with the errors as measures.</summary>
    public static Outcome<long> Run(Func<byte[], IOnlinePagingAlgorithm> create, PagingInstance inst, PredictionSetup setup)
    {
        var bits = inst.Sequence.Bits.ToArray();
        long cost = PagingSimulator.Run(create(bits), inst.Sequence, inst.K);
        return new Outcome<long>(cost, Measures(Errors(inst, setup)));
    }

    /// <summary>Mean over <paramref name="runs"/> seeds plus 3 standard errors (a one-sided ≈99.9 % normal bound on E[cost]).</summary>
    public static Outcome<double> MeanMinus3Se(Func<byte[], IOnlinePagingAlgorithm> create, PagingInstance inst, PredictionSetup setup, int runs, ulong seed)
    {
        var bits = inst.Sequence.Bits.ToArray();
        double sum = 0, sq = 0;
        for (int r = 0; r < runs; r++)
        {
            double c = PagingSimulator.Run(create(bits), inst.Sequence, inst.K, new Rng(seed + (ulong)r));
            sum += c;
            sq += c * c;
        }
        double mean = sum / runs;
        double var = runs > 1 ? Math.Max(0, (sq - runs * mean * mean) / (runs - 1)) : 0;
        // The check is mean ≤ bound + 3·stderr, i.e. (mean − 3·stderr) ≤ bound.
        return new Outcome<double>(mean - 3 * Math.Sqrt(var / runs), Measures(Errors(inst, setup)));
    }
}
