using System.CommandLine;
using System.Globalization;
using System.Numerics;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Online;
using OnlineAlgos.Matching.Testing;
using OnlineAlgos.MoeBalancing.Online;
using OnlineAlgos.MoeBalancing.Testing;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Paging.Testing;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;
using OnlineAlgos.Scheduling.Testing;
using OnlineAlgos.Testing;
using OnlineAlgos.Testing.Search;

namespace OnlineAlgos.Cli.Commands;

/// <summary>
/// <c>check &lt;family&gt;</c>: does a claimed guarantee <c>ALG ≤ R·OPT + C</c> (<c>ALG ≥ R·OPT − C</c> for matching)
/// survive random sampling and the adversarial search? Exit 0 when no violation is found (stdout says how many
/// instances and evaluations were tried), 1 with the shrunk counterexample written in the family's file format, both
/// costs, and the command that replays it. <c>worst-case &lt;family&gt;</c> (search mode): the adversarial search
/// for the worst ratio; CSV <c>algorithm,ratio,evaluations,witness</c>. Families: paging (against Belady), matching
/// (against the online optimum or the LP), scheduling (against SRPT on totals), moe (ALF-LB's minimum dual over T
/// steps against the balanced optimum; worst-case only). Progress on stderr only on a terminal.
/// </summary>
public static class SearchCommands
{
    private static readonly string[] Families = ["paging", "matching", "scheduling", "moe"];

    /// <summary>The <c>check</c> command group.</summary>
    public static Command Check(CliContext ctx)
    {
        var group = new Command("check", "hunt for a violation of a claimed competitive ratio: random instances, then an adversarial search");
        foreach (var family in Families)
        {
            var o = new CommonOptions(family, check: true);
            bool max = family is "matching" or "moe";
            var cmd = new Command(family, $"check ALG {(max ? ">=" : "<=")} R*OPT {(max ? "-" : "+")} C on {family} instances"
                + (family == "moe" ? " (ALG = least dual D(p_k) over --steps updates, OPT = balanced assignment optimum)" : "") + "; exit 1 with a counterexample");
            foreach (var option in o.All) cmd.Options.Add(option);
            cmd.SetAction(r => RunCheck(ctx, r, o, family));
            group.Subcommands.Add(cmd);
        }
        return group;
    }

    /// <summary>The search subcommands of <c>worst-case</c> other than paging (which shares its command with the
    /// exact mode; see <see cref="RunPagingWorstCase"/>).</summary>
    public static IEnumerable<Command> WorstCaseFamilies(CliContext ctx)
    {
        foreach (var family in new[] { "matching", "scheduling", "moe" })
        {
            var o = new CommonOptions(family, check: false);
            var cmd = new Command(family, $"adversarial search for the worst ratio on {family} instances; CSV algorithm,ratio,evaluations,witness");
            foreach (var option in o.All) cmd.Options.Add(option);
            cmd.SetAction(r => RunWorstCase(ctx, r, o, family));
            yield return cmd;
        }
    }

    /// <summary>The options shared by <c>check</c> and <c>worst-case</c> subcommands.</summary>
    internal sealed class CommonOptions
    {
        public readonly Option<string> Algorithm = new("--algorithm") { Description = "algorithm name (see 'onlinealgos algorithms')", Required = true };
        public readonly Option<string?> Ratio = new("--ratio") { Description = "claimed ratio R" };
        public readonly Option<string> Additive = new("--additive") { Description = "claimed additive constant C", DefaultValueFactory = _ => "0" };
        public readonly Option<string?> K = new("--k") { Description = "paging: cache size (default: k from 1 to 6)" };
        public readonly Option<string> Budget = new("--budget") { Description = "evaluations of the search phase", DefaultValueFactory = _ => "2000" };
        public readonly Option<string> Seed = new("--seed") { Description = "seed of sampling and search", DefaultValueFactory = _ => "1" };
        public readonly Option<string> Tests = new("--tests") { Description = "random instances tried before the search", DefaultValueFactory = _ => "300" };
        public readonly Option<string?> MaxLength = new("--max-length") { Description = "paging: longest sequence the search builds (default 200)" };
        public readonly Option<string> Benchmark = new("--benchmark") { Description = "matching: online (OPT_on by DP) or lp", DefaultValueFactory = _ => "online" };
        public readonly Option<string?> TestLength = new("--test-length") { Description = "scheduling: search uniform obligatory tests of this length (default: general instances)" };
        public readonly Option<string> Steps = new("--steps") { Description = "moe: update steps T", DefaultValueFactory = _ => "25" };
        public readonly Option<string?> Out = new("--out") { Description = "file for the counterexample / witness (default in the current folder)" };
        private readonly bool _check;
        private readonly string _family;

        public CommonOptions(string family, bool check)
        {
            _family = family;
            _check = check;
            if (check) Ratio.Required = true;
        }

        public Option[] All => _family switch
        {
            "paging" => _check ? [Algorithm, Ratio, Additive, K, Budget, Seed, Tests, MaxLength, Out] : [Algorithm, K, Budget, Seed, MaxLength, Out],
            "matching" => _check ? [Algorithm, Ratio, Additive, Benchmark, Budget, Seed, Tests, Out] : [Algorithm, Benchmark, Budget, Seed, Out],
            "scheduling" => _check ? [Algorithm, Ratio, Additive, TestLength, Budget, Seed, Tests, Out] : [Algorithm, TestLength, Budget, Seed, Out],
            _ => _check ? [Algorithm, Ratio, Additive, Steps, Budget, Seed, Tests, Out] : [Algorithm, Steps, Budget, Seed, Out],
        };
    }

    // ---- check ----

    private static int RunCheck(CliContext ctx, ParseResult r, CommonOptions o, string family)
    {
        string name = r.GetValue(o.Algorithm)!;
        var ratio = ParseRational(r.GetValue(o.Ratio)!, "--ratio", allowZero: true);
        var additive = ParseRational(r.GetValue(o.Additive)!, "--additive", allowZero: true);
        int budget = ParseCount(r.GetValue(o.Budget)!, "--budget", allowZero: true);
        ulong seed = ParseSeed(r.GetValue(o.Seed)!);
        int tests = ParseCount(r.GetValue(o.Tests)!, "--tests", allowZero: false);
        var replay = (seed, Rng.DeriveSeed(seed, "check", 1) | 1UL);
        string claim = $"{ratio}*OPT" + (Rational.IsZero(additive) ? "" : $" {(family is "matching" or "moe" ? "-" : "+")} {additive}");
        switch (family)
        {
            case "paging":
            {
                int? k = r.GetValue(o.K) is { } kt ? ParseCount(kt, "--k", allowZero: false) : null;
                int maxLength = r.GetValue(o.MaxLength) is { } ml ? ParseCount(ml, "--max-length", allowZero: false) : 200;
                var target = PagingTarget(name, k, maxLength);
                var g = Guarantee.Competitive(ratio, additive, "claim under test");
                var check = CompetitiveCheck.Create(name, target.Instances, target.Alg, target.Opt, g, i => i.ToText()).WithSearch(target.Moves, budget);
                string outPath = r.GetValue(o.Out) ?? $"counterexample-paging-{name}.txt";
                return Report(ctx, check, tests, replay, budget, name, "ALG <= " + claim, outPath,
                    (i, path) => $"onlinealgos paging run --trace {path} --k {i.K} --algorithms {name},belady");
            }
            case "matching":
            {
                var benchmark = ParseBenchmark(r.GetValue(o.Benchmark)!);
                MatchingAlgorithms.Info(name);
                var g = new Guarantee(ratio, additive, null, Objective.Maximize, 1e-9, "claim under test");
                var check = MatchingChecks.Create(name, g, benchmark, searchBudget: budget);
                string outPath = r.GetValue(o.Out) ?? $"counterexample-matching-{name}.json";
                return Report(ctx, check, tests, replay, budget, name, "ALG >= " + claim, outPath,
                    (_, path) => $"onlinealgos matching solve --instance {path}");
            }
            case "moe":
            {
                int steps = ParseCount(r.GetValue(o.Steps)!, "--steps", allowZero: false);
                var balancer = MoeCommands.RegisteredBalancer(name);
                var g = new Guarantee(ratio, additive, null, Objective.Maximize, 1e-12, "claim under test");
                var check = MoeChecks.DualCheck(name, balancer, steps, searchBudget: budget, guarantee: g);
                string outPath = r.GetValue(o.Out) ?? $"counterexample-moe-{name}.csv";
                return Report(ctx, check, tests, replay, budget, name, "ALG >= " + claim, outPath,
                    (_, path) => $"onlinealgos moe dual --instance {path} --algorithm {name} --steps {steps}");
            }
            default:
            {
                var t = r.GetValue(o.TestLength) is { } tl ? ParseRational(tl, "--test-length", allowZero: false) : (Rational?)null;
                var g = Guarantee.Competitive(ratio, additive, "claim under test");
                var check = t is { } len
                    ? SchedulingChecks.Create(SchedulingName(name), g, null, SchedulingGenerators.UniformTests(len), SchedulingMoves.UniformTests(len), budget)
                    : SchedulingChecks.Create(SchedulingName(name), g, null, null, null, budget);
                string outPath = r.GetValue(o.Out) ?? $"counterexample-scheduling-{name}.json";
                return Report(ctx, check, tests, replay, budget, name, "ALG <= " + claim, outPath,
                    (_, path) => $"onlinealgos scheduling run --instance {path} --exact --algorithms {name}");
            }
        }
    }

    private static string SchedulingName(string name)
    {
        if (!SchedulingAlgorithms.Names.Contains(name))
            throw new CliException($"--algorithm: unknown scheduling algorithm '{name}'; known: {string.Join(", ", SchedulingAlgorithms.Names)}");
        return name;
    }

    private static MatchingBenchmark ParseBenchmark(string text) => text switch
    {
        "online" => MatchingBenchmark.OnlineOptimum,
        "lp" => MatchingBenchmark.Lp,
        _ => throw new CliException($"--benchmark: expected online or lp, got '{text}'"),
    };

    private static int Report<T, TCost>(CliContext ctx, CompetitiveCheck<T, TCost> check, int tests, (ulong, ulong) replay, int budget,
        string name, string claim, string outPath, Func<T, string, string> replayCommand) where TCost : INumber<TCost>
    {
        ctx.ObservesCancellation = true;
        var report = check.Hunt(tests, replay, searchBudget: budget, progress: Progress(ctx), cancellation: ctx.Cancellation);
        if (ctx.Interactive) ctx.Error.Write("\n");
        if (report.Counterexample is not { } e)
        {
            ctx.Out.Write(string.Create(CultureInfo.InvariantCulture,
                $"no violation of {claim} for {name}: {report.Tests} random instances, then {report.Evaluations} search evaluations\n"));
            return 0;
        }
        WriteFile(outPath, e.InstanceText);
        ctx.Out.Write($"{name} violates {claim}: ALG = {e.AlgorithmCost}, OPT = {e.OptimumCost}, bound = {e.Bound}\n");
        ctx.Out.Write(string.Create(CultureInfo.InvariantCulture,
            $"found after {report.Tests} random instances and {report.Evaluations} search evaluations; counterexample written to {outPath}\n"));
        ctx.Out.Write("replay: " + replayCommand((T)e.Instance!, outPath) + "\n");
        return 1;
    }

    // ---- worst-case (search mode) ----

    /// <summary>The search branch of <c>worst-case paging</c>: CSV <c>algorithm,ratio,evaluations,witness</c>.</summary>
    public static int RunPagingWorstCase(CliContext ctx, string name, string? kText, string? budgetText, string? seedText, string? maxLengthText, string? outPath)
    {
        int? k = kText is null ? null : ParseCount(kText, "--k", allowZero: false);
        int budget = ParseCount(budgetText ?? "2000", "--budget", allowZero: false);
        ulong seed = ParseSeed(seedText ?? "1");
        int maxLength = maxLengthText is null ? 200 : ParseCount(maxLengthText, "--max-length", allowZero: false);
        var target = PagingTarget(name, k, maxLength);
        var score = new RatioScore<PagingInstance>(i => (target.Alg(i), target.Opt(i)), Objective.Minimize);
        string path = outPath ?? $"worst-case-paging-{name}" + (k is { } kk ? $"-k{kk}" : "") + "-search.txt";
        return WorstCase(ctx, score, target.Moves, budget, seed, name, path, i => i.ToText());
    }

    private static int RunWorstCase(CliContext ctx, ParseResult r, CommonOptions o, string family)
    {
        string name = r.GetValue(o.Algorithm)!;
        int budget = ParseCount(r.GetValue(o.Budget)!, "--budget", allowZero: false);
        ulong seed = ParseSeed(r.GetValue(o.Seed)!);
        switch (family)
        {
            case "matching":
            {
                var benchmark = ParseBenchmark(r.GetValue(o.Benchmark)!);
                MatchingAlgorithms.Info(name);
                return WorstCase(ctx, MatchingChecks.WorstRatioScore(name, benchmark), MatchingMoves.Create(), budget, seed, name,
                    r.GetValue(o.Out) ?? $"worst-case-matching-{name}.json", i => i.ToText());
            }
            case "scheduling":
            {
                SchedulingName(name);
                var t = r.GetValue(o.TestLength) is { } tl ? ParseRational(tl, "--test-length", allowZero: false) : (Rational?)null;
                return WorstCase(ctx, SchedulingChecks.WorstRatioScore(name), t is { } len ? SchedulingMoves.UniformTests(len) : SchedulingMoves.General(), budget, seed, name,
                    r.GetValue(o.Out) ?? $"worst-case-scheduling-{name}.json", i => i.ToText());
            }
            default:
            {
                MoeCommands.RegisteredBalancer(name); // an unknown name is a usage error before any work
                int steps = ParseCount(r.GetValue(o.Steps)!, "--steps", allowZero: false);
                return WorstCase(ctx, MoeChecks.WorstRatioScore(name, steps), MoeMoves.Create(), budget, seed, name,
                    r.GetValue(o.Out) ?? $"worst-case-moe-{name}.csv", i => i.ToText());
            }
        }
    }

    private static int WorstCase<T>(CliContext ctx, RatioScore<T> score, SearchMoves<T> moves, int budget, ulong seed, string name,
        string outPath, Func<T, string> text)
    {
        ctx.ObservesCancellation = true;
        var (result, ratio) = score.Search(moves, new SearchOptions(budget, seed), Progress(ctx), cancellation: ctx.Cancellation);
        if (ctx.Interactive) ctx.Error.Write("\n");
        WriteFile(outPath, text(result.Best));
        ctx.Out.Write("algorithm,ratio,evaluations,witness\n");
        ctx.Out.Write(string.Create(CultureInfo.InvariantCulture, $"{name},{ratio:G17},{result.Evaluations},{Csv(outPath)}\n"));
        return 0;
    }

    // ---- paging target ----

    internal sealed record PagingSearchTarget(FsCheck.Arbitrary<PagingInstance> Instances, SearchMoves<PagingInstance> Moves,
        Func<PagingInstance, long> Alg, Func<PagingInstance, long> Opt);

    /// <summary>ALG as <c>paging run --seed 1</c> computes it (same coins, exact next arrivals for ftp-type
    /// algorithms, the trace's bits for bit algorithms), so the printed replay command gives the same costs.</summary>
    internal static PagingSearchTarget PagingTarget(string name, int? k, int maxLength)
    {
        if (PagingAlgorithms.Find(name) is not { } info) throw new CliException("--algorithm: " + PagingAlgorithms.UnknownMessage(name));
        if (info.Role != AlgorithmRole.Online) throw new CliException($"--algorithm {name}: an offline benchmark, not an online algorithm");
        var kind = PagingAlgorithms.KindOf(name);
        bool bits = kind is PredictionKind.DiscardBits or PredictionKind.PhaseBits;
        int maxK = k ?? 6, minK = k ?? 1;
        var instances = bits
            ? FsCheck.Fluent.Arb.From(
                FsCheck.Fluent.Gen.Select(PredictionGenerators.WithBitsGen(kind == PredictionKind.DiscardBits ? PredictionSetup.Discard : PredictionSetup.Phase, maxK, 120, adversarial: true),
                    i => i.K >= minK ? i : new PagingInstance(minK, i.Sequence)),
                i => PagingMoves.Shrink(i, minK))
            : PagingGenerators.Instances(maxK, 120, minK);
        var moves = PagingMoves.Create(minK: minK, maxK: maxK, maxLength: maxLength, bits: bits);
        long Alg(PagingInstance i)
        {
            var seq = i.Sequence;
            int kSim = Math.Min(i.K, Math.Max(1, seq.PageCount));
            double[]? arrivals = kind is PredictionKind.NextArrival or PredictionKind.ExactNextArrival ? NextArrivalPredictions.Exact(seq) : null;
            var options = new PagingAlgorithmOptions(bits ? seq.Bits.ToArray() : null, kind == PredictionKind.NextArrival ? arrivals : null,
                kind == PredictionKind.ExactNextArrival ? arrivals : null, 0.01, 0.5);
            return PagingAlgorithms.Faults(name, seq, kSim, options, Rng.ForCell(1, name, i.K));
        }
        return new PagingSearchTarget(instances, moves, Alg, i => BeladyPaging.Faults(i.Sequence, i.K));
    }

    // ---- helpers ----

    private static Action<SearchProgress>? Progress(CliContext ctx) =>
        ctx.Interactive ? p => ctx.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\rsearch: {p.Evaluations:N0}/{p.Budget:N0} evaluations, best score {p.BestScore:G6}   ")) : null;

    private static void WriteFile(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input($"--out {path}: cannot write ({e.Message})");
        }
    }

    private static Rational ParseRational(string text, string option, bool allowZero)
    {
        Rational value;
        try
        {
            value = text.Contains('/', StringComparison.Ordinal) ? Rational.Parse(text, CultureInfo.InvariantCulture)
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
                    ? Rational.FromShortestDecimal(d) : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new CliException($"{option} expects a number (e.g. 2.5 or 5/2), got '{text}'");
        }
        if (value < Rational.Zero || (!allowZero && Rational.IsZero(value)))
            throw new CliException($"{option} expects a {(allowZero ? "non-negative" : "positive")} number, got '{text}'");
        return value;
    }

    private static int ParseCount(string text, string option, bool allowZero)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < (allowZero ? 0 : 1))
            throw new CliException($"{option} expects a {(allowZero ? "non-negative" : "positive")} integer, got '{text}'");
        return v;
    }

    private static ulong ParseSeed(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s
            : throw new CliException($"--seed expects an unsigned 64-bit integer, got '{text}'");

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
