using OnlineAlgos.Matching.Model;

namespace OnlineAlgos.Matching.Offline;

/// <summary>
/// A solution x of the PPSW LP (spec §2.1), one value per edge (global edge id of the instance), and its objective
/// Σ w·x. Made by <see cref="PpswLinearProgram.Solve"/> or from a hand-made feasible x (<see cref="FromValues"/>),
/// which the algorithms accept as well (spec §2.3: "x: any feasible LP solution").
/// </summary>
public sealed class LpSolution
{
    private readonly double[] _x;

    private LpSolution(double[] x, double value)
    {
        _x = x;
        Value = value;
    }

    /// <summary>Objective value Σ w·x; for an optimal x an upper bound on the online optimum.</summary>
    public double Value { get; }

    /// <summary>x per global edge id.</summary>
    public ReadOnlySpan<double> X => _x;

    /// <summary>Slack accepted by <see cref="FromValues"/> and by the solver's output check.</summary>
    public const double Tolerance = 1e-7;

    /// <summary>Wraps x (negative values within tolerance are clamped to 0) after checking (C1)–(C3) within
    /// <see cref="Tolerance"/>; throws <see cref="ArgumentException"/> naming the violated constraint.</summary>
    public static LpSolution FromValues(MatchingInstance instance, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (x.Length != instance.EdgeCount) throw new ArgumentException($"x has {x.Length} entries, the instance has {instance.EdgeCount} edges", nameof(x));
        var copy = new double[x.Length];
        for (int e = 0; e < x.Length; e++)
        {
            if (!double.IsFinite(x[e]) || x[e] < -Tolerance) throw new ArgumentException($"x[{e}] = {x[e]} violates x >= 0 (C3)", nameof(x));
            copy[e] = Math.Max(0, x[e]);
        }
        string? violation = Violation(instance, copy, Tolerance);
        if (violation is not null) throw new ArgumentException("x is not feasible for the PPSW LP: " + violation, nameof(x));
        double value = 0;
        for (int e = 0; e < copy.Length; e++) value += instance.EdgeWeight(e) * copy[e];
        return new LpSolution(copy, value);
    }

    /// <summary>The first violated constraint (C1) or (C2) beyond <paramref name="tolerance"/>, or null when feasible.</summary>
    public static string? Violation(MatchingInstance instance, ReadOnlySpan<double> x, double tolerance)
    {
        var s = new double[instance.OfflineCount];
        var stepMass = new double[instance.OfflineCount];
        for (int t = 0; t < instance.StepCount; t++)
        {
            for (int j = instance.TypeStart(t); j < instance.TypeStart(t + 1); j++)
            {
                double p = instance.Probability(j), sum = 0;
                for (int e = instance.EdgeStart(j); e < instance.EdgeStart(j + 1); e++)
                {
                    int i = instance.EdgeNode(e);
                    sum += x[e];
                    if (x[e] > p * (1 - s[i]) + tolerance)
                        return $"(C2) at step {t}, node {i}: x = {x[e]} > p (1 - s) = {p * (1 - s[i])}";
                    stepMass[i] += x[e];
                }
                if (sum > p + tolerance) return $"(C1) at step {t}: sum of x = {sum} > p = {p}";
            }
            for (int j = instance.TypeStart(t); j < instance.TypeStart(t + 1); j++)
                for (int e = instance.EdgeStart(j); e < instance.EdgeStart(j + 1); e++)
                {
                    int i = instance.EdgeNode(e);
                    s[i] += stepMass[i];
                    stepMass[i] = 0;
                }
        }
        return null;
    }

    internal static LpSolution FromSolver(MatchingInstance instance, double[] x)
    {
        double value = 0;
        for (int e = 0; e < x.Length; e++)
        {
            if (x[e] < 0) x[e] = 0;
            value += instance.EdgeWeight(e) * x[e];
        }
        return new LpSolution(x, value);
    }
}
