namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// A step-size schedule u_k for iteration k = 1, 2, … (spec A2d). Immutable; <see cref="Rate"/> is O(1).
/// </summary>
/// <param name="Kind">The schedule family.</param>
/// <param name="Scale">u (constant, piecewise), u₀ (inverse-sqrt) or c = 1/μ (inverse-linear); must be ≥ 0.</param>
/// <param name="SwitchStep">Piecewise: last iteration with a non-zero step.</param>
/// <param name="Offset">Inverse-linear: k is replaced by k + offset (spec S2's review note uses 10).</param>
public sealed record StepSchedule(StepScheduleKind Kind, double Scale, int SwitchStep = int.MaxValue, double Offset = 0)
{
    /// <summary>Constant rate u (default 1e-3 in [W], [V3], Megatron, torchtitan).</summary>
    public static StepSchedule Constant(double u) => new(StepScheduleKind.Constant, Check(u));

    /// <summary>[V3]-style: u up to iteration <paramref name="switchStep"/>, then 0.</summary>
    public static StepSchedule Piecewise(double u, int switchStep) => new(StepScheduleKind.Piecewise, Check(u), switchStep);

    /// <summary>u₀/√(k+1).</summary>
    public static StepSchedule InverseSqrt(double u0) => new(StepScheduleKind.InverseSqrt, Check(u0));

    /// <summary>c/(k + offset), i.e. 1/(μ(k + offset)) with c = 1/μ.</summary>
    public static StepSchedule InverseLinear(double c, double offset = 0) => new(StepScheduleKind.InverseLinear, Check(c), Offset: offset);

    /// <summary>The step of iteration k (1-based).</summary>
    public double Rate(int k) => Kind switch
    {
        StepScheduleKind.Constant => Scale,
        StepScheduleKind.Piecewise => k <= SwitchStep ? Scale : 0,
        StepScheduleKind.InverseSqrt => Scale / Math.Sqrt(k + 1.0),
        StepScheduleKind.InverseLinear => Scale / (k + Offset),
        _ => throw new InvalidOperationException("unknown schedule"),
    };

    private static double Check(double u)
    {
        if (!(u >= 0) || double.IsInfinity(u)) throw new ArgumentOutOfRangeException(nameof(u), $"step size must be finite and >= 0, got {u}");
        return u;
    }
}
