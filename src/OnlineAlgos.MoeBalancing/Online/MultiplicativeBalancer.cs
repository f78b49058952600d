using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// Multiplicative bias (variant A2c, [W] Table 4): select by top-K of s_{t,i}·b_i with b⁰ = 1 and
/// b_i ← b_i + u·sign(L − n_i). Meaningful for positive (sigmoid) scores only. O(E) per update.
/// </summary>
public sealed class MultiplicativeBalancer : IBiasBalancer
{
    private readonly double[] _bias;

    /// <summary>A multiplicative balancer with a step schedule.</summary>
    public MultiplicativeBalancer(int experts, StepSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        _bias = new double[experts];
        Array.Fill(_bias, 1.0);
        Schedule = schedule;
    }

    /// <summary>The step schedule.</summary>
    public StepSchedule Schedule { get; }
    /// <inheritdoc/>
    public string Name => "multiplicative";
    /// <inheritdoc/>
    public SelectionRule Rule => SelectionRule.Multiplicative;
    /// <inheritdoc/>
    public ReadOnlySpan<double> Bias => _bias;
    /// <inheritdoc/>
    public int Step { get; private set; }

    /// <inheritdoc/>
    public void Update(ScoreMatrix batch, ReadOnlySpan<int> loads, int k)
    {
        Step++;
        double u = Schedule.Rate(Step);
        long total = 0;
        foreach (int n in loads) total += n;
        if (total == 0 || u == 0) return;
        for (int i = 0; i < _bias.Length; i++) _bias[i] += u * AlfLbBalancer.Sign(total, _bias.Length, loads[i]);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Fill(_bias, 1.0);
        Step = 0;
    }
}
