using OnlineAlgos.Core;

namespace OnlineAlgos.Cli;

/// <summary>
/// What a command needs from its environment: output writers (stdout for data, stderr for progress and errors),
/// whether stdout is a terminal, and the cancellation of the run (Ctrl-C / SIGTERM, see <see cref="SignalCancellation"/>).
/// Tests pass string writers and their own token.
/// </summary>
public sealed class CliContext
{
    /// <summary>Creates a context.</summary>
    public CliContext(TextWriter output, TextWriter error, bool interactive, CancellationToken cancellation = default)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
        Cancellation = cancellation;
    }

    /// <summary>Cancelled when the user or the batch system asks the run to stop; long commands observe it.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The exit code of a cancelled run: 130 (SIGINT, Ctrl-C) or 143 (SIGTERM); set by the signal handler.</summary>
    public int InterruptExitCode { get; set; } = 130;

    /// <summary>True while a command that observes <see cref="Cancellation"/> runs; otherwise a signal ends the
    /// process at once (the default action).</summary>
    public bool ObservesCancellation { get; set; }

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
        catch (FileNotFoundException) { throw CliException.Input($"{path}: no such file"); }
        catch (DirectoryNotFoundException) { throw CliException.Input($"{path}: no such file (its folder does not exist)"); }
        catch (UnauthorizedAccessException) { throw CliException.Input($"{path}: permission denied, or it is a folder"); }
        catch (IOException e) { throw CliException.Input($"{path}: cannot read ({e.Message})"); }
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

    /// <summary>Turns an <see cref="InstanceFormatException"/> into the CLI's input error (exit code 1).</summary>
    public static CliException FromFormat(InstanceFormatException e) => CliException.Input(e.Message);

    /// <summary>
    /// Checks before any work that <paramref name="outDir"/> (the <c>--out</c> value) is, or can be created as, a
    /// writable folder: creates it and its <c>cells</c> subfolder and writes and deletes a probe file in each. A usage
    /// error (exit 2) names the problem otherwise.
    /// </summary>
    public static void CheckOutputFolder(string outDir)
    {
        foreach (var dir in new[] { outDir, Path.Combine(outDir, "cells") })
        {
            if (File.Exists(dir)) throw new CliException($"--out {outDir}: {dir} is a file, not a folder");
            try
            {
                Directory.CreateDirectory(dir);
                string probe = Path.Combine(dir, $".write-test-{Environment.ProcessId}");
                File.WriteAllText(probe, "");
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--out {outDir}: {dir} is not a writable folder ({e.Message})");
            }
        }
    }
}
