using System.Globalization;
using Google.OrTools.LinearSolver;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;

namespace OnlineAlgos.Matching.Offline;

/// <summary>
/// The PPSW LP relaxation of the online optimum (Papadimitriou–Pollner–Saberi–Wajc EC'21; spec §2.1), types model:
/// maximise Σ w x subject to (C1) Σ_i x_{i,t,j} ≤ p_{t,j}, (C2) x_{i,t,j} ≤ p_{t,j} (1 − Σ_{t'&lt;t} Σ_{j'} x_{i,t',j'}),
/// (C3) x ≥ 0, plus the implied Σ_t x_{i,t} ≤ 1. Its value is an upper bound on OPT_on (verified argument in the spec).
/// Solved with OR-Tools GLOP; the matrix stays sparse through cumulative variables c_{i,t} (one per node and step where
/// the node has an edge), so the size is O(edges) variables and non-zeros.
/// </summary>
/// <remarks>GLOP runs its dual simplex (measured faster here than the primal default).
/// Output: x with tiny negatives clamped to 0; feasibility holds to about 1e-9 (GLOP's primal tolerance).
/// Throws <see cref="SolverException"/> when GLOP's status is not OPTIMAL.</remarks>
public static class PpswLinearProgram
{
    /// <summary>Solves the LP; throws <see cref="SolverException"/> when GLOP does not reach optimality.</summary>
    public static LpSolution Solve(MatchingInstance instance, LpSolveOptions? options = null) =>
        TrySolve(instance, out var solution, out string status, options) ? solution
            : throw new SolverException("GLOP", status, string.Create(CultureInfo.InvariantCulture,
                $"GLOP did not solve the PPSW LP to optimality ({instance.EdgeCount} edge variables, {instance.StepCount} steps, {instance.OfflineCount} offline nodes)"));

    /// <summary>Solves the LP; false when GLOP stops before optimality, with GLOP's status (<c>INFEASIBLE</c>,
    /// <c>NOT_SOLVED</c> on a time or iteration limit, <c>ABNORMAL</c>, …) in <paramref name="status"/>.</summary>
    /// <exception cref="SolverException">GLOP could not be created or rejected the parameters.</exception>
    public static bool TrySolve(MatchingInstance instance, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LpSolution? solution,
        out string status, LpSolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        solution = null;
        status = "OPTIMAL";
        int n = instance.OfflineCount;
        if (instance.EdgeCount == 0)
        {
            solution = LpSolution.FromSolver(instance, Array.Empty<double>());
            return true;
        }
        using var solver = CreateSolver(options);
        var x = new Variable[instance.EdgeCount];
        for (int e = 0; e < x.Length; e++) x[e] = solver.MakeNumVar(0, double.PositiveInfinity, "");
        var objective = solver.Objective();
        var cumulative = new CumulativeRows(solver, n);
        for (int t = 0; t < instance.StepCount; t++)
        {
            for (int j = instance.TypeStart(t); j < instance.TypeStart(t + 1); j++) AddTypeRows(solver, objective, instance, j, x, cumulative);
            cumulative.EndStep();
        }
        objective.SetMaximization();
        var result = solver.Solve();
        if (result != Solver.ResultStatus.OPTIMAL)
        {
            status = result.ToString();
            return false;
        }
        var values = new double[x.Length];
        for (int e = 0; e < x.Length; e++) values[e] = x[e].SolutionValue();
        solution = LpSolution.FromSolver(instance, values);
        return true;
    }

    // Type j's objective terms, its (C1) row and one (C2) row per edge; each edge also enters its node's cumulative
    // definition row for the step.
    private static void AddTypeRows(Solver solver, Google.OrTools.LinearSolver.Objective objective, MatchingInstance instance, int j, Variable[] x, CumulativeRows cumulative)
    {
        double p = instance.Probability(j);
        int e0 = instance.EdgeStart(j), e1 = instance.EdgeStart(j + 1);
        if (e0 == e1) return;
        var c1 = solver.MakeConstraint(double.NegativeInfinity, p, "");
        for (int e = e0; e < e1; e++)
        {
            int i = instance.EdgeNode(e);
            objective.SetCoefficient(x[e], instance.EdgeWeight(e));
            c1.SetCoefficient(x[e], 1);
            // (C2): x + p * c_i <= p
            var c2 = solver.MakeConstraint(double.NegativeInfinity, p, "");
            c2.SetCoefficient(x[e], 1);
            if (cumulative.Current(i) is { } ci) c2.SetCoefficient(ci, p);
            cumulative.DefiningRow(i).SetCoefficient(x[e], -1);
        }
    }

    // Cumulative variables: current[i] holds Σ_{t' < current t} x_{i,t'} (null while it is the constant 0). next[i]/def[i]:
    // the cumulative variable after the current step and its defining row c_i' − c_i − Σ_j x_{i,t,j} = 0.
    private sealed class CumulativeRows(Solver solver, int n)
    {
        private readonly Variable?[] _current = new Variable?[n];
        private readonly Variable?[] _next = new Variable?[n];
        private readonly Constraint?[] _def = new Constraint?[n];
        private readonly List<int> _touched = [];

        public Variable? Current(int i) => _current[i];

        // Node i's defining row for this step, created (with its new variable) on the step's first edge to i.
        public Constraint DefiningRow(int i)
        {
            if (_def[i] is { } row) return row;
            // c_i' <= 1 is the implied Σ_t x_{i,t} <= 1.
            var nv = solver.MakeNumVar(0, 1, "");
            row = solver.MakeConstraint(0, 0, "");
            row.SetCoefficient(nv, 1);
            if (_current[i] is { } prev) row.SetCoefficient(prev, -1);
            _next[i] = nv;
            _def[i] = row;
            _touched.Add(i);
            return row;
        }

        // The nodes the step touched move on to their new cumulative variable.
        public void EndStep()
        {
            foreach (int i in _touched)
            {
                _current[i] = _next[i];
                _next[i] = null;
                _def[i] = null;
            }
            _touched.Clear();
        }
    }

    /// <summary>
    /// The ex-ante LP (weaker, spec §2.1): (C1) and Σ_t x_{i,t} ≤ 1 only. Its value is ≥ E[OPT_off] ≥ the PPSW LP.
    /// </summary>
    public static double SolveExAnte(MatchingInstance instance, LpSolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.EdgeCount == 0) return 0;
        using var solver = CreateSolver(options);
        var nodeRows = new Constraint[instance.OfflineCount];
        for (int i = 0; i < nodeRows.Length; i++) nodeRows[i] = solver.MakeConstraint(double.NegativeInfinity, 1, "");
        var objective = solver.Objective();
        for (int j = 0; j < instance.TypeCount; j++)
        {
            int e0 = instance.EdgeStart(j), e1 = instance.EdgeStart(j + 1);
            if (e0 == e1) continue;
            var c1 = solver.MakeConstraint(double.NegativeInfinity, instance.Probability(j), "");
            for (int e = e0; e < e1; e++)
            {
                var v = solver.MakeNumVar(0, double.PositiveInfinity, "");
                objective.SetCoefficient(v, instance.EdgeWeight(e));
                c1.SetCoefficient(v, 1);
                nodeRows[instance.EdgeNode(e)].SetCoefficient(v, 1);
            }
        }
        objective.SetMaximization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
            throw new SolverException("GLOP", status.ToString(), "GLOP did not solve the ex-ante LP to optimality");
        return objective.Value();
    }

    private static Solver CreateSolver(LpSolveOptions? options)
    {
        var solver = Solver.CreateSolver("GLOP") ?? throw new SolverException("GLOP", "NOT_CREATED", "OR-Tools could not create the GLOP solver");
        if (options?.TimeLimitMilliseconds is { } ms) solver.SetTimeLimit(ms);
        // Dual simplex: about 4x faster than GLOP's default primal on this staircase LP (complete graphs, n = T = 100).
        var parameters = new List<string> { "use_dual_simplex: true" };
        if (options?.MaxIterations is { } it) parameters.Add(string.Create(CultureInfo.InvariantCulture, $"max_number_of_iterations: {it}"));
        if (options?.GlopParameters is { } extra) parameters.Add(extra);
        if (!solver.SetSolverSpecificParametersAsString(string.Join(" ", parameters)))
            throw new SolverException("GLOP", "BAD_PARAMETERS", "GLOP rejected the solver parameters '" + string.Join(" ", parameters) + "'");
        return solver;
    }
}
