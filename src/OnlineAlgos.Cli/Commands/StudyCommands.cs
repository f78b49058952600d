using System.CommandLine;
using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Experiments;
using Spectre.Console;

namespace OnlineAlgos.Cli.Commands;

/// <summary><c>list</c>, <c>run &lt;study&gt;</c>, <c>reproduce [--quick]</c> and <c>merge</c>.</summary>
public static class StudyCommands
{
    private sealed class Common
    {
        public Option<string> Out { get; } = new("--out") { Description = "output folder", DefaultValueFactory = _ => "results" };
        public Option<string> Seed { get; } = new("--seed") { Description = "study seed (unsigned 64-bit)", DefaultValueFactory = _ => "20261126" };
        public Option<string?> Shard { get; } = new("--shard") { Description = "run only shard i/n (0 <= i < n), e.g. for a Slurm job array" };
        public Option<int> Threads { get; } = new("--threads") { Description = "worker threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        public Option<bool> Quick { get; } = new("--quick") { Description = "small grids (CI, first look)" };
        public Option<string?> Data { get; } = new("--data") { Description = "folder with real traces (default: ../shared/data when present)" };
        public Option<bool> Fresh { get; } = new("--fresh") { Description = "delete the study's stored cells (with --shard: that shard's) and start over, instead of refusing cells made with other options" };

        public void AddTo(Command c)
        {
            c.Options.Add(Out);
            c.Options.Add(Seed);
            c.Options.Add(Threads);
            c.Options.Add(Quick);
            c.Options.Add(Data);
        }

        public StudyOptions Options(ParseResult r)
        {
            string seedText = r.GetValue(Seed)!;
            if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
                throw new CliException($"--seed expects an unsigned 64-bit integer, got '{seedText}'");
            return new StudyOptions(seed, r.GetValue(Quick), ResolveData(r.GetValue(Data)));
        }

        public int ThreadCount(ParseResult r)
        {
            int t = r.GetValue(Threads);
            if (t < 1) throw new CliException($"--threads expects a positive integer, got {t}");
            return t;
        }
    }

    /// <summary>The folder of real data: the option, else <c>../shared/data</c> next to the working folder or the repo.</summary>
    public static string? ResolveData(string? option)
    {
        if (option is not null)
        {
            if (!Directory.Exists(option)) throw new CliException($"--data: folder '{option}' does not exist");
            return Path.GetFullPath(option);
        }
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        for (int i = 0; i < 4 && dir is not null; i++, dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>The four commands.</summary>
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return ListCommand(ctx);
        var common = new Common();
        yield return RunCommand(ctx, common);
        yield return ReproduceCommand(ctx, common);
        yield return MergeCommand(ctx, common);
    }

    private static Command ListCommand(CliContext ctx)
    {
        var list = new Command("list", "list the studies");
        list.SetAction(_ =>
        {
            foreach (var s in StudyCatalog.All) ctx.Out.WriteLine($"{s.Name}\t{s.Description}");
            return 0;
        });
        return list;
    }

    private static Command RunCommand(CliContext ctx, Common common)
    {
        var studyArg = new Argument<string>("study") { Description = "study name (see 'list')" };
        var run = new Command("run", "run one study (resumes from finished cells)");
        run.Arguments.Add(studyArg);
        common.AddTo(run);
        run.Options.Add(common.Shard);
        run.Options.Add(common.Fresh);
        run.SetAction(r => RunOne(ctx, common, r.GetValue(studyArg)!, r));
        return run;
    }

    private static int RunOne(CliContext ctx, Common common, string name, ParseResult r)
    {
        var study = Find(name);
        var shard = ParseShard(r.GetValue(common.Shard));
        var options = common.Options(r);
        int threads = common.ThreadCount(r);
        string outDir = r.GetValue(common.Out)!;
        CliContext.CheckOutputFolder(outDir);
        RunStudies(ctx, new[] { study }, options, outDir, shard, threads, r.GetValue(common.Fresh));
        return 0;
    }

    private static Shard ParseShard(string? shardText)
    {
        try { return shardText is null ? Shard.All : Shard.Parse(shardText); }
        catch (FormatException e) { throw new CliException(e.Message); }
    }

    private static Command ReproduceCommand(CliContext ctx, Common common)
    {
        var reproduce = new Command("reproduce", "run every study and write tables (CSV, Markdown, LaTeX), plots (PNG, SVG, PDF) and the report index.html");
        common.AddTo(reproduce);
        reproduce.Options.Add(common.Fresh);
        reproduce.SetAction(r => Reproduce(ctx, common, r));
        return reproduce;
    }

    private static int Reproduce(CliContext ctx, Common common, ParseResult r)
    {
        var options = common.Options(r);
        int threads = common.ThreadCount(r);
        string outDir = r.GetValue(common.Out)!;
        CliContext.CheckOutputFolder(outDir);
        var done = RunStudies(ctx, StudyCatalog.All, options, outDir, Shard.All, threads, r.GetValue(common.Fresh));
        Report(ctx, [HtmlReport.Write(outDir, done, options)]);
        return 0;
    }

    private static Command MergeCommand(CliContext ctx, Common common)
    {
        var merge = new Command("merge", "combine the cell files of all shards of a study into its tables and plots");
        var mergeStudy = new Argument<string>("study") { Description = "study name" };
        var shardsOpt = new Option<int>("--shards") { Description = "number of shards n the study was split into", Required = true };
        merge.Arguments.Add(mergeStudy);
        merge.Options.Add(shardsOpt);
        common.AddTo(merge);
        merge.SetAction(r => Merge(ctx, common, r.GetValue(mergeStudy)!, r.GetValue(shardsOpt), r));
        return merge;
    }

    private static int Merge(CliContext ctx, Common common, string name, int n, ParseResult r)
    {
        var study = Find(name);
        if (n < 1) throw new CliException($"--shards expects a positive integer, got {n}");
        var options = common.Options(r);
        string outDir = r.GetValue(common.Out)!;
        var files = ShardCellFiles(study, outDir, n);
        CliContext.CheckOutputFolder(outDir);
        StudyRunResult result;
        try { result = StudyRunner.Merge(study, options, outDir, files); }
        catch (InvalidOperationException e) { throw CliException.Input(e.Message); }
        Report(ctx, result.Written);
        return 0;
    }

    // The cell files of the n shards, each of which must exist.
    private static List<string> ShardCellFiles(IStudy study, string outDir, int n)
    {
        var files = Enumerable.Range(0, n).Select(i => StudyRunner.CellFile(outDir, study, new Shard(i, n))).ToList();
        foreach (var f in files)
            if (!File.Exists(f)) throw CliException.Input($"{f}: missing; run 'onlinealgos run {study.Name} --shard {files.IndexOf(f)}/{n}' first");
        return files;
    }

    private static IStudy Find(string name) =>
        StudyCatalog.Find(name) ?? throw new CliException(
            $"unknown study '{name}'; known: {string.Join(", ", StudyCatalog.All.Select(s => s.Name))}");

    private static List<(IStudy Study, StudyOutput Output)> RunStudies(CliContext ctx, IReadOnlyList<IStudy> studies, StudyOptions options, string outDir, Shard shard, int threads, bool fresh)
    {
        ctx.ObservesCancellation = true;
        var done = new List<(IStudy, StudyOutput)>();
        ctx.Error.WriteLine(options.DataDirectory is null
            ? "data: ../shared/data not found, studies use generated inputs only"
            : $"data: {options.DataDirectory}");
        foreach (var study in studies)
        {
            StudyRunResult result;
            try
            {
                result = ctx.Interactive
                    ? RunWithBar(ctx, study, options, outDir, shard, threads, fresh)
                    : StudyRunner.Run(study, options, outDir, shard, threads, PlainProgress(ctx, study.Name), fresh, ctx.Cancellation);
            }
            catch (InvalidOperationException e) { throw CliException.Input($"{study.Name}: {e.Message}"); }
            if (shard.Count != 1)
            {
                ctx.Error.WriteLine($"{study.Name}: shard {shard} done; merge with 'onlinealgos merge {study.Name} --shards {shard.Count}'");
                continue;
            }
            PrintTables(ctx, result.Output!);
            Report(ctx, result.Written);
            done.Add((study, result.Output!));
        }
        return done;
    }

    private static StudyRunResult RunWithBar(CliContext ctx, IStudy study, StudyOptions options, string outDir, Shard shard, int threads, bool fresh)
    {
        StudyRunResult result = new(Array.Empty<string>(), null);
        AnsiConsole.Progress().Start(p =>
        {
            var task = p.AddTask(study.Name);
            result = StudyRunner.Run(study, options, outDir, shard, threads, (done, total) =>
            {
                task.MaxValue = Math.Max(total, 1);
                task.Value = done;
            }, fresh, ctx.Cancellation);
        });
        return result;
    }

    private static Action<int, int> PlainProgress(CliContext ctx, string name)
    {
        int lastPercent = -1;
        return (done, total) =>
        {
            int pct = total == 0 ? 100 : done * 100 / total;
            if (pct / 10 == lastPercent / 10 && done != total) return;
            lastPercent = pct;
            ctx.Error.WriteLine($"{name}: {done}/{total} cells ({pct}%)");
        };
    }

    private static void PrintTables(CliContext ctx, StudyOutput output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(ctx.Out),
            Ansi = ctx.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ctx.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!ctx.Interactive) console.Profile.Width = 240; // redirected output would otherwise narrow to 80 columns
        foreach (var nt in output.Tables)
        {
            var table = new Spectre.Console.Table { Title = new TableTitle(Markup.Escape(nt.Table.Title)) };
            table.Border(ctx.Interactive ? TableBorder.Rounded : TableBorder.Ascii);
            foreach (var c in nt.Table.Columns)
            {
                var col = new Spectre.Console.TableColumn(Markup.Escape(c.Name));
                if (c.Kind != ColumnKind.Text) col.RightAligned();
                table.AddColumn(col);
            }
            foreach (var row in nt.Table.FormattedRows()) table.AddRow(row.Select(Markup.Escape).ToArray());
            console.Write(table);
        }
    }

    private static void Report(CliContext ctx, IReadOnlyList<string> written)
    {
        foreach (var f in written) ctx.Error.WriteLine($"wrote {f}");
    }
}
