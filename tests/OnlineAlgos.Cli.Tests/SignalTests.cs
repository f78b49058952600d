using System.Diagnostics;
using Xunit;

namespace OnlineAlgos.Cli.Tests;

/// <summary>
/// A real child process of the built CLI, stopped with a real SIGTERM / SIGINT: finished cells stay, the exit code is
/// 143 / 130, a second process cannot write the same cell file meanwhile (OS lock), and the resumed run writes tables
/// byte-identical to an uninterrupted one.
/// </summary>
public sealed class SignalTests : CliTestBase
{
    private const string StudyName = "scheduling-ratios"; // 84 quick cells of ~0.1 s each with one thread

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "onlinealgos.dll");

    private string NoData { get { string d = Path.Combine(Dir, "no-data"); Directory.CreateDirectory(d); return d; } }

    private string[] StudyArgs(string outDir) => ["run", StudyName, "--quick", "--threads", "1", "--out", outDir, "--data", NoData];

    private static Process Start(string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static int Records(string cellFile) => System.IO.File.Exists(cellFile) ? Math.Max(0, System.IO.File.ReadAllLines(cellFile).Length - 1) : 0;

    private static void WaitForRecords(Process p, string cellFile, int n)
    {
        var clock = Stopwatch.StartNew();
        while (Records(cellFile) < n)
        {
            if (p.HasExited) Assert.Fail($"the child exited ({p.ExitCode}) before {n} cells were stored");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "no progress");
            Thread.Sleep(20);
        }
    }

    private static void Signal(Process p, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static Dictionary<string, string> Tables(string outDir) =>
        Directory.GetFiles(outDir).Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".tex", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), System.IO.File.ReadAllText);

    [Fact]
    public void SigtermAndSigintStopARealRunWhichResumesToIdenticalTables()
    {
        Assert.True(System.IO.File.Exists(CliDll), CliDll);
        string outDir = Path.Combine(Dir, "interrupted");
        string cellFile = Path.Combine(outDir, "cells", StudyName + ".csv");

        using (var child = Start(StudyArgs(outDir)))
        {
            WaitForRecords(child, cellFile, 5);
            // A second writer (this process) is refused at once by the child's OS lock, naming the child.
            var (code, _, stderr) = Run(StudyArgs(outDir));
            Assert.Equal(1, code);
            Assert.Contains($"error: {cellFile} is being written by another run (pid {child.Id})", stderr);

            Signal(child, "TERM");
            Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)), "the child did not stop after SIGTERM");
            Assert.Equal(143, child.ExitCode);
        }
        int afterTerm = Records(cellFile);
        Assert.InRange(afterTerm, 5, 83); // finished cells stay; the sweep is not complete
        Assert.False(System.IO.File.Exists(Path.Combine(outDir, StudyName + ".csv")), "no table from a partial sweep");

        using (var child = Start(StudyArgs(outDir)))
        {
            WaitForRecords(child, cellFile, afterTerm + 3);
            Signal(child, "INT");
            Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)), "the child did not stop after SIGINT");
            Assert.Equal(130, child.ExitCode);
        }
        Assert.True(Records(cellFile) >= afterTerm + 3);

        Assert.Equal(0, Run(StudyArgs(outDir)).Code); // resume to the end, in this process (the lock was released)
        string clean = Path.Combine(Dir, "clean");
        Assert.Equal(0, Run(StudyArgs(clean)).Code);
        var expected = Tables(clean);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Tables(outDir));
    }
}
