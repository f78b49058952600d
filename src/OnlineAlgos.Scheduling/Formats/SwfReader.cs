using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;

namespace OnlineAlgos.Scheduling.Formats;

/// <summary>
/// Reads the Standard Workload Format v2.2 (Parallel Workloads Archive): one job per line with exactly 18
/// whitespace-separated numeric fields (−1 = unknown), header/comment lines starting with <c>;</c>. Release = submit
/// time (field 2); size = run time (field 4), optionally × processors; status (field 11) filters jobs; lines of one
/// checkpointed job (status 2 ... then 3 or 4, same job number, anywhere later in the file) are grouped. Job numbers
/// must increase (a repeat is allowed only after a status-2 line of that job) and new jobs' submit times must not
/// decrease. Sizes are then split into operations by
/// <see cref="SwfOptions.Split"/> and scaled to the target load, exactly. Fields 1, 5, 8 and 11–17 (counts and ids)
/// must be plain 64-bit integers; the others are numbers of at most 1000 characters within the double range; a split
/// that would build more than <see cref="MaxOperations"/> operations is refused before it is built. Malformed input
/// raises <see cref="InstanceFormatException"/> naming the line (and field).
/// </summary>
public static class SwfReader
{
    /// <summary>Most operations the reader builds in total (all jobs, after splitting), checked before they are built.</summary>
    public const int MaxOperations = 1 << 24;

    private static readonly string[] FieldNames =
    [
        "job number", "submit time", "wait time", "run time", "allocated processors", "average CPU time", "used memory",
        "requested processors", "requested time", "requested memory", "status", "user id", "group id", "executable",
        "queue", "partition", "preceding job", "think time",
    ];

    // SWF fields that are counts or ids (1-based field numbers 1, 5, 8, 11-17); the others are times and amounts.
    private static bool IsIntegerField(int f) => f is 0 or 4 or 7 or (>= 10 and <= 16);

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";

    private sealed class RawJob
    {
        public required string Number;
        public required Rational Submit;
        public required int FirstLine;
        public readonly List<Rational> Parts = new();
        public Rational Requested = -1;
        public Rational Processors = 1;
        public int Status;
        public long Preceding = -1;
        public Rational Think = -1;
    }

    /// <summary>Reads an SWF log; <paramref name="source"/> names the input in error messages.</summary>
    public static SwfReadResult Read(TextReader reader, string source, SwfOptions? options = null)
    {
        options ??= new SwfOptions();
        Validate(options, source);
        var (raw, lines) = ParseJobs(reader, source);
        var (kept, droppedStatus, droppedZero, droppedUnknown) = Filter(raw, options);
        Rational scale = TargetScale(kept, options);
        CheckPlannedOperations(kept, options, source);
        Rational t0 = kept.Count > 0 ? kept[0].Job.Submit : 0;
        int thinkLinks = 0;
        var jobs = options.Split == SwfSplitMode.Chain
            ? BuildChains(kept, scale, t0, out thinkLinks)
            : BuildJobs(kept, scale, t0, options, source);
        CheckDoubleRange(jobs, source);
        return new SwfReadResult(new SchedulingInstance<Rational>(jobs), lines, droppedStatus, droppedZero, droppedUnknown, thinkLinks, scale);
    }

    // The log's lines as jobs (checkpointed continuations, status 2, merged into their first line's job); also the
    // number of job lines read.
    private static (List<RawJob> Jobs, int Lines) ParseJobs(TextReader reader, string source)
    {
        var raw = new List<RawJob>();
        var byNumber = new Dictionary<string, RawJob>(StringComparer.Ordinal);
        long lastNumber = long.MinValue;
        Rational lastSubmit = -1;
        int lineNo = 0, lines = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty || trimmed[0] == ';') continue;
            lines++;
            var (v, number, status, preceding, submitText) = ParseFields(line, lineNo, source);
            string key = number.ToString(CultureInfo.InvariantCulture);
            RawJob job;
            if (byNumber.TryGetValue(key, out var previous) && previous.Status == 2)
            {
                job = previous; // continuation of a checkpointed job (its submit time is the first line's)
            }
            else
            {
                if (v[1] < lastSubmit)
                    throw new InstanceFormatException(source, lineNo, $"submit times in non-decreasing order (got {submitText} after {lastSubmit})");
                lastSubmit = v[1];
                if (number <= lastNumber)
                    throw new InstanceFormatException(source, lineNo, number == lastNumber
                        ? $"a new job number (job {number} repeats, and its previous line is not a partial execution, status 2)"
                        : $"job numbers in increasing order (got {number} after {lastNumber})");
                job = new RawJob { Number = key, Submit = v[1], FirstLine = lineNo };
                raw.Add(job);
                byNumber[key] = job;
                lastNumber = number;
            }
            job.Status = (int)status;
            job.Parts.Add(v[3]);
            if (v[8] != -1) job.Requested = v[8];
            job.Processors = v[4] != -1 ? v[4] : v[7] != -1 ? v[7] : 1;
            if (preceding != -1) job.Preceding = preceding;
            job.Think = v[17];
        }
        return (raw, lines);
    }

    // One job line: the 18 fields (integer fields exact within Int64, the others exact numbers; -1 = unknown), with
    // the job number, status (unknown read as 1), preceding job and the submit field's text pulled out.
    private static (Rational[] Values, long Number, long Status, long Preceding, string SubmitText) ParseFields(string line, int lineNo, string source)
    {
        var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 18)
            throw new InstanceFormatException(source, lineNo, $"18 whitespace-separated fields (SWF v2.2), got {fields.Length}");
        var v = new Rational[18];
        long number = 0, status = 1, preceding = -1;
        for (int f = 0; f < 18; f++)
        {
            if (IsIntegerField(f))
            {
                // Counts and ids: a plain integer that fits Int64 (no fraction, no exponent: "1e30" is refused).
                if (!long.TryParse(fields[f], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long x) || (x < 0 && x != -1))
                    throw new InstanceFormatException(source, lineNo, $"field {f + 1} ({FieldNames[f]}) to be an integer >= 0 or -1 (unknown) within 64 bits, got '{Truncate(fields[f])}'");
                v[f] = x;
                if (f == 0) number = x;
                else if (f == 10) status = x;
                else if (f == 16) preceding = x;
                continue;
            }
            if (!ExactNumber.TryParse(fields[f], out v[f], out _, out string? problem) || (Rational.IsNegative(v[f]) && v[f] != -1))
                throw new InstanceFormatException(source, lineNo, $"field {f + 1} ({FieldNames[f]}) to be {problem ?? "a number >= 0"} or -1 (unknown), got '{Truncate(fields[f])}'");
        }
        if (number < 1)
            throw new InstanceFormatException(source, lineNo, $"field 1 (job number) to be an integer >= 1, got '{fields[0]}'");
        if (v[1] == -1) throw new InstanceFormatException(source, lineNo, "field 2 (submit time) to be known (>= 0), got -1");
        if (status > 5)
            throw new InstanceFormatException(source, lineNo, $"field 11 (status) in 0..5 or -1, got '{fields[10]}'");
        if (status == -1) status = 1;
        return (v, number, status, preceding, fields[1]);
    }

    // Drops failed jobs (unless kept), jobs with an unknown runtime and zero-runtime jobs (unless kept); the sizes are
    // the parts' runtimes, times the processors when they count as work.
    private static (List<(RawJob Job, List<Rational> Sizes)> Kept, int DroppedStatus, int DroppedZero, int DroppedUnknown) Filter(
        List<RawJob> raw, SwfOptions options)
    {
        int droppedStatus = 0, droppedZero = 0, droppedUnknown = 0;
        var kept = new List<(RawJob Job, List<Rational> Sizes)>();
        foreach (var job in raw)
        {
            bool failed = job.Status is 0 or 4 or 5;
            if (failed && !options.KeepFailed) { droppedStatus++; continue; }
            if (job.Parts.Exists(p => p == -1)) { droppedUnknown++; continue; }
            var sizes = job.Parts.Select(p => options.ProcessorsAsWork ? p * job.Processors : p).ToList();
            Rational total = 0;
            foreach (var s in sizes) total += s;
            if (Rational.IsZero(total) && !options.KeepZeroRuntime) { droppedZero++; continue; }
            kept.Add((job, sizes));
        }
        return (kept, droppedStatus, droppedZero, droppedUnknown);
    }

    // The factor that scales the work to the target load (work / submit span = rho); 1 without a target.
    private static Rational TargetScale(List<(RawJob Job, List<Rational> Sizes)> kept, SwfOptions options)
    {
        if (options.TargetLoad is not { } rho || kept.Count <= 1) return 1;
        Rational work = 0;
        foreach (var (_, sizes) in kept) foreach (var s in sizes) work += s;
        Rational span = kept[^1].Job.Submit - kept[0].Job.Submit;
        if (Rational.IsZero(work) || Rational.IsZero(span)) return 1;
        return Rational.Parse(rho.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) * span / work;
    }

    // Counts the operations the split will build before building them (Parts and Growth come from the user).
    private static void CheckPlannedOperations(List<(RawJob Job, List<Rational> Sizes)> kept, SwfOptions options, string source)
    {
        double planned = 0;
        foreach (var (_, sizes) in kept)
        {
            planned += options.Split switch
            {
                SwfSplitMode.Whole or SwfSplitMode.Chain => 1,
                SwfSplitMode.Natural => sizes.Count,
                SwfSplitMode.Test => 2,
                SwfSplitMode.RequestedFirst => options.Parts + 1,
                SwfSplitMode.Geometric => GeometricCount(sizes, options.Growth),
                _ => options.Parts,
            };
        }
        if (planned > MaxOperations)
            throw new InstanceFormatException(source, 0, string.Create(CultureInfo.InvariantCulture,
                $"at most {MaxOperations} operations after the {options.Split} split, this log and options make {planned:G4}"));
    }

    // Chain split: a job whose preceding job is a chain's current tail becomes that chain's next operation; a second
    // successor of one job starts its own chain. thinkLinks counts links with a positive think time.
    private static List<SchedulingJob<Rational>> BuildChains(List<(RawJob Job, List<Rational> Sizes)> kept, Rational scale, Rational t0, out int thinkLinks)
    {
        thinkLinks = 0;
        var jobs = new List<SchedulingJob<Rational>>();
        var tailOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var ops = new List<List<Rational>>();
        foreach (var (job, sizes) in kept)
        {
            Rational total = 0;
            foreach (var s in sizes) total += s;
            string pred = job.Preceding.ToString(CultureInfo.InvariantCulture);
            if (job.Preceding > 0 && tailOf.Remove(pred, out int c))
            {
                ops[c].Add(total * scale);
                tailOf[job.Number] = c;
                if (job.Think > 0) thinkLinks++;
                continue;
            }
            tailOf[job.Number] = jobs.Count;
            ops.Add(new List<Rational> { total * scale });
            jobs.Add(new SchedulingJob<Rational>(job.Number, job.Submit - t0, Array.Empty<Rational>()));
        }
        for (int i = 0; i < jobs.Count; i++) jobs[i] = jobs[i] with { Operations = ops[i] };
        return jobs;
    }

    // Every other split: one scheduling job per log job, its operations from Split.
    private static List<SchedulingJob<Rational>> BuildJobs(List<(RawJob Job, List<Rational> Sizes)> kept, Rational scale, Rational t0,
        SwfOptions options, string source)
    {
        var rng = new Rng(options.Seed);
        var jobs = new List<SchedulingJob<Rational>>();
        foreach (var (job, sizes) in kept)
            jobs.Add(new SchedulingJob<Rational>(job.Number, job.Submit - t0, Split(job, sizes, scale, options, rng, source)));
        return jobs;
    }

    // Every instance is also run in double: (max release + total work) x jobs bounds the total flow time.
    private static void CheckDoubleRange(List<SchedulingJob<Rational>> jobs, string source)
    {
        double maxRelease = 0, totalWork = 0;
        foreach (var j in jobs)
        {
            maxRelease = Math.Max(maxRelease, j.Release.ToDouble());
            foreach (var op in j.Operations) totalWork += op.ToDouble();
        }
        if (!double.IsFinite((maxRelease + totalWork) * jobs.Count))
            throw new InstanceFormatException(source, 0, "a total flow time within the double range ((max release + total work) x jobs below 1.8e308)");
    }

    private static void Validate(SwfOptions o, string source)
    {
        if (o.Parts < 1 || o.Parts > MaxOperations) throw new InstanceFormatException(source, 0, $"option Parts in 1..{MaxOperations}");
        if (!(o.Alpha > 0) || !double.IsFinite(o.Alpha)) throw new InstanceFormatException(source, 0, "option Alpha > 0");
        if (!(o.Growth > 1) || !double.IsFinite(o.Growth)) throw new InstanceFormatException(source, 0, "option Growth > 1");
        if (!(o.TestLength > 0) || !double.IsFinite(o.TestLength)) throw new InstanceFormatException(source, 0, "option TestLength > 0");
        if (o.TargetLoad is { } r && (!(r > 0) || !double.IsFinite(r))) throw new InstanceFormatException(source, 0, "option TargetLoad > 0");
    }

    private static Rational Exact(double x) => Rational.Parse(x.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static List<Rational> Split(RawJob job, List<Rational> sizes, Rational scale, SwfOptions o, Rng rng, string source)
    {
        Rational p = 0;
        foreach (var s in sizes) p += s;
        var result = new List<Rational>();
        switch (o.Split)
        {
            case SwfSplitMode.Natural:
                foreach (var s in sizes) result.Add(s * scale);
                return result;
            case SwfSplitMode.Whole:
                result.Add(p * scale);
                return result;
            case SwfSplitMode.Equal:
                for (int i = 0; i < o.Parts; i++) result.Add(p * scale / o.Parts);
                return result;
            case SwfSplitMode.Test:
            {
                var t = Rational.Min(Exact(o.TestLength), p);
                result.Add(t * scale);
                result.Add((p - t) * scale);
                return result;
            }
            case SwfSplitMode.Geometric:
                AddGeometric(result, p, scale, Exact(o.Growth));
                return result;
            case SwfSplitMode.RequestedFirst:
                AddRequestedFirst(result, job, p, scale, o.Parts);
                return result;
            case SwfSplitMode.Dirichlet:
                AddDirichlet(result, job, p, scale, o, rng, source);
                return result;
            default:
                throw new ArgumentOutOfRangeException(nameof(o), o.Split, "unknown split mode");
        }
    }

    // Units 1, c, c^2, ... (the last one cut to what is left) until they cover p.
    private static void AddGeometric(List<Rational> result, Rational p, Rational scale, Rational c)
    {
        Rational unit = 1, left = p;
        do
        {
            var op = Rational.Min(unit, left);
            result.Add(op * scale);
            left -= op;
            unit *= c;
        } while (left > 0);
    }

    // Half the requested time (capped at p) first, then the rest in equal parts.
    private static void AddRequestedFirst(List<Rational> result, RawJob job, Rational p, Rational scale, int parts)
    {
        var req = job.Requested == -1 ? p : job.Requested;
        var first = Rational.Min(p, req) / 2;
        result.Add(first * scale);
        for (int i = 0; i < parts; i++) result.Add((p - first) * scale / parts);
    }

    // Parts with Dirichlet(alpha) shares, rounded down to multiples of 1/1024 (the last part takes the rest).
    private static void AddDirichlet(List<Rational> result, RawJob job, Rational p, Rational scale, SwfOptions o, Rng rng, string source)
    {
        var g = new double[o.Parts];
        double sum = 0;
        for (int i = 0; i < g.Length; i++) { g[i] = Gamma(rng, o.Alpha); sum += g[i]; }
        if (!(sum > 0) || !double.IsFinite(sum))
            throw new InstanceFormatException(source, job.FirstLine, $"option Alpha large enough to sample the Dirichlet split (every gamma draw of alpha {o.Alpha.ToString("R", CultureInfo.InvariantCulture)} underflowed to 0)");
        Rational used = 0;
        for (int i = 0; i < g.Length - 1; i++)
        {
            var w = new Rational((long)Math.Floor(g[i] / sum * 1024), 1024);
            if (used + w > 1) w = 1 - used;
            used += w;
            result.Add(p * w * scale);
        }
        result.Add(p * (1 - used) * scale);
    }

    // Operations the geometric split makes of a job: units 1, c, c^2, ... until they cover p, i.e. about
    // log(p (c - 1) + 1) / log c + 1 (estimated in double, rounded up generously).
    private static double GeometricCount(List<Rational> sizes, double c)
    {
        double p = 0;
        foreach (var s in sizes) p += s.ToDouble();
        if (!(p > 1)) return 1;
        double x = p * (c - 1);
        double k = (double.IsFinite(x) ? Math.Log(x + 1) : Math.Log(p) + Math.Log(c - 1)) / Math.Log(c);
        return double.IsFinite(k) ? k + 2 : double.MaxValue;
    }

    // Marsaglia–Tsang gamma sampler (alpha < 1 via the boost u^(1/alpha)).
    private static double Gamma(Rng rng, double alpha)
    {
        if (alpha < 1) return Gamma(rng, alpha + 1) * Math.Pow(1 - rng.NextDouble(), 1 / alpha);
        double d = alpha - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = rng.NextGaussian(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = 1 - rng.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}
