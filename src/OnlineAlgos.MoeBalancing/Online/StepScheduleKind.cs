namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>Step-size schedules of spec A2d (which ones [HZ] analyses is NOT FOUND).</summary>
public enum StepScheduleKind
{
    /// <summary>u_k = u (deployed practice: [W], Megatron, torchtitan).</summary>
    Constant,
    /// <summary>[V3] piecewise: u for iterations k ≤ switch, then 0 (frozen bias).</summary>
    Piecewise,
    /// <summary>Annealed u_k = u₀/√(k+1) (oberpierre replica's "annealed" mode).</summary>
    InverseSqrt,
    /// <summary>u_k = c/(k + offset), c = 1/μ: the textbook O(log N)-regret step for μ-strongly convex losses (reconstructed, T6).</summary>
    InverseLinear,
}
