namespace OnlineAlgos.MoeBalancing.Offline;

/// <summary>
/// Closed-form population dual for K = 1 with logit-space Gumbel scores s_{t,i} = log w_i + τ·Gumbel (spec T6,
/// reconstructed): F(p) = τ·log Σ_i exp((log w_i + p_i)/τ) − (1/E)·Σ_i p_i (+ a constant dropped here), with
/// ∇F = softmax((log w + p)/τ) − 1/E, minimiser p* = −log w + c𝟙, strong convexity μ = e^{−2R/τ}/(E·τ) on the centred
/// box ‖p − p*‖∞ ≤ R, and G² = 1 − 1/E. It is the exact oracle of the expected regret Σ_k F(p_k) − F(p*) and of the
/// routing probabilities (S1). O(E) per evaluation.
/// </summary>
public sealed class GumbelPopulationObjective
{
    private readonly double[] _logW;

    /// <summary>The oracle for log-weights log w (normalised so Σ w = 1) and Gumbel scale τ.</summary>
    public GumbelPopulationObjective(ReadOnlySpan<double> logWeights, double temperature = 1.0)
    {
        if (logWeights.Length < 1) throw new ArgumentException("need at least one expert", nameof(logWeights));
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature));
        _logW = logWeights.ToArray();
        Generators.ScoreDraws.Normalize(_logW);
        Temperature = temperature;
    }

    /// <summary>Gumbel scale τ.</summary>
    public double Temperature { get; }
    /// <summary>Number of experts.</summary>
    public int Experts => _logW.Length;

    /// <summary>F(p).</summary>
    public double Value(ReadOnlySpan<double> bias)
    {
        double m = double.NegativeInfinity;
        for (int i = 0; i < _logW.Length; i++) m = Math.Max(m, (_logW[i] + bias[i]) / Temperature);
        double s = 0, ps = 0;
        for (int i = 0; i < _logW.Length; i++)
        {
            s += Math.Exp((_logW[i] + bias[i]) / Temperature - m);
            ps += bias[i];
        }
        return Temperature * (m + Math.Log(s)) - ps / _logW.Length;
    }

    /// <summary>π_i(p) = P(top-1 = i | p) = softmax((log w + p)/τ)_i, written to <paramref name="probabilities"/>.</summary>
    public void RoutingProbabilities(ReadOnlySpan<double> bias, Span<double> probabilities)
    {
        double m = double.NegativeInfinity;
        for (int i = 0; i < _logW.Length; i++) m = Math.Max(m, (_logW[i] + bias[i]) / Temperature);
        double s = 0;
        for (int i = 0; i < _logW.Length; i++)
        {
            probabilities[i] = Math.Exp((_logW[i] + bias[i]) / Temperature - m);
            s += probabilities[i];
        }
        for (int i = 0; i < _logW.Length; i++) probabilities[i] /= s;
    }

    /// <summary>The centred minimiser p* = −log w − mean(−log w).</summary>
    public double[] Minimizer()
    {
        var p = new double[_logW.Length];
        double mean = 0;
        foreach (double v in _logW) mean -= v;
        mean /= p.Length;
        for (int i = 0; i < p.Length; i++) p[i] = -_logW[i] - mean;
        return p;
    }

    /// <summary>F(p*).</summary>
    public double MinimumValue() => Value(Minimizer());

    /// <summary>Strong-convexity modulus on the centred box of radius R around p*: e^{−2R/τ}/(E·τ).</summary>
    public double StrongConvexity(double radius) => Math.Exp(-2 * radius / Temperature) / (_logW.Length * Temperature);

    /// <summary>Bound on the squared gradient norm, G² = 1 − 1/E (K = 1).</summary>
    public double GradientBoundSquared => 1 - 1.0 / _logW.Length;

    /// <summary>The reconstructed T6 regret bound (G²/(2μ))·(1 + ln N).</summary>
    public double RegretBound(double radius, int iterations) =>
        GradientBoundSquared / (2 * StrongConvexity(radius)) * (1 + Math.Log(Math.Max(1, iterations)));
}
