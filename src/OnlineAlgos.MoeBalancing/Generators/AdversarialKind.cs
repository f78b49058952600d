namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>Adversarial families of spec §5.5 G5 / T7.</summary>
public enum AdversarialKind
{
    /// <summary>L1: every token has the same score row, so bias routing cannot split them (MaxVio = E/K − 1 forever).</summary>
    IdenticalRows,
    /// <summary>L3: expert 0 leads every token by a gap, so rebalancing waits ≥ gap/(2u) iterations (T4b).</summary>
    Superstar,
    /// <summary>Binary {0, 1} scores: massive ties that stress the tie-break.</summary>
    Binary,
}
