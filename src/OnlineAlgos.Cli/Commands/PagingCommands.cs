using System.CommandLine;
using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Cli.Commands;

/// <summary>
/// <c>paging run</c>: fault counts of chosen algorithms on a user's trace, as CSV (FORMATS.md). Prediction sources for
/// the one-bit algorithms: the trace's bit column, or ground truth (<c>--predict discard|phase|discard-coliseum|phase-coliseum</c>), optionally with
/// noise (<c>--noise q</c> or <c>--noise0 q0 --noise1 q1</c>, seeded by <c>--seed</c>). When bits are used the CSV gains
/// <c>eta0,eta1</c>, measured for each bit algorithm against the ground truth of its own setup at that k (discard for
/// MARK0-type algorithms, phase for MARK&amp;PREDICT; in Cache-Coliseum's convention when <c>--predict
/// discard-coliseum|phase-coliseum</c> asked for it); empty for algorithms that use no bits.
/// </summary>
public static class PagingCommands
{
    private static readonly string KnownNames = string.Join(",", PagingAlgorithms.Names);

    /// <summary>The <c>paging</c> command group.</summary>
    public static Command Create(CliContext ctx)
    {
        var paging = new Command("paging", "paging algorithms on a trace");
        var run = new Command("run", "fault counts per algorithm and cache size; CSV on stdout: algorithm,k,requests,faults[,eta0,eta1]");
        var o = new RunOptions();
        foreach (var option in o.All) run.Options.Add(option);
        run.SetAction(r =>
        {
            var request = ParseRun(r, o);
            var lines = ComputeRun(request, ReadRunInputs(r, o, request));
            foreach (var l in lines) ctx.Out.Write(l + "\n");
            return 0;
        });
        paging.Subcommands.Add(run);
        return paging;
    }

    /// <summary>The options of <c>paging run</c>.</summary>
    private sealed class RunOptions
    {
        public readonly Option<string> Trace = new("--trace") { Description = "trace file", Required = true };
        public readonly Option<string> Format = new("--format") { Description = "txt (ID [BIT] per line; also libCacheSim txt), csv (libCacheSim csv) or oracleGeneral (libCacheSim binary)", DefaultValueFactory = _ => "txt" };
        public readonly Option<string> Ks = new("--k") { Description = "cache sizes, comma-separated (e.g. 10,100)", Required = true };
        public readonly Option<string> Algorithms = new("--algorithms") { Description = "comma-separated: " + KnownNames, DefaultValueFactory = _ => "belady,lru,fifo" };
        public readonly Option<string> Seed = new("--seed") { Description = "seed of randomized algorithms and of prediction noise", DefaultValueFactory = _ => "1" };
        public readonly Option<int?> IdColumn = new("--id-column") { Description = "csv: 1-based id column (default: header obj_id/id/key, else 1)" };
        public readonly Option<string?> Predict = new("--predict") { Description = "bits from ground truth: discard (Belady labels), phase (next k-phase labels), or Cache-Coliseum's conventions discard-coliseum (Belady ties by lowest slot) and phase-coliseum (its phase cut, last two phases all 1s); the trace must then have no bit column" };
        public readonly Option<string?> Noise = new("--noise") { Description = "with --predict: flip each true bit with probability q in [0,1]" };
        public readonly Option<string?> Noise0 = new("--noise0") { Description = "with --predict: flip true 1s to 0 with probability q0 (moves eta0)" };
        public readonly Option<string?> Noise1 = new("--noise1") { Description = "with --predict: flip true 0s to 1 with probability q1 (moves eta1)" };
        public readonly Option<string?> BitsFile = new("--bits") { Description = "prediction file: one 0/1 per line, exactly one per request (instead of a bit column in the trace)" };
        public readonly Option<string> BitMeaning = new("--bit-meaning") { Description = "what a 1 in the trace's bit column means: evict (internal convention) or keep (e.g. 'requested in the next phase'; flipped on input)", DefaultValueFactory = _ => "evict" };
        public readonly Option<string> Arrivals = new("--arrivals") { Description = "next-arrival predictions for ftp-type algorithms: exact, pleco or popu", DefaultValueFactory = _ => "exact" };
        public readonly Option<string?> Sigma = new("--sigma") { Description = "with --arrivals exact: add exp(sigma*N(0,1)) noise (ACEPS synthetic predictions), sigma >= 0" };
        public readonly Option<string> Gamma = new("--gamma") { Description = "deterministic combiner budget growth (> 0)", DefaultValueFactory = _ => "0.01" };
        public readonly Option<string> Epsilon = new("--epsilon") { Description = "randomized combiner parameter in (0,1], beta = 1 - epsilon/2", DefaultValueFactory = _ => "0.5" };

        public Option[] All => [Trace, Format, Ks, Algorithms, Seed, IdColumn, Predict, Noise, Noise0, Noise1, BitsFile, BitMeaning, Arrivals, Sigma, Gamma, Epsilon];
    }

    /// <summary>The validated command line of <c>paging run</c> (everything but the trace and bit files).</summary>
    private sealed record RunRequest(int[] Ks, string[] Names, ulong Seed, double Gamma, double Epsilon, PredictionSetup? Setup,
        double? Q, double? Q0, double? Q1, BitPolarity Polarity, string ArrivalSource, double? Sigma);

    /// <summary>The trace and the prediction bits read from files (bits in the internal convention, or null).</summary>
    private sealed record RunInputs(RequestSequence Sequence, byte[]? FileBits, bool UsesBits);

    private static RunRequest ParseRun(ParseResult r, RunOptions o)
    {
        int[] kValues = CliContext.ParsePositiveInts(r.GetValue(o.Ks)!, "--k");
        var names = r.GetValue(o.Algorithms)!.Split(',', StringSplitOptions.TrimEntries);
        foreach (var n in names)
            if (PagingAlgorithms.Find(n) is null) throw new CliException("--algorithms: " + PagingAlgorithms.UnknownMessage(n));
        string seedText = r.GetValue(o.Seed)!;
        if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seedValue))
            throw new CliException($"--seed expects an unsigned 64-bit integer, got '{seedText}'");
        double g = ParseReal(r.GetValue(o.Gamma)!, "--gamma", x => x > 0 && !double.IsInfinity(x), "a positive number");
        double eps = ParseReal(r.GetValue(o.Epsilon)!, "--epsilon", x => x > 0 && x <= 1, "a number in (0, 1]");
        PredictionSetup? setup = r.GetValue(o.Predict) switch
        {
            null => null,
            "discard" => PredictionSetup.Discard,
            "phase" => PredictionSetup.Phase,
            "discard-coliseum" => PredictionSetup.DiscardColiseum,
            "phase-coliseum" => PredictionSetup.PhaseColiseum,
            var other => throw new CliException($"--predict: expected discard or phase (or Cache-Coliseum's discard-coliseum, phase-coliseum), got '{other}'"),
        };
        double? q = OptionalRate(r.GetValue(o.Noise), "--noise"), q0 = OptionalRate(r.GetValue(o.Noise0), "--noise0"), q1 = OptionalRate(r.GetValue(o.Noise1), "--noise1");
        if (q is not null && (q0 is not null || q1 is not null))
            throw new CliException("give either --noise or --noise0/--noise1, not both");
        if ((q ?? q0 ?? q1) is not null && setup is null)
            throw new CliException("--noise/--noise0/--noise1 perturb ground-truth bits: add --predict discard|phase");
        var polarity = r.GetValue(o.BitMeaning) switch
        {
            "evict" => BitPolarity.Evictable,
            "keep" => BitPolarity.Keep,
            var other => throw new CliException($"--bit-meaning: expected evict or keep, got '{other}'"),
        };
        string arrivalSource = r.GetValue(o.Arrivals)!;
        if (arrivalSource is not ("exact" or "pleco" or "popu"))
            throw new CliException($"--arrivals: expected exact, pleco or popu, got '{arrivalSource}'");
        double? sigmaValue = r.GetValue(o.Sigma) is { } st ? ParseReal(st, "--sigma", x => x >= 0 && !double.IsInfinity(x), "a number >= 0") : null;
        if (sigmaValue is not null && arrivalSource != "exact")
            throw new CliException("--sigma adds noise to exact next arrivals: use it with --arrivals exact");
        return new RunRequest(kValues, names, seedValue, g, eps, setup, q, q0, q1, polarity, arrivalSource, sigmaValue);
    }

    private static RunInputs ReadRunInputs(ParseResult r, RunOptions o, RunRequest request)
    {
        string tracePath = r.GetValue(o.Trace)!;
        var seq = ReadTrace(tracePath, r.GetValue(o.Format)!, r.GetValue(o.IdColumn));
        if (seq.HasBits && request.Setup is not null)
            throw new CliException($"{tracePath}: the trace has a bit column and --predict asks for ground-truth bits: drop one of the two");
        byte[]? rawBits = seq.HasBits ? seq.Bits.ToArray() : null;
        if (r.GetValue(o.BitsFile) is { } bitsPath)
        {
            if (seq.HasBits) throw new CliException($"{tracePath}: the trace has a bit column and --bits gives a prediction file: drop one of the two");
            if (request.Setup is not null) throw new CliException("--bits and --predict are two prediction sources: give one");
            rawBits = ReadBits(bitsPath, seq.Length);
        }
        byte[]? fileBits = rawBits is null ? null : BitPredictions.ToInternal(rawBits, request.Polarity);
        bool usesBits = fileBits is not null || request.Setup is not null;
        foreach (var n in request.Names)
            if ((PagingAlgorithms.KindOf(n) is PredictionKind.DiscardBits or PredictionKind.PhaseBits) && !usesBits)
                throw new CliException($"{n} needs one prediction bit per request: give a trace with a 0/1 bit column or --predict discard|phase");
        return new RunInputs(seq, fileBits, usesBits);
    }

    /// <summary>The CSV lines, computed before anything is printed so that a failure leaves no half-written CSV.</summary>
    private static List<string> ComputeRun(RunRequest request, RunInputs inputs)
    {
        var seq = inputs.Sequence;
        double[]? h = null, exact = null;
        var lines = new List<string> { "algorithm,k,requests,faults" + (inputs.UsesBits ? ",eta0,eta1" : "") };
        foreach (var name in request.Names)
        {
            var kind = PagingAlgorithms.KindOf(name);
            foreach (int k in request.Ks)
            {
                // A cache of at least PageCount slots never evicts: every algorithm then faults exactly on first
                // requests, and phases and ground-truth bits are the same for any such k. Simulating with
                // min(k, PageCount) gives identical output without allocating O(k) state for a huge --k (tested);
                // the random streams stay keyed by the k asked for.
                int kSim = Math.Min(k, seq.PageCount);
                string etaCols = inputs.UsesBits ? ",," : "";
                byte[]? bits = null;
                if (kind is PredictionKind.DiscardBits or PredictionKind.PhaseBits)
                {
                    bits = inputs.FileBits ?? Perturb(GroundTruthBits.For(request.Setup!.Value, seq, kSim), request.Q, request.Q0, request.Q1, Rng.ForCell(request.Seed, "noise", k));
                    var own = OwnSetup(kind, inputs.FileBits is null ? request.Setup : null);
                    var e = PredictionErrors.Compute(bits, GroundTruthBits.For(own, seq, kSim));
                    etaCols = string.Create(CultureInfo.InvariantCulture, $",{e.Eta0},{e.Eta1}");
                }
                if (kind == PredictionKind.NextArrival) h ??= NextArrivals(seq, request);
                if (kind is PredictionKind.ExactNextArrival or PredictionKind.NextArrival) exact ??= NextArrivalPredictions.Exact(seq); // follower-robust: OPT's cache
                long faults = PagingAlgorithms.Faults(name, seq, kSim, new PagingAlgorithmOptions(bits, h, exact, request.Gamma, request.Epsilon),
                    Rng.ForCell(request.Seed, name, k));
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name},{k},{seq.Length},{faults}{etaCols}"));
            }
        }
        return lines;
    }

    // eta0/eta1 are measured against the ground truth of the algorithm's own setup, in the convention asked for: with
    // --predict discard-coliseum|phase-coliseum against Cache-Coliseum's labels, else against ours.
    private static PredictionSetup OwnSetup(PredictionKind kind, PredictionSetup? asked)
    {
        bool coliseum = asked is PredictionSetup.DiscardColiseum or PredictionSetup.PhaseColiseum;
        return kind == PredictionKind.DiscardBits
            ? (coliseum ? PredictionSetup.DiscardColiseum : PredictionSetup.Discard)
            : (coliseum ? PredictionSetup.PhaseColiseum : PredictionSetup.Phase);
    }

    private static double[] NextArrivals(RequestSequence seq, RunRequest request) => request.ArrivalSource switch
    {
        "pleco" => NextArrivalPredictions.Pleco(seq),
        "popu" => NextArrivalPredictions.Popu(seq),
        _ => request.Sigma is { } s ? NextArrivalPredictions.LogNormal(seq, s, Rng.ForCell(request.Seed, "arrivals", 0)) : NextArrivalPredictions.Exact(seq),
    };

    private static byte[] Perturb(byte[] truth, double? q, double? q0, double? q1, Rng rng) =>
        q is { } both ? BitNoise.Flip(truth, both, rng)
        : (q0 ?? q1) is not null ? BitNoise.Flip(truth, q0 ?? 0, q1 ?? 0, rng)
        : truth;

    private static double? OptionalRate(string? text, string option) =>
        text is null ? null : ParseReal(text, option, x => x >= 0 && x <= 1, "a probability in [0, 1]");

    private static double ParseReal(string text, string option, Func<double, bool> valid, string expected)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || double.IsNaN(x) || !valid(x))
            throw new CliException($"{option} expects {expected}, got '{text}'");
        return x;
    }

    private static byte[] ReadBits(string path, int requests)
    {
        using var stream = CliContext.OpenInput(path);
        try
        {
            var bits = BitFileReader.Read(stream, path);
            BitFileReader.CheckLength(bits, requests, path);
            return bits;
        }
        catch (InstanceFormatException e)
        {
            throw CliContext.FromFormat(e);
        }
    }

    /// <summary>Reads a trace in the named format with the CLI's error conventions.</summary>
    public static RequestSequence ReadTrace(string path, string format, int? idColumn = null)
    {
        using var stream = CliContext.OpenInput(path);
        try
        {
            switch (format)
            {
                case "txt":
                    return TextTraceReader.Read(stream, path); // strict UTF-8: invalid bytes are an error naming the line
                case "csv":
                    return CsvTraceReader.Read(stream, path, idColumn);
                case "oracleGeneral":
                    return MappedInput.Parse(stream, span => OracleGeneralReader.Read(span, path), s => OracleGeneralReader.Read(s, path));
                default:
                    throw new CliException($"--format: unknown format '{format}'; known: txt, csv, oracleGeneral");
            }
        }
        catch (InstanceFormatException e)
        {
            throw CliContext.FromFormat(e);
        }
    }
}
