using OnlineAlgos.Core;
using System.Globalization;
using Google.OrTools.LinearSolver;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Offline;

/// <summary>
/// Clairvoyant per-pattern load LP of spec §4.2 (<b>reconstructed</b>: the formulation is the spec's, not the paper's).
/// Rounds and jobs are 0-based as everywhere in the family: job j is released in round j and due at the end of round
/// j+T; rounds 0..J−1+T count, rounds past the pattern's end are clean (as in <see cref="Online.PatternSimulator"/>).
/// Variables x[j,i,r] ≥ 0 for r in [j, j+T] and worker i not straggling in round r, plus L; minimise L subject to
/// Σ_{i,r} x[j,i,r] = 1 for every job and Σ_j x[j,i,r] ≤ L for every non-straggling (i,r).
/// </summary>
/// <remarks>
/// <para><b>Guarantee.</b> The optimum is a lower bound on the per-worker per-round load of any scheme, even one that
/// knows the whole pattern in advance, that decodes every job by its deadline on this pattern: under the spec's
/// assumption that partial gradients are arbitrary, every data point of job j must be in some result returned in a
/// non-straggling worker-round of [j, j+T], so charging each point to the first such result gives a feasible x with
/// Σ_j x[j,i,r] ≤ the data worker i processed in round r. Hence LP ≤ load of GC (s = λ), SR-SGC and M-SGC on every
/// pattern they tolerate (spec §6 item 9).</para>
/// <para><b>Exact value.</b> By the max-flow min-cut (Gale) theorem, L is feasible iff |S| ≤ L·A(N(S)) for every
/// set S of jobs, where A counts non-straggling worker-rounds and N(S) is the union of the windows. The windows are
/// intervals with increasing ends, so only runs of consecutive jobs matter: L* = max over a ≤ b of
/// (b−a+1) / A([a, b+T]). <see cref="ExactLoad"/> computes this in exact rational arithmetic; it is the cross-check
/// of the GLOP value (tests).</para>
/// <para><b>Cost.</b> At most J·(T+1)·n + 1 variables and J + (J+T)·n rows, solved with OR-Tools GLOP in double
/// precision; on the tested instances (up to about 20,000 variables) the value agrees with <see cref="ExactLoad"/> to
/// 1e-9 or better, so compare with a tolerance of 1e-7. <see cref="ExactLoad"/> is O((J+T)·n + J²).</para>
/// </remarks>
public static class ClairvoyantLoadLp
{
    /// <summary>Solves the LP with GLOP and returns its optimum (status <see cref="ClairvoyantLpStatus.Optimal"/>).</summary>
    /// <param name="pattern">Straggler pattern; rounds past its end are clean.</param>
    /// <param name="jobs">Number of jobs J (≥ 0).</param>
    /// <param name="delay">Delay T (≥ 0): job j may use rounds j..j+T.</param>
    /// <exception cref="SolverException">Infeasible (status <c>INFEASIBLE</c>: some job's window has no
    /// non-straggling worker-round) or GLOP gave no optimum (its own status word, e.g. <c>NOT_SOLVED</c>,
    /// <c>ABNORMAL</c>).</exception>
    public static ClairvoyantLpResult Solve(StragglerPattern pattern, int jobs, int delay)
    {
        if (TrySolve(pattern, jobs, delay, out var result)) return result;
        throw new SolverException(Glop, "INFEASIBLE", result.SolverStatus);
    }

    /// <summary>
    /// Solves the LP with GLOP: true with the optimum, or false with an <see cref="ClairvoyantLpStatus.Infeasible"/>
    /// result (load +infinity, the reason in <see cref="ClairvoyantLpResult.SolverStatus"/>) when some job cannot be
    /// served. A GLOP failure other than infeasibility (NOT_SOLVED, ABNORMAL, UNBOUNDED, MODEL_INVALID, FEASIBLE)
    /// throws <see cref="SolverException"/> with that status.
    /// </summary>
    /// <param name="pattern">Straggler pattern; rounds past its end are clean.</param>
    /// <param name="jobs">Number of jobs J (≥ 0).</param>
    /// <param name="delay">Delay T (≥ 0): job j may use rounds j..j+T.</param>
    /// <param name="result">The optimum, or the infeasible result.</param>
    public static bool TrySolve(StragglerPattern pattern, int jobs, int delay, out ClairvoyantLpResult result)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (jobs < 0) throw new ArgumentException($"jobs must be >= 0, got {jobs}", nameof(jobs));
        if (delay < 0) throw new ArgumentException($"delay must be >= 0, got {delay}", nameof(delay));
        int n = pattern.Workers, width = delay + 1;
        if (jobs == 0)
        {
            result = new ClairvoyantLpResult(ClairvoyantLpStatus.Optimal, 0, 0, delay, n, 0, 0, "no jobs", []);
            return true;
        }
        int blocked = FirstBlockedJob(Available(pattern, jobs + delay), jobs, delay);
        if (blocked >= 0)
        {
            result = new ClairvoyantLpResult(ClairvoyantLpStatus.Infeasible, double.PositiveInfinity, jobs, delay, n, 0, 0,
                string.Create(CultureInfo.InvariantCulture, $"job {blocked}: every worker straggles in rounds {blocked}..{blocked + delay}"), null);
            return false;
        }

        using var solver = Solver.CreateSolver("GLOP") ?? throw new SolverException(Glop, "UNAVAILABLE", "OR-Tools GLOP is not available");
        var load = solver.MakeNumVar(0, double.PositiveInfinity, "L");
        var (capacity, capacityRows) = AddCapacityRows(solver, pattern, load, jobs + delay);
        int rows = jobs + capacityRows;
        var (x, variables) = AddDemandRows(solver, capacity, jobs, width, n);
        var objective = solver.Objective();
        objective.SetCoefficient(load, 1);
        objective.SetMinimization();
        var status = solver.Solve();
        string statusText = status.ToString();
        if (MapStatus(status) == ClairvoyantLpStatus.Infeasible)
        {
            result = new ClairvoyantLpResult(ClairvoyantLpStatus.Infeasible, double.PositiveInfinity, jobs, delay, n, variables, rows, statusText, null);
            return false;
        }
        var shares = Shares(x);
        result = new ClairvoyantLpResult(ClairvoyantLpStatus.Optimal, load.SolutionValue(), jobs, delay, n, variables, rows, statusText, shares);
        return true;
    }

    // Capacity row per non-straggling (i, r): sum_j x[j,i,r] - L <= 0 (null where i straggles in r); also their count.
    private static (Constraint?[] Capacity, int Rows) AddCapacityRows(Solver solver, StragglerPattern pattern, Variable load, int rounds)
    {
        int n = pattern.Workers;
        var capacity = new Constraint?[rounds * n];
        int rows = 0;
        for (int r = 0; r < rounds; r++)
            for (int i = 0; i < n; i++)
            {
                if (Straggles(pattern, r, i)) continue;
                var c = solver.MakeConstraint(double.NegativeInfinity, 0, "");
                c.SetCoefficient(load, -1);
                capacity[r * n + i] = c;
                rows++;
            }
        return (capacity, rows);
    }

    // Demand row per job: sum of x[j,i,r] over its window's non-straggling (i, r) = 1, each x also entering its
    // capacity row; the variables by (j, k = r - j, i), and the variable count including L.
    private static (Variable?[] X, int Variables) AddDemandRows(Solver solver, Constraint?[] capacity, int jobs, int width, int n)
    {
        var x = new Variable?[jobs * width * n];
        int variables = 1;
        for (int j = 0; j < jobs; j++)
        {
            var demand = solver.MakeConstraint(1, 1, "");
            for (int k = 0; k < width; k++)
                for (int i = 0; i < n; i++)
                {
                    var cap = capacity[(j + k) * n + i];
                    if (cap is null) continue;
                    var v = solver.MakeNumVar(0, double.PositiveInfinity, "");
                    demand.SetCoefficient(v, 1);
                    cap.SetCoefficient(v, 1);
                    x[(j * width + k) * n + i] = v;
                    variables++;
                }
        }
        return (x, variables);
    }

    // The solved x, 0 where there is no variable.
    private static double[] Shares(Variable?[] x)
    {
        var shares = new double[x.Length];
        for (int e = 0; e < x.Length; e++)
            if (x[e] is { } v) shares[e] = Math.Max(0, v.SolutionValue()); // GLOP may return -1e-17 for zero
        return shares;
    }

    /// <summary>
    /// GLOP's status, faithfully: OPTIMAL → <see cref="ClairvoyantLpStatus.Optimal"/>, INFEASIBLE →
    /// <see cref="ClairvoyantLpStatus.Infeasible"/>; every other status (NOT_SOLVED, ABNORMAL, UNBOUNDED,
    /// MODEL_INVALID, FEASIBLE: no proven optimum) throws <see cref="SolverException"/> carrying that status.
    /// </summary>
    public static ClairvoyantLpStatus MapStatus(Solver.ResultStatus status) => status switch
    {
        Solver.ResultStatus.OPTIMAL => ClairvoyantLpStatus.Optimal,
        Solver.ResultStatus.INFEASIBLE => ClairvoyantLpStatus.Infeasible,
        _ => throw new SolverException(Glop, status.ToString(), "GLOP returned no optimum for the clairvoyant load LP"),
    };

    private const string Glop = "GLOP";

    /// <summary>
    /// The exact LP optimum max over job runs a..b of (b−a+1)/A([a, b+T]) (see the remarks of the class), or null when
    /// some job's window has no non-straggling worker-round (infeasible). 0 for J = 0.
    /// </summary>
    public static Rational? ExactLoad(StragglerPattern pattern, int jobs, int delay)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (jobs < 0) throw new ArgumentException($"jobs must be >= 0, got {jobs}", nameof(jobs));
        if (delay < 0) throw new ArgumentException($"delay must be >= 0, got {delay}", nameof(delay));
        if (jobs == 0) return new Rational(0, 1);
        long[] prefix = Available(pattern, jobs + delay);
        if (FirstBlockedJob(prefix, jobs, delay) >= 0) return null;
        long bestJobs = 0, bestCapacity = 1;
        for (int a = 0; a < jobs; a++)
            for (int b = a; b < jobs; b++)
            {
                long k = b - a + 1, cap = prefix[b + delay + 1] - prefix[a];
                if (k * bestCapacity > bestJobs * cap) { bestJobs = k; bestCapacity = cap; }
            }
        return new Rational(bestJobs, bestCapacity);
    }

    private static bool Straggles(StragglerPattern p, int round, int worker) => round < p.Rounds && p[round, worker];

    // prefix[r] = non-straggling worker-rounds in rounds 0..r-1.
    private static long[] Available(StragglerPattern p, int rounds)
    {
        var prefix = new long[rounds + 1];
        for (int r = 0; r < rounds; r++)
            prefix[r + 1] = prefix[r] + p.Workers - (r < p.Rounds ? p.CountInRound(r) : 0);
        return prefix;
    }

    private static int FirstBlockedJob(long[] prefix, int jobs, int delay)
    {
        for (int j = 0; j < jobs; j++)
            if (prefix[j + delay + 1] == prefix[j]) return j;
        return -1;
    }
}
