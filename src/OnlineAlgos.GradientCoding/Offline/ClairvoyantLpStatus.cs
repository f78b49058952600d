namespace OnlineAlgos.GradientCoding.Offline;

/// <summary>Outcome of <see cref="ClairvoyantLoadLp.TrySolve"/>; a GLOP failure (NOT_SOLVED, ABNORMAL, …) is not a
/// status but a <see cref="OnlineAlgos.Core.SolverException"/>.</summary>
public enum ClairvoyantLpStatus
{
    /// <summary>GLOP found an optimum; <see cref="ClairvoyantLpResult.Load"/> is the LP value.</summary>
    Optimal,
    /// <summary>Some job's window [j, j+T] has no non-straggling worker-round: no load suffices.</summary>
    Infeasible,
}
