using System.Numerics;
using OnlineAlgos.Core;

namespace OnlineAlgos.Testing;

/// <summary>One evaluation of a competitive check on one instance: both costs, the bound and whether it holds.</summary>
/// <typeparam name="TInstance">The family's instance type.</typeparam>
/// <typeparam name="TCost">The cost's number type.</typeparam>
/// <param name="Instance">The instance.</param>
/// <param name="Algorithm">The online algorithm's outcome.</param>
/// <param name="Optimum">The offline benchmark's cost.</param>
/// <param name="Guarantee">The guarantee checked (it may depend on the instance).</param>
/// <param name="Holds">Whether ALG satisfies the guarantee.</param>
public sealed record CheckResult<TInstance, TCost>(
    TInstance Instance, Outcome<TCost> Algorithm, TCost Optimum, Guarantee Guarantee, bool Holds)
    where TCost : INumber<TCost>
{
    /// <summary>The right-hand side of the guarantee as text (exact for exact cost types).</summary>
    public string BoundText => Guarantee.BoundText(Optimum, Algorithm.Measures);
}
