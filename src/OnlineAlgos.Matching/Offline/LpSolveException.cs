namespace OnlineAlgos.Matching.Offline;

/// <summary>The LP solver (GLOP) did not return an optimal solution (status and instance size in the message).</summary>
public sealed class LpSolveException : Exception
{
    /// <summary>Creates the error.</summary>
    public LpSolveException(string message) : base(message) { }
    /// <summary>Unused: exception conventions.</summary>
    public LpSolveException() { }
    /// <summary>Unused: exception conventions.</summary>
    public LpSolveException(string message, Exception inner) : base(message, inner) { }
}
