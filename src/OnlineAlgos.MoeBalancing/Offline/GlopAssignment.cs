using Google.OrTools.LinearSolver;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Offline;

/// <summary>
/// The same assignment problem as an LP solved by OR-Tools GLOP (spec §4.1): x_{t,i} ∈ [0, 1], Σ_i x_{t,i} = K,
/// Σ_t x_{t,i} = target (BAP) or ≤ target (CAP). Total unimodularity makes the simplex vertex integral for integer
/// targets (checked to 1e-6). Returns the duals of the expert rows as a bias vector p: by complementary slackness every
/// optimal x*_t is a top-K set of s_t + p (the "ideal biases"); the sign convention is checked against exactly that
/// and flipped when needed (spec §4.1). A fractional target (e.g. the hindsight comparator of the regret) is allowed;
/// then only <see cref="AssignmentSolution.Value"/> and prices are returned. Simplex: practical for T·E up to ~10⁵.
/// </summary>
public static class GlopAssignment
{
    /// <summary>Tolerance of the LP (values and the top-K check of the prices).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Solves the LP; <paramref name="balanced"/>: column sums equal <paramref name="target"/>, else ≤.</summary>
    /// <exception cref="SolverException">The problem is infeasible (status <c>INFEASIBLE</c>) or GLOP gave no optimum
    /// (its own status, e.g. <c>NOT_SOLVED</c>, <c>ABNORMAL</c>).</exception>
    public static AssignmentSolution Solve(ScoreMatrix scores, int k, double target, bool balanced)
    {
        if (TrySolve(scores, k, target, balanced, out var solution)) return solution;
        throw new SolverException(Glop, "INFEASIBLE", solution.Message);
    }

    /// <summary>
    /// Solves the LP: true with the optimum, false with an <see cref="OfflineStatus.Infeasible"/> solution (and the
    /// reason in its message) when the problem has no feasible point (K outside 1..E, E·C &lt; T·K, a balanced target
    /// other than T·K/E, or GLOP's INFEASIBLE). Any other GLOP status (NOT_SOLVED, ABNORMAL, UNBOUNDED, MODEL_INVALID,
    /// FEASIBLE) is a failure, not infeasibility: it throws <see cref="SolverException"/> with that status.
    /// </summary>
    public static bool TrySolve(ScoreMatrix scores, int k, double target, bool balanced, out AssignmentSolution solution)
    {
        solution = Build(scores, k, target, balanced);
        return solution.Status == OfflineStatus.Optimal;
    }

    /// <summary>
    /// GLOP's status, faithfully: OPTIMAL → <see cref="OfflineStatus.Optimal"/>, INFEASIBLE →
    /// <see cref="OfflineStatus.Infeasible"/>; every other status throws <see cref="SolverException"/> with it (before,
    /// NOT_SOLVED and ABNORMAL were reported as infeasible).
    /// </summary>
    public static OfflineStatus MapStatus(Solver.ResultStatus status) => status switch
    {
        Solver.ResultStatus.OPTIMAL => OfflineStatus.Optimal,
        Solver.ResultStatus.INFEASIBLE => OfflineStatus.Infeasible,
        _ => throw new SolverException(Glop, status.ToString(), "GLOP returned no optimum for the assignment LP"),
    };

    private const string Glop = "GLOP";

    private static AssignmentSolution Build(ScoreMatrix scores, int k, double target, bool balanced)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (WhyInfeasible(scores, k, target, balanced) is { } why) return AssignmentSolution.Infeasible(why);
        using var solver = Solver.CreateSolver("GLOP") ?? throw new SolverException(Glop, "UNAVAILABLE", "GLOP is not available");
        var (x, cols, obj) = BuildLp(solver, scores, k, target, balanced);
        var status = solver.Solve();
        if (MapStatus(status) == OfflineStatus.Infeasible)
            return AssignmentSolution.Infeasible($"GLOP returned {status}");
        double value = obj.Value();
        var (xv, integral) = ReadVertex(x);
        var prices = SignedPrices(scores, k, xv, cols);
        if (!integral)
            return new AssignmentSolution(OfflineStatus.Optimal, value, null, null, prices, Tolerance * Math.Max(1, Math.Abs(value)), "fractional vertex");
        return IntegralSolution(scores, k, xv, prices);
    }

    // The reason the problem has no feasible point before any solve (K outside 1..E, a negative capacity, a balanced
    // target other than T·K/E, E·C < T·K); null when it may have one.
    private static string? WhyInfeasible(ScoreMatrix scores, int k, double target, bool balanced)
    {
        int t = scores.Tokens, e = scores.Experts;
        if (k < 1 || k > e) return $"K = {k} must be between 1 and E = {e}";
        if (!(target >= 0)) return $"capacity must be >= 0, got {target}";
        double tk = (double)t * k;
        if (balanced && Math.Abs(target * e - tk) > 1e-9 * Math.Max(1, tk))
            return $"balanced target {target} differs from T·K/E = {tk / e}";
        if (!balanced && target * e < tk - 1e-9) return $"E·C = {target * e} < T·K = {tk}";
        return null;
    }

    // x_{t,i} ∈ [0, 1], one row Σ_i x_{t,i} = K per token, one column Σ_t x_{t,i} = (or ≤) target per expert, and the
    // objective max Σ s·x.
    private static (Variable[] X, Constraint[] Columns, Google.OrTools.LinearSolver.Objective Objective) BuildLp(Solver solver,
        ScoreMatrix scores, int k, double target, bool balanced)
    {
        int t = scores.Tokens, e = scores.Experts;
        var x = new Variable[t * e];
        for (int j = 0; j < x.Length; j++) x[j] = solver.MakeNumVar(0, 1, "");
        for (int tok = 0; tok < t; tok++)
        {
            var row = solver.MakeConstraint(k, k, "");
            for (int i = 0; i < e; i++) row.SetCoefficient(x[tok * e + i], 1);
        }
        var cols = new Constraint[e];
        for (int i = 0; i < e; i++)
        {
            cols[i] = balanced ? solver.MakeConstraint(target, target, "") : solver.MakeConstraint(double.NegativeInfinity, target, "");
            for (int tok = 0; tok < t; tok++) cols[i].SetCoefficient(x[tok * e + i], 1);
        }
        var obj = solver.Objective();
        for (int j = 0; j < x.Length; j++) obj.SetCoefficient(x[j], scores.Data[j]);
        obj.SetMaximization();
        return (x, cols, obj);
    }

    // The vertex's values, and whether every one is integral within Tolerance.
    private static (double[] Values, bool Integral) ReadVertex(Variable[] x)
    {
        var xv = new double[x.Length];
        bool integral = true;
        for (int j = 0; j < xv.Length; j++)
        {
            xv[j] = x[j].SolutionValue();
            if (Math.Abs(xv[j] - Math.Round(xv[j])) > Tolerance) integral = false;
        }
        return (xv, integral);
    }

    // The expert rows' duals as prices: negated, unless only the duals as they are support the vertex (spec §4.1).
    private static double[] SignedPrices(ScoreMatrix scores, int k, double[] xv, Constraint[] cols)
    {
        int e = cols.Length;
        var dual = new double[e];
        for (int i = 0; i < e; i++) dual[i] = cols[i].DualValue();
        var prices = new double[e];
        for (int i = 0; i < e; i++) prices[i] = -dual[i];
        if (!PricesSupport(scores, k, xv, prices))
        {
            for (int i = 0; i < e; i++) prices[i] = dual[i];
            if (!PricesSupport(scores, k, xv, prices))
                for (int i = 0; i < e; i++) prices[i] = -dual[i];
        }
        return prices;
    }

    // The integral vertex as an assignment, its value summed exactly from the chosen scores.
    private static AssignmentSolution IntegralSolution(ScoreMatrix scores, int k, double[] xv, double[] prices)
    {
        int e = scores.Experts;
        var chosen = new bool[xv.Length];
        var loads = new int[e];
        double exact = 0;
        for (int j = 0; j < xv.Length; j++)
            if (xv[j] > 0.5)
            {
                chosen[j] = true;
                loads[j % e]++;
                exact += scores.Data[j];
            }
        return new AssignmentSolution(OfflineStatus.Optimal, exact, AssignmentProblem.SortedAssignment(scores, k, chosen), loads, prices, 0, "");
    }

    /// <summary>
    /// Complementary-slackness check: every token's support in <paramref name="x"/> (x &gt; 0) is within the top-K of
    /// s_t + p up to ties (min over x &gt; 0 ≥ max over x &lt; 1, within tolerance).
    /// </summary>
    public static bool PricesSupport(ScoreMatrix scores, int k, ReadOnlySpan<double> x, ReadOnlySpan<double> prices)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int e = scores.Experts;
        double scale = 1;
        foreach (double s in scores.Data) scale = Math.Max(scale, Math.Abs(s));
        foreach (double p in prices) scale = Math.Max(scale, Math.Abs(p));
        double tol = 1e-7 * scale;
        for (int t = 0; t < scores.Tokens; t++)
        {
            double minIn = double.PositiveInfinity, maxOut = double.NegativeInfinity;
            for (int i = 0; i < e; i++)
            {
                double v = scores.Data[t * e + i] + prices[i];
                if (x[t * e + i] > Tolerance) minIn = Math.Min(minIn, v);
                if (x[t * e + i] < 1 - Tolerance) maxOut = Math.Max(maxOut, v);
            }
            if (minIn < maxOut - tol) return false;
        }
        return true;
    }
}
