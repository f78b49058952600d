using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Generators;

/// <summary>
/// Reconstructed completion-time generator for runs without measured traces (spec §5, last paragraph): time of worker i
/// in round r = (a + kappa L + noise) x slowdown, noise shifted-exponential with mean <see cref="NoiseMean"/>, slowdown
/// <see cref="Slowdown"/> while the worker's Gilbert-Elliott chain (pGB, pBG) is Bad. Defaults are fitted to the
/// spec §5 statistics of the stored Canada batch-2048 load-0 trace (min 0.542, median 0.644, mean 0.703, p90 0.889 s;
/// with mu = 1 about 12.8 stragglers per round, mostly 1-round bursts): shift 0.54 s and mean excess 0.16 s match
/// min/median/mean/p90, and a 1.8% stationary Bad share at 2x slowdown adds the remaining stragglers. Kappa defaults to
/// the paper's batch-4096 slope 2.2013 s (use about 1.12 for the shipped batch-2048 traces). Not the paper's; reconstructed.
/// </summary>
/// <param name="Base">Fixed part a (s).</param>
/// <param name="Kappa">Seconds per unit of normalised load.</param>
/// <param name="NoiseMean">Mean of the exponential noise (s).</param>
/// <param name="Slowdown">Multiplier while Bad.</param>
/// <param name="PGoodToBad">Good -&gt; Bad probability.</param>
/// <param name="PBadToGood">Bad -&gt; Good probability.</param>
public sealed record SyntheticTraceGenerator(double Base = 0.54, double Kappa = 2.2013, double NoiseMean = 0.16,
    double Slowdown = 2.0, double PGoodToBad = 0.015, double PBadToGood = 0.8)
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
