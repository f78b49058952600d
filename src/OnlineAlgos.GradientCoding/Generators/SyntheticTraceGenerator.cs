using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Generators;

/// <summary>
/// Reconstructed completion-time generator for runs without measured traces (spec §5, last paragraph): time of worker i
/// in round r = (a + kappa L + noise) x slowdown, noise shifted-exponential with mean <see cref="NoiseMean"/>, slowdown
/// <see cref="Slowdown"/> while the worker's Gilbert-Elliott chain (pGB, pBG) is Bad. Defaults are calibrated loosely to
/// the stored Canada batch-2048 load-0 statistics (median ~0.64 s, min ~0.54 s; mostly 1-round bursts).
/// Not the paper's; reconstructed.
/// </summary>
/// <param name="Base">Fixed part a (s).</param>
/// <param name="Kappa">Seconds per unit of normalised load.</param>
/// <param name="NoiseMean">Mean of the exponential noise (s).</param>
/// <param name="Slowdown">Multiplier while Bad.</param>
/// <param name="PGoodToBad">Good -&gt; Bad probability.</param>
/// <param name="PBadToGood">Bad -&gt; Good probability.</param>
public sealed record SyntheticTraceGenerator(double Base = 0.55, double Kappa = 2.2013, double NoiseMean = 0.12,
    double Slowdown = 3.0, double PGoodToBad = 0.04, double PBadToGood = 0.8)
{
    /// <summary>A trace of the given size at load <paramref name="load"/>.</summary>
    public StragglerTrace Generate(int workers, int rounds, double load, Rng rng)
    {
        var d = new double[rounds * workers];
        var bad = GilbertElliottPatternGenerator.Generate(workers, rounds, PGoodToBad, PBadToGood, rng.Split());
        for (int r = 0; r < rounds; r++)
            for (int i = 0; i < workers; i++)
            {
                double t = Base + Kappa * load - NoiseMean * Math.Log(1 - rng.NextDouble());
                d[r * workers + i] = bad[r, i] ? t * Slowdown : t;
            }
        return new StragglerTrace(rounds, workers, d);
    }
}
