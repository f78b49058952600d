namespace OnlineAlgos.Core;

/// <summary>
/// An exact benchmark's solver did not produce an answer it can vouch for (infeasible, unbounded, not solved, abnormal,
/// or a model too large). <see cref="Status"/> is the solver's own status word, mapped faithfully.
/// </summary>
public sealed class SolverException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SolverException(string solver, string status, string message) : base($"{solver}: {status}: {message}")
    {
        Solver = solver;
        Status = status;
    }

    /// <summary>Exception conventions.</summary>
    public SolverException() : this("solver", "UNKNOWN", "no answer") { }
    /// <summary>Exception conventions.</summary>
    public SolverException(string message) : this("solver", "UNKNOWN", message) { }
    /// <summary>Exception conventions.</summary>
    public SolverException(string message, Exception inner) : base(message, inner)
    {
        Solver = "solver";
        Status = "UNKNOWN";
    }

    /// <summary>The solver (e.g. <c>GLOP</c>, <c>MinCostFlow</c>, <c>online-optimum DP</c>).</summary>
    public string Solver { get; } = "solver";
    /// <summary>The solver's status (e.g. <c>INFEASIBLE</c>, <c>NOT_SOLVED</c>, <c>ABNORMAL</c>, <c>TOO_LARGE</c>).</summary>
    public string Status { get; } = "UNKNOWN";
}
