namespace OnlineAlgos.GradientCoding.Offline;

/// <summary>Outcome of <see cref="ClairvoyantLoadLp.Solve"/>.</summary>
public enum ClairvoyantLpStatus
{
    /// <summary>GLOP found an optimum; <see cref="ClairvoyantLpResult.Load"/> is the LP value.</summary>
    Optimal,
    /// <summary>Some job's window [j, j+T] has no non-straggling worker-round: no load suffices.</summary>
    Infeasible,
    /// <summary>GLOP stopped without an optimum (its status is in <see cref="ClairvoyantLpResult.SolverStatus"/>).</summary>
    NotSolved,
}
