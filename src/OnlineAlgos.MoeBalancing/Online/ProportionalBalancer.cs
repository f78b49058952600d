using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// Proportional bias update (variant A2b, [W] §4.3 Table 3): p_i ← p_i + u_k·e_i/scale with e_i = L − n_i. With
/// <see cref="ProportionalScale.Tokens"/> this is online gradient descent on the per-batch dual
/// f_k(p) = (1/B)·Σ_t topKsum(s_t + p) − (K/E)·Σp (reconstructed reading, spec A3); with the schedule
/// u_k = 1/(μk), optional centring and projection onto the box ‖p‖∞ ≤ R, it is the setting of the reconstructed
/// O(log N) regret bound T6 (Hazan, Agarwal and Kale 2007; [HZ]'s constants NOT FOUND). O(E) per update.
/// </summary>
public sealed class ProportionalBalancer : IBiasBalancer
{
    private readonly double[] _bias;

    /// <summary>A proportional balancer; <paramref name="boxRadius"/> (with centring) projects the iterate after each step.</summary>
    public ProportionalBalancer(int experts, StepSchedule schedule, ProportionalScale scale = ProportionalScale.Target,
        bool centre = false, double boxRadius = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        if (!(boxRadius > 0)) throw new ArgumentOutOfRangeException(nameof(boxRadius), "box radius must be > 0");
        _bias = new double[experts];
        Schedule = schedule;
        Scale = scale;
        Centre = centre;
        BoxRadius = boxRadius;
    }

    /// <summary>The step schedule.</summary>
    public StepSchedule Schedule { get; }
    /// <summary>Normalisation of e_i.</summary>
    public ProportionalScale Scale { get; }
    /// <summary>Whether p is recentred (mean 0) after each step (routing is unchanged by it).</summary>
    public bool Centre { get; }
    /// <summary>Radius of the box ‖p‖∞ ≤ R the iterate is clipped to after centring (infinity: none).</summary>
    public double BoxRadius { get; }

    /// <inheritdoc/>
    public string Name => Scale == ProportionalScale.Tokens ? "ogd" : "proportional";
    /// <inheritdoc/>
    public SelectionRule Rule => SelectionRule.Additive;
    /// <inheritdoc/>
    public ReadOnlySpan<double> Bias => _bias;
    /// <inheritdoc/>
    public int Step { get; private set; }

    /// <inheritdoc/>
    public void Update(ScoreMatrix batch, ReadOnlySpan<int> loads, int k)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Step++;
        double u = Schedule.Rate(Step);
        long total = 0;
        foreach (int n in loads) total += n;
        if (total == 0 || u == 0) return;
        int e = _bias.Length;
        double l = (double)total / e;
        double div = Scale switch
        {
            ProportionalScale.Target => l,
            ProportionalScale.Tokens => batch.Tokens,
            _ => 1.0,
        };
        for (int i = 0; i < e; i++) _bias[i] += u * (l - loads[i]) / div;
        if (Centre)
        {
            double m = 0;
            foreach (double p in _bias) m += p;
            m /= e;
            for (int i = 0; i < e; i++) _bias[i] = Math.Clamp(_bias[i] - m, -BoxRadius, BoxRadius);
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_bias);
        Step = 0;
    }
}
