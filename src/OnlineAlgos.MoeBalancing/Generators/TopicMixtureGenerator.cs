using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>
/// G3 (spec §5.5): topic mixture. M topics with Zipf frequencies and centroids c_m ~ 𝒩(0, I_d); expert keys
/// e_i ~ 𝒩(0, I_d/d); token u_t = c_{m_t} + σ_n·𝒩(0, I_d); s_{t,i} = σ(κ·u_tᵀe_i). Correlated rows, realistic skew.
/// O(T·E·d) per batch.
/// </summary>
public sealed class TopicMixtureGenerator : IScoreGenerator
{
    private readonly double[] _centroids; // M x d
    private readonly double[] _keys;      // E x d
    private readonly double[] _cumFreq;   // M
    private readonly double[] _u;         // d scratch

    /// <summary>A G3 generator; topics and keys are drawn from <paramref name="setupRng"/>.</summary>
    public TopicMixtureGenerator(int experts, Rng setupRng, int topics = 16, int dimension = 16, double noise = 0.5,
        double sharpness = 2.0, double topicExponent = 1.0)
    {
        ArgumentNullException.ThrowIfNull(setupRng);
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(topics, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Experts = experts;
        Topics = topics;
        Dimension = dimension;
        Noise = noise;
        Sharpness = sharpness;
        _centroids = new double[topics * dimension];
        for (int j = 0; j < _centroids.Length; j++) _centroids[j] = setupRng.NextGaussian();
        _keys = new double[experts * dimension];
        double sd = 1.0 / Math.Sqrt(dimension);
        for (int j = 0; j < _keys.Length; j++) _keys[j] = sd * setupRng.NextGaussian();
        _cumFreq = new double[topics];
        double s = 0;
        for (int m = 0; m < topics; m++) s += Math.Pow(m + 1, -topicExponent);
        double c = 0;
        for (int m = 0; m < topics; m++)
        {
            c += Math.Pow(m + 1, -topicExponent) / s;
            _cumFreq[m] = c;
        }
        _u = new double[dimension];
    }

    /// <summary>Number of topics M.</summary>
    public int Topics { get; }
    /// <summary>Embedding dimension d.</summary>
    public int Dimension { get; }
    /// <summary>Token noise σ_n.</summary>
    public double Noise { get; }
    /// <summary>Gate sharpness κ.</summary>
    public double Sharpness { get; }
    /// <inheritdoc/>
    public string Name => "topics";
    /// <inheritdoc/>
    public int Experts { get; }

    /// <inheritdoc/>
    public void Next(ScoreMatrix batch, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(rng);
        int d = Dimension, e = Experts;
        for (int t = 0; t < batch.Tokens; t++)
        {
            double r = rng.NextDouble();
            int m = 0;
            while (m < Topics - 1 && _cumFreq[m] <= r) m++;
            for (int j = 0; j < d; j++) _u[j] = _centroids[m * d + j] + Noise * rng.NextGaussian();
            var row = batch.RowMut(t);
            for (int i = 0; i < e; i++)
            {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += _u[j] * _keys[i * d + j];
                row[i] = ScoreDraws.Sigmoid(Sharpness * dot);
            }
        }
    }
}
