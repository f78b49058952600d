using System.Numerics.Tensors;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// Reconstructed: routing-time emulation of auxiliary-loss balancing (spec §4.3 item 3). On exogenous scores an
/// auxiliary loss has nothing to train, so each expert gets a learnable logit offset β_i, tokens route by top-K of
/// z_t + β, and β takes one gradient step on α·Σ_i f_i·P_i per batch with f treated as a constant:
/// β_j ← β_j − η·α·(1/T)·Σ_t π_{t,j}·(f_j − Σ_i f_i·π_{t,i}), π_t = softmax(z_t + β),
/// f_i = (E/(K·T))·n_i ([W]'s L_Bal). Not [W]'s or [HZ]'s code: a stand-in for comparisons only.
/// O(T·E) per update (softmax per token); no allocation after construction.
/// </summary>
public sealed class AuxLossEmulationBalancer : IBiasBalancer
{
    private readonly double[] _beta;
    private readonly double[] _grad;
    private readonly double[] _pi;
    private readonly double[] _f;

    /// <summary>An emulation with loss weight α (default 1e-3 as [W]'s baseline) and learning rate η.</summary>
    public AuxLossEmulationBalancer(int experts, double alpha = 1e-3, double learningRate = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        if (!(alpha >= 0)) throw new ArgumentOutOfRangeException(nameof(alpha));
        if (!(learningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(learningRate));
        _beta = new double[experts];
        _grad = new double[experts];
        _pi = new double[experts];
        _f = new double[experts];
        Alpha = alpha;
        LearningRate = learningRate;
    }

    /// <summary>Auxiliary-loss weight α.</summary>
    public double Alpha { get; }
    /// <summary>Learning rate η of the offsets.</summary>
    public double LearningRate { get; }
    /// <inheritdoc/>
    public string Name => "aux-loss";
    /// <inheritdoc/>
    public SelectionRule Rule => SelectionRule.Additive;
    /// <inheritdoc/>
    public ReadOnlySpan<double> Bias => _beta;
    /// <inheritdoc/>
    public int Step { get; private set; }

    /// <inheritdoc/>
    public void Update(ScoreMatrix batch, ReadOnlySpan<int> loads, int k)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Step++;
        int t = batch.Tokens, e = _beta.Length;
        if (t == 0 || Alpha == 0 || LearningRate == 0) return;
        for (int i = 0; i < e; i++) _f[i] = (double)e / ((double)k * t) * loads[i];
        Array.Clear(_grad);
        for (int tok = 0; tok < t; tok++)
        {
            TensorPrimitives.Add(batch.Row(tok), _beta, _pi);
            TensorPrimitives.Subtract(_pi, TensorPrimitives.Max(_pi), _pi); // stable softmax for large logits
            TensorPrimitives.SoftMax(_pi, _pi);
            double fpi = TensorPrimitives.Dot(_f, _pi);
            for (int j = 0; j < e; j++) _grad[j] += _pi[j] * (_f[j] - fpi);
        }
        double c = LearningRate * Alpha / t;
        for (int j = 0; j < e; j++) _beta[j] -= c * _grad[j];
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_beta);
        Step = 0;
    }
}
