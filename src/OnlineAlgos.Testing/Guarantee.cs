using System.Globalization;
using System.Text;

namespace OnlineAlgos.Testing;

/// <summary>
/// A competitive guarantee as data, e.g. <c>ALG ≤ 1·OPT + (k−1)·eta0 + 1·eta1</c> or <c>ALG ≥ 0.678·OPT</c>.
/// The harness evaluates it on each generated instance; <see cref="Source"/> says where the constant comes from.
/// </summary>
/// <param name="Ratio">Multiplier of OPT (α).</param>
/// <param name="Additive">Additive constant (c).</param>
/// <param name="Terms">Error terms over named measures reported by the algorithm's run (minimisation only).</param>
/// <param name="Objective">Minimise or maximise.</param>
/// <param name="RelativeTolerance">Slack for floating-point costs: the check allows tol·max(1, |bound|).</param>
/// <param name="Source">Citation of the guarantee (paper, theorem).</param>
public sealed record Guarantee(
    double Ratio,
    double Additive = 0,
    IReadOnlyList<ErrorTerm>? Terms = null,
    Objective Objective = Objective.Minimize,
    double RelativeTolerance = 1e-9,
    string? Source = null)
{
    /// <summary>ALG ≤ ratio·OPT (+ additive).</summary>
    public static Guarantee Competitive(double ratio, double additive = 0, string? source = null) =>
        new(ratio, additive, null, Objective.Minimize, 1e-9, source);

    /// <summary>ALG ≥ ratio·OPT (maximisation).</summary>
    public static Guarantee Approximates(double ratio, string? source = null) =>
        new(ratio, 0, null, Objective.Maximize, 1e-9, source);

    /// <summary>The right-hand side for an optimum and the run's measures.</summary>
    public double Bound(double optimum, IReadOnlyDictionary<string, double>? measures = null)
    {
        if (Objective == Objective.Maximize) return Ratio * optimum - Additive;
        double b = Ratio * optimum + Additive;
        if (Terms is not null)
        {
            foreach (var t in Terms)
            {
                if (measures is null || !measures.TryGetValue(t.Measure, out double m))
                    throw new InvalidOperationException($"the guarantee needs measure '{t.Measure}', which the run did not report");
                b += t.Coefficient * m;
            }
        }
        return b;
    }

    /// <summary>Whether ALG satisfies the guarantee against OPT (with the stated tolerance).</summary>
    public bool Holds(double algorithm, double optimum, IReadOnlyDictionary<string, double>? measures = null)
    {
        double bound = Bound(optimum, measures);
        double slack = RelativeTolerance * Math.Max(1, Math.Abs(bound));
        return Objective == Objective.Minimize ? algorithm <= bound + slack : algorithm >= bound - slack;
    }

    /// <summary>Human-readable inequality, e.g. <c>ALG &lt;= 1*OPT + 2*eta0 + 1*eta1</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Objective == Objective.Minimize ? "ALG <= " : "ALG >= ");
        sb.Append(Ratio.ToString("G6", CultureInfo.InvariantCulture)).Append("*OPT");
        if (Terms is not null)
            foreach (var t in Terms)
                sb.Append(" + ").Append(t.Coefficient.ToString("G6", CultureInfo.InvariantCulture)).Append('*').Append(t.Measure);
        if (Additive != 0)
            sb.Append(Objective == Objective.Minimize ? " + " : " - ").Append(Additive.ToString("G6", CultureInfo.InvariantCulture));
        if (Source is not null) sb.Append("  [").Append(Source).Append(']');
        return sb.ToString();
    }
}
