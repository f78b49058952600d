namespace OnlineAlgos.Cli;

/// <summary>
/// An error the CLI reports as one line <c>error: …</c> on stderr. <see cref="ExitCode"/> 2 is a usage error: the
/// command line must change (an unknown name, a malformed or out-of-range value, a value the input cannot use, an
/// unusable <c>--out</c>). 1 is an input error: a file must change (missing, unreadable, malformed, or an instance
/// the solver fails on), see <see cref="Input"/>.
/// </summary>
public sealed class CliException : Exception
{
    /// <summary>A usage error (exit code 2).</summary>
    public CliException(string message) : base(message) => ExitCode = 2;

    /// <summary>An error with the given exit code (1 input, 2 usage).</summary>
    public CliException(string message, int exitCode) : base(message) => ExitCode = exitCode;

    /// <summary>Unused: exception conventions.</summary>
    public CliException() => ExitCode = 2;

    /// <summary>Unused: exception conventions.</summary>
    public CliException(string message, Exception inner) : base(message, inner) => ExitCode = 2;

    /// <summary>The process exit code: 2 usage error, 1 input error.</summary>
    public int ExitCode { get; }

    /// <summary>An input error (exit code 1): a file is missing, unreadable or malformed, or the solver fails on it.</summary>
    public static CliException Input(string message) => new(message, 1);
}
