using OnlineAlgos.Core;
using System.Numerics;

namespace OnlineAlgos.Testing;

/// <summary>What one run of an online algorithm reports to the harness: its cost (or value), typed (<c>long</c> for
/// paging faults, <see cref="Core.Rational"/> for exact flow times, <c>double</c> where the model is real-valued), and
/// named measures (prediction errors such as eta0/eta1) that a <see cref="Core.Guarantee"/>'s error terms refer to.</summary>
/// <typeparam name="TCost">The cost's number type.</typeparam>
/// <param name="Cost">The cost (minimisation) or value (maximisation).</param>
/// <param name="Measures">Named measures of the run; null when the guarantee has no error terms.</param>
public readonly record struct Outcome<TCost>(TCost Cost, IReadOnlyDictionary<string, double>? Measures = null)
    where TCost : INumber<TCost>
{
    /// <summary>An outcome with a cost only.</summary>
    public static implicit operator Outcome<TCost>(TCost cost) => new(cost);
}
