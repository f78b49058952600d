namespace OnlineAlgos.Core;

/// <summary>
/// Malformed input: names the source (file name or stream label), the position (line, record index or JSON path) and
/// what was expected. Every reader in the toolkit reports bad input with this exception and nothing else.
/// </summary>
public sealed class InstanceFormatException : Exception
{
    /// <summary>File name or other label of the input.</summary>
    public string SourceName { get; }
    /// <summary>1-based line, or record index, or 0 when the whole input is at fault.</summary>
    public long Line { get; }
    /// <summary>Position as text when a line number does not fit (e.g. a JSON path); null otherwise.</summary>
    public string? Position { get; }
    /// <summary>What the reader expected to find.</summary>
    public string Expected { get; }

    /// <summary>Error at a line (or record) of a source.</summary>
    public InstanceFormatException(string source, long line, string expected, Exception? inner = null)
        : base(Format(source, line > 0 ? $"line {line}" : null, expected), inner)
    {
        SourceName = source;
        Line = line;
        Expected = expected;
    }

    /// <summary>Error at a named position (record index, JSON path) of a source.</summary>
    public InstanceFormatException(string source, string position, string expected, Exception? inner = null)
        : base(Format(source, position, expected), inner)
    {
        SourceName = source;
        Position = position;
        Expected = expected;
    }

    /// <summary>Error at a line of a source, with a finer position as text (e.g. <c>line 3, byte 12</c>) shown in the message.</summary>
    public InstanceFormatException(string source, long line, string position, string expected, Exception? inner = null)
        : base(Format(source, position, expected), inner)
    {
        SourceName = source;
        Line = line;
        Position = position;
        Expected = expected;
    }

    /// <summary>Unused: required for exception conventions.</summary>
    public InstanceFormatException() : this("<input>", 0, "valid input") { }
    /// <summary>Unused: required for exception conventions.</summary>
    public InstanceFormatException(string message) : this("<input>", 0, message) { }
    /// <summary>Unused: required for exception conventions.</summary>
    public InstanceFormatException(string message, Exception inner) : this("<input>", 0, message, inner) { }

    private static string Format(string source, string? position, string expected) =>
        position is null ? $"{source}: {expected}" : $"{source}: {position}: {expected}";
}
