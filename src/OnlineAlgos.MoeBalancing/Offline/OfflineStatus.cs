namespace OnlineAlgos.MoeBalancing.Offline;

/// <summary>Outcome of an offline solve.</summary>
public enum OfflineStatus
{
    /// <summary>An optimal solution was found.</summary>
    Optimal,
    /// <summary>The problem has no feasible solution (e.g. L = T·K/E not an integer for BAP, or E·C &lt; T·K).</summary>
    Infeasible,
}
