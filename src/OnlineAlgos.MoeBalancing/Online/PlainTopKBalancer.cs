using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// Plain top-K routing, no balancing (p ≡ 0; spec §4.3 baseline 1). Attains UB_topK; MaxVio can reach E/K − 1
/// (routing collapse).
/// </summary>
public sealed class PlainTopKBalancer : IBiasBalancer
{
    private readonly double[] _bias;

    /// <summary>Zero bias over E experts.</summary>
    public PlainTopKBalancer(int experts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        _bias = new double[experts];
    }

    /// <inheritdoc/>
    public string Name => "top-k";
    /// <inheritdoc/>
    public SelectionRule Rule => SelectionRule.Additive;
    /// <inheritdoc/>
    public ReadOnlySpan<double> Bias => _bias;
    /// <inheritdoc/>
    public int Step { get; private set; }
    /// <inheritdoc/>
    public void Update(ScoreMatrix batch, ReadOnlySpan<int> loads, int k) => Step++;
    /// <inheritdoc/>
    public void Reset() => Step = 0;
}
