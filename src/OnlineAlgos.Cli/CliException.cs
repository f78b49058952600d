namespace OnlineAlgos.Cli;

/// <summary>A usage or input error the CLI reports as one line on stderr with a non-zero exit code (2).</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the error.</summary>
    public CliException(string message) : base(message) { }
    /// <summary>Unused: exception conventions.</summary>
    public CliException() { }
    /// <summary>Unused: exception conventions.</summary>
    public CliException(string message, Exception inner) : base(message, inner) { }
}
