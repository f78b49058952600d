namespace OnlineAlgos.Core;

/// <summary>
/// An additive error term of a guarantee: coefficient · measure, e.g. (k−1)·η₀. The measure is named; the run of the
/// algorithm reports its value (<c>eta0</c>, <c>eta1</c>, …). The coefficient is exact.
/// </summary>
/// <param name="Measure">Name of the measure the run reports.</param>
/// <param name="Coefficient">Exact coefficient.</param>
public sealed record ErrorTerm(string Measure, Rational Coefficient)
{
    /// <summary>A term whose coefficient is given as a double; converted through its shortest round-trip decimal
    /// (0.678 becomes 339/500, an integer stays exact).</summary>
    public ErrorTerm(string measure, double coefficient) : this(measure, Rational.FromShortestDecimal(coefficient)) { }

    /// <summary>A term with an integer coefficient (exact).</summary>
    public ErrorTerm(string measure, long coefficient) : this(measure, new Rational(coefficient)) { }
}
