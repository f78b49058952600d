namespace OnlineAlgos.Core;

/// <summary>Whether the online algorithm minimises a cost (paging, flow time) or maximises a value (matching).</summary>
public enum Objective
{
    /// <summary>Guarantee reads ALG ≤ ratio·OPT + Σ coefficient·measure + additive.</summary>
    Minimize,
    /// <summary>Guarantee reads ALG ≥ ratio·OPT − Σ coefficient·measure − additive.</summary>
    Maximize,
}
