using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Generators;

/// <summary>I.i.d. Bernoulli(p) stragglers per worker-round (spec §1 item 3). O(rounds n).</summary>
public static class IidPatternGenerator
{
    /// <summary>Draws the pattern.</summary>
    public static StragglerPattern Generate(int workers, int rounds, double p, Rng rng)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentException($"p must be in [0,1], got {p}");
        var cells = new bool[rounds * workers];
        for (int k = 0; k < cells.Length; k++) cells[k] = rng.NextBernoulli(p);
        return new StragglerPattern(rounds, workers, cells);
    }
}
