namespace OnlineAlgos.Testing;

/// <summary>What one run of an online algorithm reports to the harness: its cost (or value) and named measures
/// (prediction errors such as eta0/eta1) that a <see cref="Guarantee"/>'s error terms refer to.</summary>
public readonly record struct Outcome(double Cost, IReadOnlyDictionary<string, double>? Measures = null)
{
    /// <summary>An outcome with a cost only.</summary>
    public static implicit operator Outcome(double cost) => new(cost);
}
