namespace OnlineAlgos.GradientCoding.Offline;

/// <summary>
/// Result of the clairvoyant per-pattern LP (<see cref="ClairvoyantLoadLp"/>): status, optimal load and the optimal
/// shares x[j,i,r] (data of job j processed by worker i in round r).
/// </summary>
public sealed class ClairvoyantLpResult
{
    private readonly double[]? _shares; // [(j*(T+1) + (r-j))*n + i]

    internal ClairvoyantLpResult(ClairvoyantLpStatus status, double load, int jobs, int delay, int workers,
        int variables, int constraints, string solverStatus, double[]? shares)
    {
        Status = status; Load = load; Jobs = jobs; Delay = delay; Workers = workers;
        Variables = variables; Constraints = constraints; SolverStatus = solverStatus; _shares = shares;
    }

    /// <summary>Optimal or infeasible.</summary>
    public ClairvoyantLpStatus Status { get; }
    /// <summary>The LP optimum L* when <see cref="Status"/> is Optimal; +infinity when Infeasible.</summary>
    public double Load { get; }
    /// <summary>Number of jobs J.</summary>
    public int Jobs { get; }
    /// <summary>Delay T.</summary>
    public int Delay { get; }
    /// <summary>Number of workers n.</summary>
    public int Workers { get; }
    /// <summary>LP variables built (shares on non-straggling worker-rounds plus L; 0 when not built).</summary>
    public int Variables { get; }
    /// <summary>LP rows built (one per job and one per non-straggling worker-round).</summary>
    public int Constraints { get; }
    /// <summary>GLOP's status text (or why GLOP was not called).</summary>
    public string SolverStatus { get; }

    /// <summary>
    /// Optimal share x[j,i,r] of job <paramref name="job"/> processed by <paramref name="worker"/> in
    /// <paramref name="round"/> (0 outside the window [j, j+T] and on straggling cells). Only when Optimal.
    /// </summary>
    public double Share(int job, int worker, int round)
    {
        if (_shares is null) throw new InvalidOperationException($"no solution: status {Status}");
        if ((uint)job >= (uint)Jobs) throw new ArgumentOutOfRangeException(nameof(job));
        if ((uint)worker >= (uint)Workers) throw new ArgumentOutOfRangeException(nameof(worker));
        int k = round - job;
        if (k < 0 || k > Delay) return 0;
        return _shares[(job * (Delay + 1) + k) * Workers + worker];
    }
}
