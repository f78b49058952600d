namespace OnlineAlgos.Experiments;

/// <summary>
/// A study's cell store cannot be used as asked: it was made with another configuration (seed, grid, inputs, tool),
/// another run is writing it, or a line of it is malformed. The message is one line for the user, naming the file and
/// what to do; the CLI prints it as <c>error: …</c> and exits 1.
/// </summary>
public sealed class StudyStoreException : Exception
{
    /// <summary>Creates the error.</summary>
    public StudyStoreException(string message) : base(message) { }
    /// <summary>Unused: exception conventions.</summary>
    public StudyStoreException() { }
    /// <summary>Unused: exception conventions.</summary>
    public StudyStoreException(string message, Exception inner) : base(message, inner) { }
}
