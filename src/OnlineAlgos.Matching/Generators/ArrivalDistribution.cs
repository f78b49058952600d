namespace OnlineAlgos.Matching.Generators;

/// <summary>How arrival probabilities p_t are drawn (spec §5).</summary>
public enum ArrivalDistribution
{
    /// <summary>p_t ~ U[0,1] i.i.d. (MAGNOLIA default).</summary>
    Uniform,
    /// <summary>p_t ~ U[0, 0.3]: rare arrivals stress the LP.</summary>
    Rare,
    /// <summary>p_t = 1 (family F5: all bounds coincide).</summary>
    Certain,
}
