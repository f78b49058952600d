namespace OnlineAlgos.Core;

/// <summary>Whether a registered algorithm is an online algorithm or an offline benchmark.</summary>
public enum AlgorithmRole
{
    /// <summary>Sees its input one step at a time.</summary>
    Online,
    /// <summary>Sees the whole input (an optimum, a bound, or a clairvoyant rule).</summary>
    Offline,
}
