using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>
/// G2 (spec §5.5): Zipf-skewed expert popularity with Gumbel noise. w_i ∝ rank_i^{−a} over a random permutation,
/// logits z_{t,i} = log w_i + τ·Gumbel(0, 1). In logit space (s = z) the K = 1 routing has the closed form
/// P(top-1 = i | p) = softmax((log w + p)/τ)_i (the test oracle S1, see <see cref="Offline.GumbelPopulationObjective"/>);
/// in sigmoid space (s = σ(z)) it mimics [V3]'s gate. <see cref="LogWeights"/> is mutable state that
/// <see cref="DriftGenerator"/> moves. O(T·E) per batch.
/// </summary>
public sealed class ZipfGumbelGenerator : IScoreGenerator
{
    private readonly double[] _logW;

    /// <summary>A G2 generator; the permutation of ranks is drawn from <paramref name="setupRng"/>.</summary>
    public ZipfGumbelGenerator(int experts, double exponent, Rng setupRng, double temperature = 1.0, bool logitSpace = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature));
        _logW = ScoreDraws.ZipfLogWeights(experts, exponent, setupRng);
        Exponent = exponent;
        Temperature = temperature;
        LogitSpace = logitSpace;
    }

    /// <summary>A G2 generator with given log-weights (normalised here).</summary>
    public ZipfGumbelGenerator(double[] logWeights, double temperature = 1.0, bool logitSpace = true)
    {
        ArgumentNullException.ThrowIfNull(logWeights);
        if (logWeights.Length < 1) throw new ArgumentException("need at least one expert", nameof(logWeights));
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature));
        _logW = (double[])logWeights.Clone();
        ScoreDraws.Normalize(_logW);
        Temperature = temperature;
        LogitSpace = logitSpace;
    }

    /// <summary>Zipf exponent a (NaN when built from explicit weights).</summary>
    public double Exponent { get; } = double.NaN;
    /// <summary>Gumbel scale τ.</summary>
    public double Temperature { get; }
    /// <summary>True: s = z (logits); false: s = σ(z).</summary>
    public bool LogitSpace { get; }
    /// <summary>Current log-popularity log w (Σ w = 1); writable for drift.</summary>
    public Span<double> LogWeights => _logW;
    /// <inheritdoc/>
    public string Name => "zipf";
    /// <inheritdoc/>
    public int Experts => _logW.Length;

    /// <inheritdoc/>
    public void Next(ScoreMatrix batch, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(rng);
        int e = _logW.Length;
        var d = batch.Data;
        for (int t = 0; t < batch.Tokens; t++)
        {
            int off = t * e;
            for (int i = 0; i < e; i++)
            {
                double z = _logW[i] + Temperature * ScoreDraws.Gumbel(rng);
                d[off + i] = LogitSpace ? z : ScoreDraws.Sigmoid(z);
            }
        }
    }
}
