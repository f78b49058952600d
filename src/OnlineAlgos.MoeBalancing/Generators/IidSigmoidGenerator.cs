using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>G1 (spec §5.5): independent scores s = σ(sep·Z), Z ~ 𝒩(0, 1); sep ∈ {0.5, 1, 2, 4} in the suite. O(T·E).</summary>
public sealed class IidSigmoidGenerator : IScoreGenerator
{
    /// <summary>A G1 generator.</summary>
    public IidSigmoidGenerator(int experts, double separation = 2.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        Experts = experts;
        Separation = separation;
    }

    /// <summary>Spread sep of the logits.</summary>
    public double Separation { get; }
    /// <inheritdoc/>
    public string Name => "iid";
    /// <inheritdoc/>
    public int Experts { get; }

    /// <inheritdoc/>
    public void Next(ScoreMatrix batch, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(rng);
        var d = batch.Data;
        for (int j = 0; j < d.Length; j++) d[j] = ScoreDraws.Sigmoid(Separation * rng.NextGaussian());
    }
}
