using System.CommandLine;
using System.CommandLine.Help;
using OnlineAlgos.Cli.Commands;
using OnlineAlgos.Core;
using OnlineAlgos.Experiments;

namespace OnlineAlgos.Cli;

/// <summary>The <c>onlinealgos</c> command tree. <see cref="Run"/> is the whole program, testable with string writers.</summary>
public static class CliApp
{
    /// <summary>The global <c>--verbose</c> option: print the full exception (with stack trace) on unexpected errors.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "on an unexpected error, print the full exception with its stack trace", Recursive = true };

    /// <summary>Builds the root command.</summary>
    public static RootCommand Build(CliContext ctx)
    {
        var root = new RootCommand("OnlineAlgos: online algorithms with exact offline optima, checked guarantees and reproducible studies.");
        root.Options.Add(Verbose);
        foreach (var c in StudyCommands.Create(ctx)) root.Subcommands.Add(c);
        root.Subcommands.Add(AlgorithmsCommands.Create(ctx));
        root.Subcommands.Add(PagingCommands.Create(ctx));
        root.Subcommands.Add(MatchingCommands.Create(ctx));
        root.Subcommands.Add(MoeCommands.Create(ctx));
        root.Subcommands.Add(GradientCodingCommands.Create(ctx));
        root.Subcommands.Add(SchedulingCommands.Create(ctx));
        root.Subcommands.Add(SearchCommands.Check(ctx));
        root.Subcommands.Add(WorstCaseCommands.Create(ctx));
        return root;
    }

    /// <summary>
    /// Parses and runs; returns the exit code: 0 success; 1 bad input (a file missing, malformed or not fitting the
    /// options; stored cells made another way; any unexpected error); 2 usage error (one line <c>error: …</c> and
    /// <c>see 'onlinealgos &lt;cmd&gt; --help'</c>); 130 / 143 interrupted by SIGINT / SIGTERM. Errors are one line on
    /// stderr; a stack trace only with <c>--verbose</c>.
    /// </summary>
    public static int Run(string[] args, CliContext ctx)
    {
        var root = Build(ctx);
        var parse = root.Parse(args);
        bool verbose = Array.IndexOf(args, "--verbose") >= 0;
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            ctx.Error.WriteLine("error: " + OneLine(parse.Errors[0].Message));
            ctx.Error.WriteLine($"see '{CommandPath(parse.CommandResult.Command)} --help'");
            return 2;
        }
        var config = new InvocationConfiguration { Output = ctx.Out, Error = ctx.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (CliException e)
        {
            ctx.Error.WriteLine("error: " + OneLine(e.Message));
            if (e.ExitCode == 2) ctx.Error.WriteLine($"see '{CommandPath(parse.CommandResult.Command)} --help'");
            return e.ExitCode;
        }
        catch (Exception e) when (e is InstanceFormatException or StudyStoreException)
        {
            ctx.Error.WriteLine("error: " + OneLine(e.Message));
            return 1;
        }
        catch (OperationCanceledException) when (ctx.Cancellation.IsCancellationRequested)
        {
            ctx.Error.WriteLine("interrupted: finished cells are saved; run the same command again to resume");
            return ctx.InterruptExitCode;
        }
        catch (Exception e)
        {
            // A library precondition (ArgumentException), a solver failure or a bug: one line, unless --verbose.
            var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e;
            ctx.Error.WriteLine(verbose ? "error: " + inner : "error: " + OneLine(inner.Message) + " (run with --verbose for details)");
            return 1;
        }
    }

    private static string OneLine(string message)
    {
        int nl = message.IndexOfAny(['\r', '\n']);
        return nl < 0 ? message : message[..nl];
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            names.Add(c is RootCommand ? "onlinealgos" : c.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
