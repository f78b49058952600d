using System.CommandLine;
using OnlineAlgos.Experiments;

namespace OnlineAlgos.Cli.Commands;

/// <summary><c>algorithms [--family F] [--format csv|markdown]</c>: every family's registry (FORMATS.md CSV, or the
/// Markdown feature table README is generated from).</summary>
internal static class AlgorithmsCommands
{
    public static Command Create(CliContext ctx)
    {
        var family = new Option<string?>("--family") { Description = "one family: " + string.Join(", ", AlgorithmCatalog.Families) };
        var format = new Option<string>("--format") { Description = "csv (default) or markdown (README's feature table)", DefaultValueFactory = _ => "csv" };
        var cmd = new Command("algorithms", "list every algorithm and benchmark the families register, with guarantee, source and whether it is reconstructed")
        {
            family, format,
        };
        cmd.SetAction(r =>
        {
            string? f = r.GetValue(family);
            if (f is not null && !AlgorithmCatalog.Families.Contains(f))
                throw new CliException($"--family: unknown family '{f}'; known: {string.Join(", ", AlgorithmCatalog.Families)}");
            switch (r.GetValue(format))
            {
                case "csv":
                    ctx.Out.Write(AlgorithmCatalog.Csv(f is null ? AlgorithmCatalog.All : AlgorithmCatalog.Of(f)));
                    break;
                case "markdown":
                    foreach (var fam in f is null ? AlgorithmCatalog.Families : [f])
                        ctx.Out.Write(AlgorithmCatalog.Markdown(fam));
                    break;
                case var other:
                    throw new CliException($"--format: expected csv or markdown, got '{other}'");
            }
            return 0;
        });
        return cmd;
    }
}
