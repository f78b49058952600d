namespace OnlineAlgos.Matching.Offline;

/// <summary>Limits for GLOP. A limit that stops the solver before optimality makes the solve fail with
/// <see cref="Core.SolverException"/> (never a silently suboptimal bound).</summary>
/// <param name="TimeLimitMilliseconds">Wall-clock limit, or null for none.</param>
/// <param name="MaxIterations">Simplex iteration limit (GLOP's <c>max_number_of_iterations</c>), or null for none.</param>
/// <param name="GlopParameters">Extra GLOP parameters in protobuf text format (e.g. <c>use_dual_simplex: true</c>),
/// or null for the defaults chosen by <see cref="PpswLinearProgram"/>.</param>
public sealed record LpSolveOptions(long? TimeLimitMilliseconds = null, long? MaxIterations = null, string? GlopParameters = null);
