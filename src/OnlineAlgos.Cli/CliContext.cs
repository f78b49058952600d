using OnlineAlgos.Core;

namespace OnlineAlgos.Cli;

/// <summary>
/// What a command needs from its environment: output writers (stdout for data, stderr for progress and errors) and
/// whether stdout is a terminal. Tests pass string writers.
/// </summary>
public sealed class CliContext
{
    /// <summary>Creates a context.</summary>
    public CliContext(TextWriter output, TextWriter error, bool interactive)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
    }

    /// <summary>Standard output: data (CSV, tables).</summary>
    public TextWriter Out { get; }
    /// <summary>Standard error: progress and error messages.</summary>
    public TextWriter Error { get; }
    /// <summary>True when attached to a terminal (progress bars); false when redirected (plain progress lines).</summary>
    public bool Interactive { get; }

    /// <summary>Opens an input file for reading, with a clear error when it is missing or unreadable.</summary>
    public static FileStream OpenInput(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (FileNotFoundException) { throw new CliException($"{path}: no such file"); }
        catch (DirectoryNotFoundException) { throw new CliException($"{path}: no such file (its folder does not exist)"); }
        catch (UnauthorizedAccessException) { throw new CliException($"{path}: permission denied, or it is a folder"); }
        catch (IOException e) { throw new CliException($"{path}: cannot read ({e.Message})"); }
    }

    /// <summary>Parses a comma-separated list of positive integers (e.g. <c>--k 10,100</c>).</summary>
    public static int[] ParsePositiveInts(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out values[i]) || values[i] <= 0)
                throw new CliException($"{option} expects positive integers separated by commas, got '{parts[i]}'");
        return values;
    }

    /// <summary>Turns an <see cref="InstanceFormatException"/> into the CLI's error.</summary>
    public static CliException FromFormat(InstanceFormatException e) => new(e.Message);
}
