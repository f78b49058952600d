namespace OnlineAlgos.Matching.Offline;

/// <summary>The <see cref="Core.SolverException.Status"/> values the matching benchmarks raise besides GLOP's own
/// statuses (<c>INFEASIBLE</c>, <c>NOT_SOLVED</c>, <c>ABNORMAL</c>, …, spelled as OR-Tools spells them).</summary>
public static class MatchingSolverStatus
{
    /// <summary>An exact computation (online-optimum DP, exact evaluation) would exceed its size limit; use the LP
    /// bound or Monte Carlo instead.</summary>
    public const string TooLarge = "TOO_LARGE";
}
