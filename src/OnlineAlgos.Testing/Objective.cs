using System.Globalization;
using System.Text;

namespace OnlineAlgos.Testing;

/// <summary>Whether the online algorithm minimises a cost (paging, flow time) or maximises a value (matching).</summary>
public enum Objective
{
    /// <summary>Guarantee reads ALG ≤ ratio·OPT + Σ coefficient·measure + additive.</summary>
    Minimize,
    /// <summary>Guarantee reads ALG ≥ ratio·OPT − additive.</summary>
    Maximize,
}
