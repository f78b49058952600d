using System.CommandLine;
using System.Globalization;
using OnlineAlgos.Paging.Analysis;
using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Cli.Commands;

/// <summary>
/// <c>worst-case</c>: worst-case instances of an online algorithm. <c>worst-case paging --algorithm A --k K [--pages N]
/// --exact [--out FILE]</c> computes the exact competitive ratio on N pages (default k + 1) with
/// <see cref="ExactCompetitiveRatio"/> and writes the witness in the paging text format; CSV on stdout
/// <c>algorithm,k,pages,ratio,alg_cost,opt_cost,witness</c> (ratio an integer, <c>p/q</c> or <c>unbounded</c>; costs
/// those of the written witness, which <c>paging run</c> replays). Without <c>--out</c> the witness goes to
/// <c>worst-case-paging-A-kK-nN.txt</c> in the current folder and stderr says so. Progress (states explored) only on a
/// terminal, on stderr. The search mode (no <c>--exact</c>) is a separate branch of the same command
/// (<see cref="RunPagingSearch"/>).
/// </summary>
public static class WorstCaseCommands
{
    /// <summary>The <c>worst-case</c> command group.</summary>
    public static Command Create(CliContext ctx)
    {
        var group = new Command("worst-case", "worst-case instances: exact competitive ratios on small universes (paging --exact) or adversarial search");
        group.Subcommands.Add(Paging(ctx));
        foreach (var c in SearchCommands.WorstCaseFamilies(ctx)) group.Subcommands.Add(c);
        return group;
    }

    private sealed class PagingOptions
    {
        public readonly Option<string> Algorithm = new("--algorithm") { Description = "paging algorithm (exact: " + string.Join(", ", PagingStateModel.SupportedNames) + ")", Required = true };
        public readonly Option<string?> K = new("--k") { Description = "cache size k" };
        public readonly Option<string?> Pages = new("--pages") { Description = "number of pages the adversary uses (default k + 1)" };
        public readonly Option<bool> Exact = new("--exact") { Description = "compute the exact competitive ratio on the game graph (deterministic algorithms with finite state)" };
        public readonly Option<string?> Out = new("--out") { Description = "witness file (paging text format); default worst-case-paging-A-kK-nN.txt" };
        public readonly Option<string?> Budget = new("--budget") { Description = "search mode: evaluations (default 2000)" };
        public readonly Option<string?> Seed = new("--seed") { Description = "search mode: seed (default 1)" };
        public readonly Option<string?> MaxLength = new("--max-length") { Description = "search mode: longest sequence built (default 200)" };
        public Option[] All => [Algorithm, K, Pages, Exact, Out, Budget, Seed, MaxLength];
    }

    private static Command Paging(CliContext ctx)
    {
        var cmd = new Command("paging", "paging: --exact gives the exact ratio and a witness; CSV algorithm,k,pages,ratio,alg_cost,opt_cost,witness");
        var o = new PagingOptions();
        foreach (var option in o.All) cmd.Options.Add(option);
        cmd.SetAction(r => r.GetValue(o.Exact) ? RunPagingExact(ctx, r, o) : RunPagingSearch(ctx, r, o));
        return cmd;
    }

    /// <summary>The search branch (issue #15 item 5, second form): adversarial search over sequences, CSV
    /// <c>algorithm,ratio,evaluations,witness</c> (<see cref="SearchCommands.RunPagingWorstCase"/>).</summary>
    private static int RunPagingSearch(CliContext ctx, ParseResult r, PagingOptions o)
    {
        if (r.GetValue(o.Pages) is not null) throw new CliException("--pages belongs to --exact; the search mode bounds pages by k + 2");
        return SearchCommands.RunPagingWorstCase(ctx, r.GetValue(o.Algorithm)!, r.GetValue(o.K), r.GetValue(o.Budget), r.GetValue(o.Seed),
            r.GetValue(o.MaxLength), r.GetValue(o.Out));
    }

    private static int RunPagingExact(CliContext ctx, ParseResult r, PagingOptions o)
    {
        string name = r.GetValue(o.Algorithm)!;
        if (PagingAlgorithms.Find(name) is null) throw new CliException("--algorithm: " + PagingAlgorithms.UnknownMessage(name));
        if (!ExactCompetitiveRatio.IsSupported(name))
            throw new CliException($"--algorithm {name}: no exact model ({(PagingAlgorithms.IsRandomized(name) ? "randomized" : "its state is not finite or it is offline")}); --exact supports {string.Join(", ", PagingStateModel.SupportedNames)}");
        string kText = r.GetValue(o.K) ?? throw new CliException("--exact needs --k");
        int k = ParseInt(kText, "--k");
        if (k > ExactCompetitiveRatio.MaxK)
            throw new CliException($"--k {k}: exact ratios are limited to k <= {ExactCompetitiveRatio.MaxK} (the game graph grows super-exponentially in k)");
        int pages = r.GetValue(o.Pages) is { } pt ? ParseInt(pt, "--pages") : k + 1;
        if (pages <= k || pages > ExactCompetitiveRatio.MaxPages)
            throw new CliException($"--pages {pages}: expected k < pages <= {ExactCompetitiveRatio.MaxPages} (with at most k pages every algorithm faults only on first requests)");
        string outPath = r.GetValue(o.Out) ?? $"worst-case-paging-{name}-k{k}-n{pages}.txt";

        Action<int>? progress = ctx.Interactive ? s => ctx.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rstates explored: {s:N0}")) : null;
        ExactRatioResult result;
        try
        {
            result = ExactCompetitiveRatio.Compute(name, k, pages, progress);
        }
        catch (InvalidOperationException e)
        {
            throw CliException.Input(e.Message);
        }
        if (ctx.Interactive) ctx.Error.Write("\n");

        string comment = string.Create(CultureInfo.InvariantCulture,
            $"worst case of {name}, k = {k}, {pages} pages: exact competitive ratio {result.RatioText}; ALG {result.AlgorithmCost}, OPT {result.OptimumCost}\n"
            + $"prefix of {result.Prefix.Length} requests, then a cycle of {result.Cycle.Length} requests x {result.Repetitions}; game graph {result.States} states, {result.Edges} edges\n"
            + $"replay: onlinealgos paging run --trace {Path.GetFileName(outPath)} --k {k} --algorithms {name},belady");
        try
        {
            File.WriteAllText(outPath, TextTraceWriter.ToText(result.Witness, comment));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input($"--out {outPath}: cannot write the witness ({e.Message})");
        }
        if (r.GetValue(o.Out) is null) ctx.Error.WriteLine($"witness written to {outPath}");
        ctx.Out.Write("algorithm,k,pages,ratio,alg_cost,opt_cost,witness\n");
        ctx.Out.Write(string.Create(CultureInfo.InvariantCulture,
            $"{name},{k},{pages},{result.RatioText},{result.AlgorithmCost},{result.OptimumCost},{Csv(outPath)}\n"));
        return 0;
    }

    private static int ParseInt(string text, string option)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < 1)
            throw new CliException($"{option} expects a positive integer, got '{text}'");
        return v;
    }

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
