using System.Globalization;
using System.Numerics;
using Google.OrTools.LinearSolver;
using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;

namespace OnlineAlgos.Scheduling.Offline;

/// <summary>
/// Time-indexed LP lower bound on OPT (spec §4.2; the derivation is reconstructed, not the paper's Chunk LP, which was
/// NOT FOUND). For each job j with p_j &gt; 0 and slot [s, s+D) with s &gt;= r_j, variable x_{j,s} &gt;= 0;
/// sum_j x_{j,s} &lt;= D; sum_s x_{j,s} = p_j; minimise sum x_{j,s}(s − r_j)/p_j + sum p_j/2. Valid because
/// F_j &gt;= integral (t − r_j) x_j(t)/p_j dt + p_j/2 and t &gt;= s inside a slot; releases must lie on the slot grid.
/// Jobs with p_j = 0 are left out (flow time 0 in every schedule). Solved with OR-Tools GLOP in double precision
/// (primal tolerance about 1e-7), so compare with OPT using a relative slack of 1e-6. Size: n × (horizon/D) variables.
/// </summary>
public static class TimeIndexedLpBound
{
    /// <summary>The LP value for slot length <paramref name="slotLength"/> (releases must be multiples of it).</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="slotLength">Slot length D.</param>
    /// <param name="maxIterations">GLOP's simplex iteration limit, or null for none (a limit that stops GLOP early
    /// is a failure, never a silently weaker bound).</param>
    /// <exception cref="ArgumentException">A release is not on the slot grid, or the slot length is not positive.</exception>
    /// <exception cref="SolverException">GLOP did not report an optimal solution (its status, e.g. <c>NOT_SOLVED</c>,
    /// <c>INFEASIBLE</c>, <c>ABNORMAL</c>, in <see cref="SolverException.Status"/>).</exception>
    public static double Solve<T>(SchedulingInstance<T> instance, T slotLength, long? maxIterations = null) where T : struct, INumber<T> =>
        TrySolve(instance, slotLength, out double value, out string status, maxIterations) ? value
            : throw new SolverException("GLOP", status, $"GLOP did not solve the time-indexed LP bound to optimality ({instance.JobCount} jobs)");

    /// <summary>As <see cref="Solve{T}"/>, but false with GLOP's status (value NaN) when GLOP stops before optimality.</summary>
    /// <exception cref="ArgumentException">A release is not on the slot grid, or the slot length is not positive.</exception>
    /// <exception cref="SolverException">GLOP could not be created or rejected the parameters.</exception>
    public static bool TrySolve<T>(SchedulingInstance<T> instance, T slotLength, out double value, out string status, long? maxIterations = null)
        where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(instance);
        value = double.NaN;
        if (!T.IsPositive(slotLength) || T.IsZero(slotLength)) throw new ArgumentException("slot length must be > 0", nameof(slotLength));
        int n = instance.JobCount;
        double d = double.CreateChecked(slotLength);
        var slotOfRelease = new long[n];
        T horizon = T.Zero;
        T work = T.Zero;
        for (int j = 0; j < n; j++)
        {
            double q = double.CreateChecked(instance.Release(j) / slotLength);
            double rounded = Math.Round(q);
            if (Math.Abs(q - rounded) > 1e-9 * Math.Max(1, Math.Abs(q)))
                throw new ArgumentException($"release of job {j} is not a multiple of the slot length", nameof(instance));
            slotOfRelease[j] = (long)rounded;
            if (instance.Release(j) > horizon) horizon = instance.Release(j);
            work += instance.TotalSize(j);
        }
        // Every non-idling schedule ends by max release + total work.
        long slots = (long)Math.Ceiling(double.CreateChecked((horizon + work) / slotLength) - 1e-9);
        using var solver = Solver.CreateSolver("GLOP") ?? throw new SolverException("GLOP", "NOT_CREATED", "OR-Tools GLOP is not available");
        if (maxIterations is { } it && !solver.SetSolverSpecificParametersAsString(string.Create(CultureInfo.InvariantCulture, $"max_number_of_iterations: {it}")))
            throw new SolverException("GLOP", "BAD_PARAMETERS", "GLOP rejected the iteration limit");
        var capacity = new Constraint[slots];
        for (long s = 0; s < slots; s++) capacity[s] = solver.MakeConstraint(double.NegativeInfinity, d);
        var objective = solver.Objective();
        double constant = 0;
        for (int j = 0; j < n; j++)
        {
            double p = double.CreateChecked(instance.TotalSize(j));
            if (p <= 0) continue;
            constant += p / 2;
            var demand = solver.MakeConstraint(p, p);
            double r = double.CreateChecked(instance.Release(j));
            for (long s = slotOfRelease[j]; s < slots; s++)
            {
                var x = solver.MakeNumVar(0, double.PositiveInfinity, "");
                capacity[s].SetCoefficient(x, 1);
                demand.SetCoefficient(x, 1);
                objective.SetCoefficient(x, (s * d - r) / p);
            }
        }
        objective.SetMinimization();
        var result = solver.Solve();
        status = result.ToString();
        if (result != Solver.ResultStatus.OPTIMAL) return false;
        value = objective.Value() + constant;
        return true;
    }
}
