using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// ALF-LB, the auxiliary-loss-free sign rule ([W] Algorithm 1; [V3] §2.1.2; Megatron <c>get_updated_expert_bias</c>):
/// after each batch, p_i ← p_i + u_k·sign(L − n_i) with L = Σn/E and sign(0) = 0 (variant A1), optionally recentred
/// Δ ← Δ − mean(Δ) (variant A2a, torchtitan / Moonlight / prime-rl), which leaves routing unchanged and keeps Σp fixed.
/// </summary>
/// <remarks>
/// Read as a primal-dual method (reconstructed from [HZ]'s abstract, spec §1): routing is the primal maximiser of the
/// Lagrangian and this update is a sign-subgradient step on the dual D(p). Proven (reconstructed) guarantees: D(p) ≥ OPT
/// for every iterate (T1), the sandwich bound on D(p′) (T2), the preference rule: overloaded experts never gain tokens,
/// underloaded never lose (T3). [HZ]'s own constants are NOT FOUND. O(E) per update; the sign compares counts with
/// counts (Σn vs E·n_i), so it is exact and immune to the FlyLoRA unit bug.
/// </remarks>
public sealed class AlfLbBalancer : IBiasBalancer
{
    private readonly double[] _bias;
    private readonly double[] _initial;

    /// <summary>ALF-LB over <paramref name="experts"/> experts with a step schedule; p⁰ = 0 unless given.</summary>
    public AlfLbBalancer(int experts, StepSchedule schedule, bool zeroMean = false, double[]? initialBias = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        if (initialBias is not null && initialBias.Length != experts) throw new ArgumentException("initial bias must have length E", nameof(initialBias));
        Schedule = schedule;
        ZeroMean = zeroMean;
        _initial = initialBias is null ? new double[experts] : (double[])initialBias.Clone();
        _bias = (double[])_initial.Clone();
    }

    /// <summary>Constant-rate ALF-LB (u = 1e-3 by default, as in [W] and [V3]).</summary>
    public AlfLbBalancer(int experts, double rate = 1e-3, bool zeroMean = false) : this(experts, StepSchedule.Constant(rate), zeroMean) { }

    /// <summary>The step schedule.</summary>
    public StepSchedule Schedule { get; }

    /// <summary>True for the zero-mean variant A2a.</summary>
    public bool ZeroMean { get; }

    /// <inheritdoc/>
    public string Name => ZeroMean ? "alf-lb-zero-mean" : "alf-lb";

    /// <inheritdoc/>
    public SelectionRule Rule => SelectionRule.Additive;

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
        int e = _bias.Length;
        if (!ZeroMean)
        {
            for (int i = 0; i < e; i++) _bias[i] += u * Sign(total, e, loads[i]);
            return;
        }
        int signSum = 0;
        for (int i = 0; i < e; i++) signSum += Sign(total, e, loads[i]);
        double mean = u * signSum / e;
        for (int i = 0; i < e; i++) _bias[i] += u * Sign(total, e, loads[i]) - mean;
    }

    /// <summary>sign(L − n_i) computed exactly as sign(Σn − E·n_i).</summary>
    public static int Sign(long totalLoad, int experts, int load)
    {
        long d = totalLoad - (long)experts * load;
        return d > 0 ? 1 : d < 0 ? -1 : 0;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _initial.CopyTo(_bias, 0);
        Step = 0;
    }
}
