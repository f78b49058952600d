using System.Globalization;
using System.Numerics;
using System.Text;

namespace OnlineAlgos.Core;

/// <summary>
/// A competitive guarantee as data: <c>ALG ≤ a·OPT + Σ bᵢ·errorᵢ + c</c> (minimisation) or
/// <c>ALG ≥ a·OPT − Σ bᵢ·errorᵢ − c</c> (maximisation), with named error terms (η₀, η₁, …), a source citation and
/// a status (proved, conjectured, reconstructed). Coefficients are exact <see cref="Rational"/>s: integer and exact
/// costs (<c>long</c>, <see cref="Rational"/>) are checked exactly; <c>double</c> costs with
/// <see cref="RelativeTolerance"/>.
/// </summary>
/// <param name="Ratio">Multiplier a of OPT.</param>
/// <param name="Additive">Additive constant c (subtracted when maximising).</param>
/// <param name="Terms">Error terms over measures that the algorithm's run reports (subtracted when maximising).</param>
/// <param name="Objective">Minimise or maximise.</param>
/// <param name="RelativeTolerance">Slack for floating-point costs only: tol·max(1, |bound|).</param>
/// <param name="Source">Citation of the guarantee (paper, theorem).</param>
/// <param name="Status">Proved, conjectured or reconstructed.</param>
public sealed record Guarantee(
    Rational Ratio,
    Rational Additive = default,
    IReadOnlyList<ErrorTerm>? Terms = null,
    Objective Objective = Objective.Minimize,
    double RelativeTolerance = 1e-9,
    string? Source = null,
    GuaranteeStatus Status = GuaranteeStatus.Proven)
{
    /// <summary>ALG ≤ ratio·OPT (+ additive). A double ratio is read through its shortest decimal (2.5 = 5/2).</summary>
    public static Guarantee Competitive(double ratio, double additive = 0, string? source = null,
        GuaranteeStatus status = GuaranteeStatus.Proven) =>
        new(Rational.FromShortestDecimal(ratio), Rational.FromShortestDecimal(additive), null, Objective.Minimize, 1e-9, source, status);

    /// <summary>ALG ≤ ratio·OPT (+ additive), integer constants (exact).</summary>
    public static Guarantee Competitive(long ratio, long additive = 0, string? source = null,
        GuaranteeStatus status = GuaranteeStatus.Proven) =>
        new(ratio, additive, null, Objective.Minimize, 1e-9, source, status);

    /// <summary>ALG ≤ ratio·OPT (+ additive), exact constants.</summary>
    public static Guarantee Competitive(Rational ratio, Rational additive, string? source = null,
        GuaranteeStatus status = GuaranteeStatus.Proven) =>
        new(ratio, additive, null, Objective.Minimize, 1e-9, source, status);

    /// <summary>ALG ≥ ratio·OPT (maximisation). A double ratio is read through its shortest decimal (0.678 = 339/500).</summary>
    public static Guarantee Approximates(double ratio, string? source = null, GuaranteeStatus status = GuaranteeStatus.Proven) =>
        new(Rational.FromShortestDecimal(ratio), default, null, Objective.Maximize, 1e-9, source, status);

    /// <summary>The right-hand side, exactly, for an optimum and the run's measures.</summary>
    /// <exception cref="InvalidOperationException">A measure an error term needs was not reported.</exception>
    public Rational Bound(Rational optimum, IReadOnlyDictionary<string, double>? measures = null)
    {
        Rational errors = Additive;
        if (Terms is not null)
            foreach (var t in Terms)
                errors += t.Coefficient * Rational.FromDouble(Measure(measures, t.Measure));
        return Objective == Objective.Minimize ? Ratio * optimum + errors : Ratio * optimum - errors;
    }

    /// <summary>The right-hand side in floating point, for an optimum and the run's measures.</summary>
    /// <exception cref="InvalidOperationException">A measure an error term needs was not reported.</exception>
    public double Bound(double optimum, IReadOnlyDictionary<string, double>? measures = null)
    {
        double errors = Additive.ToDouble();
        if (Terms is not null)
            foreach (var t in Terms)
                errors += t.Coefficient.ToDouble() * Measure(measures, t.Measure);
        double scaled = Ratio.ToDouble() * optimum;
        return Objective == Objective.Minimize ? scaled + errors : scaled - errors;
    }

    /// <summary>Whether ALG satisfies the guarantee against OPT, exactly.</summary>
    public bool Holds(Rational algorithm, Rational optimum, IReadOnlyDictionary<string, double>? measures = null)
    {
        var bound = Bound(optimum, measures);
        return Objective == Objective.Minimize ? algorithm <= bound : algorithm >= bound;
    }

    /// <summary>Whether ALG satisfies the guarantee against OPT, with the stated relative tolerance.</summary>
    public bool Holds(double algorithm, double optimum, IReadOnlyDictionary<string, double>? measures = null)
    {
        double bound = Bound(optimum, measures);
        double slack = RelativeTolerance * Math.Max(1, Math.Abs(bound));
        return Objective == Objective.Minimize ? algorithm <= bound + slack : algorithm >= bound - slack;
    }

    /// <summary>Whether ALG satisfies the guarantee for costs of any number type: floating-point types
    /// (<c>double</c>, <c>float</c>, <c>Half</c>) with the tolerance, every other type (integers, <see cref="Rational"/>)
    /// exactly.</summary>
    public bool Holds<T>(T algorithm, T optimum, IReadOnlyDictionary<string, double>? measures = null)
        where T : INumber<T>
    {
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            return Holds(double.CreateChecked(algorithm), double.CreateChecked(optimum), measures);
        return Holds(Exact(algorithm), Exact(optimum), measures);
    }

    /// <summary>The bound as text for a cost of any number type (exact types print p/q).</summary>
    public string BoundText<T>(T optimum, IReadOnlyDictionary<string, double>? measures = null) where T : INumber<T>
    {
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            return Bound(double.CreateChecked(optimum), measures).ToString("G17", CultureInfo.InvariantCulture);
        return Bound(Exact(optimum), measures).ToString();
    }

    // Rational's CreateChecked is a static interface member, reachable only through a generic context.
    private static Rational Exact<T>(T value) where T : INumber<T> => CreateChecked<Rational, T>(value);
    private static TTo CreateChecked<TTo, TFrom>(TFrom value) where TTo : INumberBase<TTo> where TFrom : INumberBase<TFrom> =>
        TTo.CreateChecked(value);

    private static double Measure(IReadOnlyDictionary<string, double>? measures, string name)
    {
        if (measures is null || !measures.TryGetValue(name, out double m))
            throw new InvalidOperationException($"the guarantee needs measure '{name}', which the run did not report");
        return m;
    }

    /// <summary>The inequality alone, e.g. <c>ALG &lt;= 1*OPT + 2*eta0 + 1*eta1</c> (no source).</summary>
    public string Inequality
    {
        get
        {
            var sb = new StringBuilder();
            bool min = Objective == Objective.Minimize;
            sb.Append(min ? "ALG <= " : "ALG >= ").Append(Number(Ratio)).Append("*OPT");
            string op = min ? " + " : " - ";
            if (Terms is not null)
                foreach (var t in Terms)
                    sb.Append(op).Append(Number(t.Coefficient)).Append('*').Append(t.Measure);
            if (!Rational.IsZero(Additive)) sb.Append(op).Append(Number(Additive));
            return sb.ToString();
        }
    }

    /// <summary>Human-readable inequality with its source, e.g. <c>ALG &lt;= 3*OPT  [Sleator-Tarjan 1985]</c>.</summary>
    public override string ToString() => Source is null ? Inequality : Inequality + "  [" + Source + "]";

    // Integers print exactly, fractions as 6-digit decimals (a harmonic number's p/q would be unreadable).
    private static string Number(Rational r) =>
        r.Denominator.IsOne ? r.ToString() : r.ToDouble().ToString("G6", CultureInfo.InvariantCulture);
}
