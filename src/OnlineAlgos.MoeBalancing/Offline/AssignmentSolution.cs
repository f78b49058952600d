namespace OnlineAlgos.MoeBalancing.Offline;

/// <summary>An offline (balanced or capacitated) assignment solution.</summary>
/// <param name="Status">Optimal or infeasible.</param>
/// <param name="Value">Objective Σ s·x of the solution with the original scores (NaN when infeasible).</param>
/// <param name="Assignment">T·K expert ids, each token's K experts best first; null when infeasible or fractional.</param>
/// <param name="Loads">Per-expert loads; null when infeasible or fractional.</param>
/// <param name="Prices">Optimal dual prices as a bias vector p (selection by top-K of s + p), when the solver gives them.</param>
/// <param name="ErrorBound">Value ≥ OPT − ErrorBound (0 when exact; T·K/Q for min-cost flow on scores scaled by Q).</param>
/// <param name="Message">Why the problem is infeasible, or a note; empty otherwise.</param>
public sealed record AssignmentSolution(OfflineStatus Status, double Value, int[]? Assignment, int[]? Loads,
    double[]? Prices, double ErrorBound, string Message)
{
    /// <summary>An infeasible result with a reason.</summary>
    public static AssignmentSolution Infeasible(string message) => new(OfflineStatus.Infeasible, double.NaN, null, null, null, 0, message);
}
