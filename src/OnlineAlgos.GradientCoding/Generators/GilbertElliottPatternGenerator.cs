using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Generators;

/// <summary>
/// Per-worker Gilbert-Elliott two-state Markov chain (spec §1 item 3; the co-author prototype): Good -&gt; Bad with
/// probability pGB, Bad -&gt; Good with pBG; a worker straggles while Bad. Chains start in the stationary distribution,
/// so the straggle fraction is pGB/(pGB+pBG) and Bad runs have mean length 1/pBG. O(rounds n).
/// </summary>
public static class GilbertElliottPatternGenerator
{
    /// <summary>Draws the pattern.</summary>
    public static StragglerPattern Generate(int workers, int rounds, double pGB, double pBG, Rng rng)
    {
        if (!(pGB > 0 && pGB <= 1) || !(pBG > 0 && pBG <= 1)) throw new ArgumentException("transition probabilities must be in (0,1]");
        var cells = new bool[rounds * workers];
        double stationaryBad = pGB / (pGB + pBG);
        for (int i = 0; i < workers; i++)
        {
            bool bad = rng.NextBernoulli(stationaryBad);
            for (int r = 0; r < rounds; r++)
            {
                if (r > 0) bad = bad ? !rng.NextBernoulli(pBG) : rng.NextBernoulli(pGB);
                cells[r * workers + i] = bad;
            }
        }
        return new StragglerPattern(rounds, workers, cells);
    }
}
