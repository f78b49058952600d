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
/// the one-bit algorithms: the trace's bit column, or ground truth (<c>--predict discard|phase</c>), optionally with
/// noise (<c>--noise q</c> or <c>--noise0 q0 --noise1 q1</c>, seeded by <c>--seed</c>). When bits are used the CSV gains
/// <c>eta0,eta1</c>, measured for each bit algorithm against the ground truth of its own setup at that k (discard for
/// MARK0-type algorithms, phase for MARK&amp;PREDICT); empty for algorithms that use no bits.
/// </summary>
public static class PagingCommands
{
    private static readonly string KnownNames = "belady," + string.Join(",", PagingAlgorithms.ClassicalNames) + "," + string.Join(",", PredictivePagingAlgorithms.Names);

    /// <summary>The <c>paging</c> command group.</summary>
    public static Command Create(CliContext ctx)
    {
        var paging = new Command("paging", "paging algorithms on a trace");
        var run = new Command("run", "fault counts per algorithm and cache size; CSV on stdout: algorithm,k,requests,faults[,eta0,eta1]");
        var trace = new Option<string>("--trace") { Description = "trace file", Required = true };
        var format = new Option<string>("--format") { Description = "txt (ID [BIT] per line; also libCacheSim txt), csv (libCacheSim csv) or oracleGeneral (libCacheSim binary)", DefaultValueFactory = _ => "txt" };
        var ks = new Option<string>("--k") { Description = "cache sizes, comma-separated (e.g. 10,100)", Required = true };
        var algs = new Option<string>("--algorithms") { Description = "comma-separated: " + KnownNames, DefaultValueFactory = _ => "belady,lru,fifo" };
        var seed = new Option<string>("--seed") { Description = "seed of randomized algorithms and of prediction noise", DefaultValueFactory = _ => "1" };
        var idColumn = new Option<int?>("--id-column") { Description = "csv: 1-based id column (default: header obj_id/id/key, else 1)" };
        var predict = new Option<string?>("--predict") { Description = "bits from ground truth: discard (Belady labels) or phase (next k-phase labels); the trace must then have no bit column" };
        var noise = new Option<string?>("--noise") { Description = "with --predict: flip each true bit with probability q in [0,1]" };
        var noise0 = new Option<string?>("--noise0") { Description = "with --predict: flip true 1s to 0 with probability q0 (moves eta0)" };
        var noise1 = new Option<string?>("--noise1") { Description = "with --predict: flip true 0s to 1 with probability q1 (moves eta1)" };
        var bitsFile = new Option<string?>("--bits") { Description = "prediction file: one 0/1 per line, exactly one per request (instead of a bit column in the trace)" };
        var bitMeaning = new Option<string>("--bit-meaning") { Description = "what a 1 in the trace's bit column means: evict (internal convention) or keep (e.g. 'requested in the next phase'; flipped on input)", DefaultValueFactory = _ => "evict" };
        var arrivals = new Option<string>("--arrivals") { Description = "next-arrival predictions for ftp-type algorithms: exact, pleco or popu", DefaultValueFactory = _ => "exact" };
        var sigma = new Option<string?>("--sigma") { Description = "with --arrivals exact: add exp(sigma*N(0,1)) noise (ACEPS synthetic predictions), sigma >= 0" };
        var gamma = new Option<string>("--gamma") { Description = "deterministic combiner budget growth (> 0)", DefaultValueFactory = _ => "0.01" };
        var epsilon = new Option<string>("--epsilon") { Description = "randomized combiner parameter in (0,1], beta = 1 - epsilon/2", DefaultValueFactory = _ => "0.5" };
        foreach (var o in new Option[] { trace, format, ks, algs, seed, idColumn, predict, noise, noise0, noise1, bitsFile, bitMeaning, arrivals, sigma, gamma, epsilon }) run.Options.Add(o);
        run.SetAction(r =>
        {
            int[] kValues = CliContext.ParsePositiveInts(r.GetValue(ks)!, "--k");
            var names = r.GetValue(algs)!.Split(',', StringSplitOptions.TrimEntries);
            foreach (var n in names)
                if (n != "belady" && PagingAlgorithms.TryCreate(n) is null && PredictivePagingAlgorithms.KindOf(n) == PredictionKind.None)
                    throw new CliException($"--algorithms: unknown algorithm '{n}'; known: {KnownNames}");
            string seedText = r.GetValue(seed)!;
            if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seedValue))
                throw new CliException($"--seed expects an unsigned 64-bit integer, got '{seedText}'");
            double g = ParseReal(r.GetValue(gamma)!, "--gamma", x => x > 0 && !double.IsInfinity(x), "a positive number");
            double eps = ParseReal(r.GetValue(epsilon)!, "--epsilon", x => x > 0 && x <= 1, "a number in (0, 1]");
            PredictionSetup? setup = r.GetValue(predict) switch
            {
                null => null,
                "discard" => PredictionSetup.Discard,
                "phase" => PredictionSetup.Phase,
                var other => throw new CliException($"--predict: expected discard or phase, got '{other}'"),
            };
            double? q = OptionalRate(r.GetValue(noise), "--noise"), q0 = OptionalRate(r.GetValue(noise0), "--noise0"), q1 = OptionalRate(r.GetValue(noise1), "--noise1");
            if (q is not null && (q0 is not null || q1 is not null))
                throw new CliException("give either --noise or --noise0/--noise1, not both");
            if ((q ?? q0 ?? q1) is not null && setup is null)
                throw new CliException("--noise/--noise0/--noise1 perturb ground-truth bits: add --predict discard|phase");
            var polarity = r.GetValue(bitMeaning) switch
            {
                "evict" => BitPolarity.Evictable,
                "keep" => BitPolarity.Keep,
                var other => throw new CliException($"--bit-meaning: expected evict or keep, got '{other}'"),
            };
            string arrivalSource = r.GetValue(arrivals)!;
            if (arrivalSource is not ("exact" or "pleco" or "popu"))
                throw new CliException($"--arrivals: expected exact, pleco or popu, got '{arrivalSource}'");
            double? sigmaValue = r.GetValue(sigma) is { } st ? ParseReal(st, "--sigma", x => x >= 0 && !double.IsInfinity(x), "a number >= 0") : null;
            if (sigmaValue is not null && arrivalSource != "exact")
                throw new CliException("--sigma adds noise to exact next arrivals: use it with --arrivals exact");

            var seq = ReadTrace(r.GetValue(trace)!, r.GetValue(format)!, r.GetValue(idColumn));
            if (seq.HasBits && setup is not null)
                throw new CliException($"{r.GetValue(trace)}: the trace has a bit column and --predict asks for ground-truth bits: drop one of the two");
            byte[]? rawBits = seq.HasBits ? seq.Bits.ToArray() : null;
            if (r.GetValue(bitsFile) is { } bitsPath)
            {
                if (seq.HasBits) throw new CliException($"{r.GetValue(trace)}: the trace has a bit column and --bits gives a prediction file: drop one of the two");
                if (setup is not null) throw new CliException("--bits and --predict are two prediction sources: give one");
                rawBits = ReadBits(bitsPath, seq.Length);
            }
            byte[]? fileBits = rawBits is null ? null : BitPredictions.ToInternal(rawBits, polarity);
            bool usesBits = fileBits is not null || setup is not null;
            foreach (var n in names)
            {
                var kind = PredictivePagingAlgorithms.KindOf(n);
                if ((kind is PredictionKind.DiscardBits or PredictionKind.PhaseBits) && !usesBits)
                    throw new CliException($"{n} needs one prediction bit per request: give a trace with a 0/1 bit column or --predict discard|phase");
            }

            // Compute everything before printing, so a failure leaves no half-written CSV.
            double[]? h = null, exact = null;
            var lines = new List<string> { "algorithm,k,requests,faults" + (usesBits ? ",eta0,eta1" : "") };
            foreach (var name in names)
            {
                var kind = PredictivePagingAlgorithms.KindOf(name);
                foreach (int k in kValues)
                {
                    // A cache of at least PageCount slots never evicts: every algorithm then faults exactly on first
                    // requests, and phases and ground-truth bits are the same for any such k. Simulating with
                    // min(k, PageCount) gives identical output without allocating O(k) state for a huge --k (tested);
                    // the random streams stay keyed by the k asked for.
                    int kSim = Math.Min(k, seq.PageCount);
                    string etaCols = usesBits ? ",," : "";
                    long faults;
                    if (name == "belady") faults = BeladyPaging.Faults(seq, kSim);
                    else if (kind == PredictionKind.None)
                        faults = PagingSimulator.Run(PagingAlgorithms.TryCreate(name)!, seq, kSim, Rng.ForCell(seedValue, name, k));
                    else
                    {
                        byte[]? bits = null;
                        if (kind is PredictionKind.DiscardBits or PredictionKind.PhaseBits)
                        {
                            bits = fileBits ?? Perturb(GroundTruthBits.For(setup!.Value, seq, kSim), q, q0, q1, Rng.ForCell(seedValue, "noise", k));
                            var own = kind == PredictionKind.DiscardBits ? PredictionSetup.Discard : PredictionSetup.Phase;
                            var e = PredictionErrors.Compute(bits, GroundTruthBits.For(own, seq, kSim));
                            etaCols = string.Create(CultureInfo.InvariantCulture, $",{e.Eta0},{e.Eta1}");
                        }
                        if (kind == PredictionKind.NextArrival)
                            h ??= arrivalSource switch
                            {
                                "pleco" => NextArrivalPredictions.Pleco(seq),
                                "popu" => NextArrivalPredictions.Popu(seq),
                                _ => sigmaValue is { } s ? NextArrivalPredictions.LogNormal(seq, s, Rng.ForCell(seedValue, "arrivals", 0)) : NextArrivalPredictions.Exact(seq),
                            };
                        if (kind == PredictionKind.ExactNextArrival) exact ??= NextArrivalPredictions.Exact(seq);
                        var alg = PredictivePagingAlgorithms.TryCreate(name, new PagingPredictionInputs(bits, h, exact, g, eps))!;
                        faults = PagingSimulator.Run(alg, seq, kSim, Rng.ForCell(seedValue, name, k));
                    }
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name},{k},{seq.Length},{faults}{etaCols}"));
                }
            }
            foreach (var l in lines) ctx.Out.Write(l + "\n");
            return 0;
        });
        paging.Subcommands.Add(run);
        return paging;
    }

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
