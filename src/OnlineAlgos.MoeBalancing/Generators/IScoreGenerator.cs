using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>
/// A seeded source of score batches (spec §5.5). <see cref="Next"/> fills a batch in place (no allocation) and may
/// advance internal state (drift); all randomness comes from the <see cref="Rng"/> passed in, so the same seed gives
/// the same batches.
/// </summary>
public interface IScoreGenerator
{
    /// <summary>Short name, e.g. <c>zipf</c>.</summary>
    string Name { get; }

    /// <summary>Number of experts E.</summary>
    int Experts { get; }

    /// <summary>Fills <paramref name="batch"/> (any number of tokens, E columns) with the next batch.</summary>
    void Next(ScoreMatrix batch, Rng rng);
}
