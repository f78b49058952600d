namespace OnlineAlgos.Matching.Offline;

/// <summary>An exact computation (online-optimum DP, exact enumeration) would exceed its size limit; the message
/// says which limit and what to use instead (the LP bound, or Monte Carlo).</summary>
public sealed class InstanceTooLargeException : Exception
{
    /// <summary>Creates the error.</summary>
    public InstanceTooLargeException(string message) : base(message) { }
    /// <summary>Unused: exception conventions.</summary>
    public InstanceTooLargeException() { }
    /// <summary>Unused: exception conventions.</summary>
    public InstanceTooLargeException(string message, Exception inner) : base(message, inner) { }
}
