using System.CommandLine;
using System.Globalization;
using System.Text;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Formats;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;
using OnlineAlgos.MoeBalancing.Online;

namespace OnlineAlgos.Cli.Commands;

/// <summary>
/// <c>moe simulate</c> (per-step balance metrics of a balancer on generated batches) and <c>moe optimum</c> (exact
/// offline optimum of a saved score matrix), both printing the CSV of FORMATS.md.
/// </summary>
public static class MoeCommands
{
    /// <summary>Balancer names accepted by <c>--balancer</c>: the online entries of <see cref="MoeAlgorithms"/>.</summary>
    public static IReadOnlyList<string> Balancers => MoeAlgorithms.Balancers;

    /// <summary>Generator names accepted by <c>--generator</c>: <see cref="ScoreGenerators.Names"/>.</summary>
    public static IReadOnlyList<string> GeneratorNames => ScoreGenerators.Names;

    /// <summary>Schedule names accepted by <c>--schedule</c>.</summary>
    public static readonly string[] ScheduleNames = { "constant", "piecewise", "inverse-sqrt", "inverse-linear" };

    /// <summary>Largest <c>--steps</c> of <c>moe simulate</c> (its per-step metrics are kept in memory: ~0.6 GB).</summary>
    public const int MaxSteps = 10_000_000;

    /// <summary>The <c>moe</c> command group.</summary>
    public static Command Create(CliContext ctx)
    {
        var moe = new Command("moe", "auxiliary-loss-free MoE load balancing (ALF-LB) and its exact offline optimum");
        moe.Subcommands.Add(Simulate(ctx));
        moe.Subcommands.Add(Optimum(ctx));
        moe.Subcommands.Add(Dual(ctx));
        return moe;
    }

    /// <summary>The kit's balancer factory for a registry name; an unknown name is a usage error naming the known ones.</summary>
    internal static Func<OnlineAlgos.MoeBalancing.Testing.MoeInstance, IBiasBalancer> RegisteredBalancer(string name)
    {
        try { return OnlineAlgos.MoeBalancing.Testing.MoeChecks.Registered(name); }
        catch (ArgumentException e) { throw new CliException("--algorithm: " + e.Message.Split(" (Parameter")[0]); }
    }

    /// <summary><c>moe dual</c>: replays a saved harness instance (the text of <c>check moe</c> / <c>worst-case moe</c>:
    /// a <c># moe instance: … K=… rate=…</c> line and one score batch) — the least dual D(p_k) of the balancer over
    /// <c>--steps</c> updates on the batch and the balanced assignment optimum. CSV <c>algorithm,steps,min_dual,optimum</c>.</summary>
    private static Command Dual(CliContext ctx)
    {
        var cmd = new Command("dual", "least dual D(p_k) of a balancer over T updates on a saved harness instance, and the exact balanced optimum; CSV: algorithm,steps,min_dual,optimum");
        var instance = new Option<string>("--instance") { Description = "instance file written by 'check moe' or 'worst-case moe'", Required = true };
        var algorithm = new Option<string>("--algorithm") { Description = "balancer (additive bias)", DefaultValueFactory = _ => "alf-lb" };
        var steps = new Option<string>("--steps") { Description = "updates T", DefaultValueFactory = _ => "25" };
        foreach (var o in new Option[] { instance, algorithm, steps }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            string path = r.GetValue(instance)!;
            string name = r.GetValue(algorithm)!;
            int t = ParseInt(r.GetValue(steps)!, "--steps", 1);
            var balancer = RegisteredBalancer(name);
            string text;
            try
            {
                using var stream = CliContext.OpenInput(path);
                using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
                text = reader.ReadToEnd();
            }
            catch (DecoderFallbackException) { throw CliException.Input($"{path}: not valid UTF-8 text"); }
            OnlineAlgos.MoeBalancing.Testing.MoeInstance inst;
            try { inst = OnlineAlgos.MoeBalancing.Testing.MoeInstance.Parse(text, path); }
            catch (InstanceFormatException e) { throw CliContext.FromFormat(e); }
            double dual = OnlineAlgos.MoeBalancing.Testing.MoeChecks.MinDual(balancer(inst), inst, t);
            double opt = OnlineAlgos.MoeBalancing.Testing.MoeChecks.BalancedOptimum(inst);
            ctx.Out.Write("algorithm,steps,min_dual,optimum\n");
            ctx.Out.Write(string.Create(CultureInfo.InvariantCulture, $"{name},{t},{Num(dual)},{Num(opt)}\n"));
            return 0;
        });
        return cmd;
    }

    private static Command Simulate(CliContext ctx)
    {
        var cmd = new Command("simulate", "per-step metrics of a balancer on generated batches; CSV: step,maxvio,idle_experts,objective,gap_to_opt,maxvio_global,dual,drop_rate");
        var experts = new Option<string>("--experts") { Description = "routed experts E", DefaultValueFactory = _ => "64" };
        var topK = new Option<string>("--top-k") { Description = "experts per token K (1..E)", DefaultValueFactory = _ => "8" };
        var tokens = new Option<string>("--tokens") { Description = "tokens per batch T", DefaultValueFactory = _ => "4096" };
        var steps = new Option<string>("--steps") { Description = "iterations", DefaultValueFactory = _ => "2000" };
        var balancer = new Option<string>("--balancer") { Description = "one of: " + string.Join(", ", Balancers), DefaultValueFactory = _ => "alf-lb" };
        var rate = new Option<string>("--rate") { Description = "bias update rate u (> 0; for ogd/inverse-linear the scale c); aux-loss: the loss weight alpha", DefaultValueFactory = _ => "0.001" };
        var schedule = new Option<string>("--schedule") { Description = "step schedule: " + string.Join(", ", ScheduleNames), DefaultValueFactory = _ => "constant" };
        var switchStep = new Option<string>("--switch-step") { Description = "piecewise schedule: last step with a non-zero rate", DefaultValueFactory = _ => "1000" };
        var generator = new Option<string>("--generator") { Description = "score generator: " + string.Join(", ", GeneratorNames), DefaultValueFactory = _ => "zipf" };
        var exponent = new Option<string>("--zipf-exponent") { Description = "Zipf popularity exponent a (zipf, zipf-logit, drift, change-point, drift-walk)", DefaultValueFactory = _ => "1" };
        var capacityFactor = new Option<string>("--capacity-factor") { Description = "capacity-* balancers: C = ceil(CF*T*K/E)", DefaultValueFactory = _ => "1.25" };
        var gapEvery = new Option<string>("--gap-every") { Description = "compute gap_to_opt (exact min-cost flow) every N steps; 0 = never", DefaultValueFactory = _ => "0" };
        var seed = new Option<string>("--seed") { Description = "seed (unsigned 64-bit)", DefaultValueFactory = _ => "1" };
        var groups = new Option<string?>("--groups") { Description = "group-limited routing (DeepSeek-V3, spec A2e): G contiguous groups of E/G experts (G divides E); needs --top-groups. Default: plain top-K" };
        var topGroups = new Option<string?>("--top-groups") { Description = "group-limited routing: keep the M best groups per token (1 <= M <= G, K <= M*E/G); V3: --groups 8 --top-groups 4" };
        foreach (var o in new Option[] { experts, topK, tokens, steps, balancer, rate, schedule, switchStep, generator, exponent, capacityFactor, gapEvery, seed, groups, topGroups })
            cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            int e = ParseInt(r.GetValue(experts)!, "--experts", 1);
            int k = ParseInt(r.GetValue(topK)!, "--top-k", int.MinValue);
            if (k <= 0) throw new CliException($"--top-k must be at least 1, got {k}");
            if (k > e) throw new CliException($"--top-k {k} exceeds --experts {e}: each token needs K distinct experts");
            int t = ParseInt(r.GetValue(tokens)!, "--tokens", 0);
            int n = ParseInt(r.GetValue(steps)!, "--steps", 0);
            if ((long)Math.Max(t, 1) * e > 1L << 28) throw new CliException($"--tokens x --experts = {(long)Math.Max(t, 1) * e} is too large for one batch (limit 2^28)");
            if (n > MaxSteps) throw new CliException($"--steps {n} exceeds {MaxSteps}: the simulation keeps one metrics row per step (and prints one CSV line each)");
            double u = ParseDouble(r.GetValue(rate)!, "--rate");
            if (!(u > 0)) throw new CliException($"--rate must be > 0, got {r.GetValue(rate)}");
            double cf = ParseDouble(r.GetValue(capacityFactor)!, "--capacity-factor");
            if (!(cf > 0)) throw new CliException($"--capacity-factor must be > 0, got {r.GetValue(capacityFactor)}");
            double a = ParseDouble(r.GetValue(exponent)!, "--zipf-exponent");
            if (a < 0) throw new CliException($"--zipf-exponent must be >= 0, got {a}");
            int gap = ParseInt(r.GetValue(gapEvery)!, "--gap-every", 0);
            ulong seedValue = ParseSeed(r.GetValue(seed)!);
            var groupLimit = ParseGroups(r.GetValue(groups), r.GetValue(topGroups), e, k);
            var sched = MakeSchedule(r.GetValue(schedule)!, u, ParseInt(r.GetValue(switchStep)!, "--switch-step", 0));
            string balName = r.GetValue(balancer)!;
            var rng = new Rng(seedValue);
            var gen = FromRegistry("--generator", () => ScoreGenerators.Create(r.GetValue(generator)!, new ScoreGeneratorOptions(e, a), rng.Split()));
            var options = new MoeAlgorithmOptions(e, new SimulationSettings(t, k, n, GapEvery: gap, Groups: groupLimit), u, sched, AuxLossWeight: u, CapacityFactor: cf);
            var (bal, settings) = FromRegistry("--balancer", () => MoeAlgorithms.Create(balName, options));
            if (groupLimit is not null && (settings.ExpertChoice || bal.Rule != SelectionRule.Additive))
                throw new CliException($"--groups: group-limited routing adds the bias to the scores; it does not apply to --balancer {balName}");
            var metrics = MoeSimulator.Run(gen, bal, settings, rng);
            var sb = new StringBuilder("step,maxvio,idle_experts,objective,gap_to_opt,maxvio_global,dual,drop_rate\n");
            foreach (var m in metrics)
                sb.Append(CultureInfo.InvariantCulture, $"{m.Step},{Num(m.MaxVio)},{m.IdleExperts},{Num(m.Objective)},{Num(m.GapToOpt)},{Num(m.MaxVioGlobal)},{Num(m.Dual)},{Num(m.DropRate)}\n");
            ctx.Out.Write(sb.ToString());
            return 0;
        });
        return cmd;
    }

    private static Command Optimum(CliContext ctx)
    {
        var cmd = new Command("optimum", "exact offline optimum of a saved score matrix (CSV or .npy); CSV: name,value");
        var scores = new Option<string>("--scores") { Description = "score file: CSV (token,e0,...) or NumPy .npy (float32/float64, C order, 2-D or 3-D)", Required = true };
        var topK = new Option<string>("--top-k") { Description = "experts per token K", Required = true };
        var capacity = new Option<string?>("--capacity") { Description = "per-expert capacity C (default ceil(T*K/E))" };
        var prices = new Option<bool>("--prices") { Description = "also print the optimal dual prices (ideal biases, GLOP) as price_<i>" };
        var format = new Option<string?>("--format") { Description = "csv or npy (default: from the file extension)" };
        var batch = new Option<string?>("--batch") { Description = "solve only this batch (0-based) of a multi-batch file; default: all batches concatenated" };
        foreach (var o in new Option[] { scores, topK, capacity, prices, format, batch }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            string path = r.GetValue(scores)!;
            int k = ParseInt(r.GetValue(topK)!, "--top-k", int.MinValue);
            if (k <= 0) throw new CliException($"--top-k must be at least 1, got {k}");
            int? cap = null;
            if (r.GetValue(capacity) is { } ct)
            {
                cap = ParseInt(ct, "--capacity", int.MinValue);
                if (cap < 0) throw new CliException($"--capacity must be >= 0, got {cap}");
            }
            var batches = ReadScores(path, r.GetValue(format));
            ScoreMatrix s;
            if (r.GetValue(batch) is { } bt)
            {
                int b = ParseInt(bt, "--batch", 0);
                if (b >= batches.Count) throw new CliException($"--batch {b}: {path} has {batches.Count} batch(es)");
                s = batches[b];
            }
            else s = batches.Count == 1 ? batches[0] : ScoreMatrix.Concat(batches);
            if (k > s.Experts) throw new CliException($"--top-k {k} exceeds the {s.Experts} experts in {path}");
            int c = cap ?? AssignmentProblem.DefaultCapacity(s.Tokens, k, s.Experts);
            if ((long)c * s.Experts < (long)s.Tokens * k)
                throw new CliException($"--capacity {c} is infeasible: E*C = {(long)c * s.Experts} < T*K = {(long)s.Tokens * k}");
            var sol = MinCostFlowAssignment.Solve(s, k, c);
            if (sol.Status != OfflineStatus.Optimal) throw CliException.Input($"{path}: {sol.Message}");
            if (sol.ErrorBound > 0)
                ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: scores are not integers; min-cost flow on scores scaled by {MinCostFlowAssignment.Scale(s.Data)}: optimum exact within {sol.ErrorBound:G3}"));
            var sb = new StringBuilder("name,value\n");
            sb.Append("optimum,").Append(Num(sol.Value)).Append('\n');
            sb.Append("top_k_bound,").Append(Num(BalanceMetrics.TopKBound(s, k))).Append('\n');
            sb.Append("expert_choice_bound,").Append(Num(BalanceMetrics.ExpertChoiceBound(s, k, c))).Append('\n');
            if (r.GetValue(prices))
            {
                var lp = GlopAssignment.Solve(s, k, c, balanced: false);
                if (lp.Status != OfflineStatus.Optimal || lp.Prices is null) throw CliException.Input($"{path}: GLOP could not compute the dual prices: {lp.Message}");
                for (int i = 0; i < s.Experts; i++)
                    sb.Append(CultureInfo.InvariantCulture, $"price_{i},{Num(lp.Prices[i] == 0 ? 0 : lp.Prices[i])}\n");
            }
            ctx.Out.Write(sb.ToString());
            return 0;
        });
        return cmd;
    }

    /// <summary>Reads a score file with the CLI's error conventions; the format comes from the extension unless given.</summary>
    public static IReadOnlyList<ScoreMatrix> ReadScores(string path, string? format)
    {
        string fmt = format ?? (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) ? "npy" : "csv");
        if (fmt != "csv" && fmt != "npy") throw new CliException($"--format: unknown format '{fmt}'; known: csv, npy");
        using var stream = CliContext.OpenInput(path);
        try
        {
            if (fmt == "npy") return NpyScoreReader.Read(stream, path);
            using var reader = new StreamReader(stream);
            return ScoreCsvReader.Read(reader, path);
        }
        catch (InstanceFormatException e)
        {
            throw CliContext.FromFormat(e);
        }
    }

    // The registries throw ArgumentException with the known names; the CLI reports it as a usage error of the option.
    private static T FromRegistry<T>(string option, Func<T> create)
    {
        try { return create(); }
        catch (ArgumentException ex) { throw new CliException($"{option}: {ex.Message.Split(" (Parameter", 2)[0]}"); }
    }

    private static StepSchedule MakeSchedule(string name, double u, int switchStep) => name switch
    {
        "constant" => StepSchedule.Constant(u),
        "piecewise" => StepSchedule.Piecewise(u, switchStep),
        "inverse-sqrt" => StepSchedule.InverseSqrt(u),
        "inverse-linear" => StepSchedule.InverseLinear(u, 10),
        _ => throw new CliException($"--schedule: unknown schedule '{name}'; known: {string.Join(", ", ScheduleNames)}"),
    };

    /// <summary>The group-limit option, or null (plain top-K) when neither flag is given; both or neither.</summary>
    private static GroupLimit? ParseGroups(string? groups, string? topGroups, int e, int k)
    {
        if (groups is null && topGroups is null) return null;
        if (groups is null || topGroups is null)
            throw new CliException("--groups and --top-groups go together: give both (e.g. --groups 8 --top-groups 4) or neither");
        int g = ParseInt(groups, "--groups", 1);
        if (e % g != 0) throw new CliException($"--groups {g} does not divide --experts {e}: groups must have equal size");
        int m = ParseInt(topGroups, "--top-groups", 1);
        if (m > g) throw new CliException($"--top-groups {m} exceeds --groups {g}");
        if ((long)m * (e / g) < k)
            throw new CliException($"--top-k {k} exceeds the {m * (e / g)} experts of the {m} kept groups (top-groups x experts/groups)");
        return new GroupLimit(g, m);
    }

    private static string Num(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    private static int ParseInt(string text, string option, int min)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            throw new CliException($"{option} expects an integer, got '{text}'");
        if (v < min) throw new CliException($"{option} must be at least {min}, got {v}");
        return v;
    }

    private static double ParseDouble(string text, string option)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new CliException($"{option} expects a finite number, got '{text}'");
        return v;
    }

    private static ulong ParseSeed(string text)
    {
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v))
            throw new CliException($"--seed expects an unsigned 64-bit integer, got '{text}'");
        return v;
    }
}
