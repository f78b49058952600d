namespace OnlineAlgos.MoeBalancing.Model;

/// <summary>How a per-expert bias enters expert selection (never the gate weights, spec §1).</summary>
public enum SelectionRule
{
    /// <summary>Top-K of s_{t,i} + p_i ([W] Algorithm 1, [V3]; the default).</summary>
    Additive,
    /// <summary>Top-K of s_{t,i} · b_i ([W] Table 4, variant A2c; biases start at 1).</summary>
    Multiplicative,
}
