using System.CommandLine;
using OnlineAlgos.Cli.Commands;
using OnlineAlgos.Core;

namespace OnlineAlgos.Cli;

/// <summary>The <c>onlinealgos</c> command tree. <see cref="Run"/> is the whole program, testable with string writers.</summary>
public static class CliApp
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build(CliContext ctx)
    {
        var root = new RootCommand("OnlineAlgos: online algorithms with exact offline optima, checked guarantees and reproducible studies.");
        foreach (var c in StudyCommands.Create(ctx)) root.Subcommands.Add(c);
        root.Subcommands.Add(PagingCommands.Create(ctx));
        root.Subcommands.Add(MatchingCommands.Create(ctx));
        root.Subcommands.Add(MoeCommands.Create(ctx));
        root.Subcommands.Add(GradientCodingCommands.Create(ctx));
        root.Subcommands.Add(SchedulingCommands.Create(ctx));
        return root;
    }

    /// <summary>Parses and runs; returns the exit code (0 ok, 1 failure, 2 usage or input error).</summary>
    public static int Run(string[] args, CliContext ctx)
    {
        var root = Build(ctx);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = ctx.Out, Error = ctx.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (CliException e)
        {
            ctx.Error.WriteLine("error: " + e.Message);
            return 2;
        }
        catch (InstanceFormatException e)
        {
            ctx.Error.WriteLine("error: " + e.Message);
            return 2;
        }
        catch (OperationCanceledException)
        {
            ctx.Error.WriteLine("interrupted: finished cells are saved; run the same command again to resume");
            return 130;
        }
    }
}
