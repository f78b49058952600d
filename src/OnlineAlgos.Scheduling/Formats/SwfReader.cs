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
/// <see cref="SwfOptions.Split"/> and scaled to the target load, exactly. Malformed input raises
/// <see cref="InstanceFormatException"/> naming the line.
/// </summary>
public static class SwfReader
{
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
        var raw = new List<RawJob>();
        var byNumber = new Dictionary<string, RawJob>(StringComparer.Ordinal);
        long lastNumber = long.MinValue;
        Rational lastSubmit = -1;
        int lineNo = 0, lines = 0;
        int droppedUnknown = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty || trimmed[0] == ';') continue;
            lines++;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 18)
                throw new InstanceFormatException(source, lineNo, $"18 whitespace-separated fields (SWF v2.2), got {fields.Length}");
            var v = new Rational[18];
            for (int f = 0; f < 18; f++)
            {
                if (!Rational.TryParse(fields[f], CultureInfo.InvariantCulture, out v[f]) || (Rational.IsNegative(v[f]) && v[f] != -1))
                    throw new InstanceFormatException(source, lineNo, $"field {f + 1} to be a number >= 0 or -1 (unknown), got '{fields[f]}'");
            }
            if (!Rational.IsInteger(v[0]) || v[0] < 1)
                throw new InstanceFormatException(source, lineNo, $"field 1 (job number) to be an integer >= 1, got '{fields[0]}'");
            long number = (long)v[0].Numerator;
            if (v[1] == -1) throw new InstanceFormatException(source, lineNo, "field 2 (submit time) to be known (>= 0), got -1");
            int status = v[10] == -1 ? 1 : (int)v[10].Numerator;
            if (!Rational.IsInteger(v[10]) || (v[10] != -1 && (status < 0 || status > 5)))
                throw new InstanceFormatException(source, lineNo, $"field 11 (status) in 0..5 or -1, got '{fields[10]}'");
            string key = number.ToString(CultureInfo.InvariantCulture);
            RawJob job;
            if (byNumber.TryGetValue(key, out var previous) && previous.Status == 2)
            {
                job = previous; // continuation of a checkpointed job (its submit time is the first line's)
            }
            else
            {
                if (v[1] < lastSubmit)
                    throw new InstanceFormatException(source, lineNo, $"submit times in non-decreasing order (got {fields[1]} after {lastSubmit})");
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
            job.Status = status;
            job.Parts.Add(v[3]);
            if (v[8] != -1) job.Requested = v[8];
            job.Processors = v[4] != -1 ? v[4] : v[7] != -1 ? v[7] : 1;
            if (v[16] != -1) job.Preceding = (long)Rational.Truncate(v[16]).Numerator;
            job.Think = v[17];
        }

        // Filter.
        int droppedStatus = 0, droppedZero = 0;
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

        // Scale to the target load.
        Rational scale = 1;
        if (options.TargetLoad is { } rho && kept.Count > 1)
        {
            Rational work = 0;
            foreach (var (_, sizes) in kept) foreach (var s in sizes) work += s;
            Rational span = kept[^1].Job.Submit - kept[0].Job.Submit;
            if (!Rational.IsZero(work) && !Rational.IsZero(span))
                scale = Rational.Parse(rho.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) * span / work;
        }
        Rational t0 = kept.Count > 0 ? kept[0].Job.Submit : 0;
        var rng = new Rng(options.Seed);
        var jobs = new List<SchedulingJob<Rational>>();
        int thinkLinks = 0;
        if (options.Split == SwfSplitMode.Chain)
        {
            // Job number of each chain's current tail -> chain index; a second successor of one job starts its own chain.
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
        }
        else
        {
            foreach (var (job, sizes) in kept)
                jobs.Add(new SchedulingJob<Rational>(job.Number, job.Submit - t0, Split(job, sizes, scale, options, rng)));
        }
        return new SwfReadResult(new SchedulingInstance<Rational>(jobs), lines, droppedStatus, droppedZero, droppedUnknown, thinkLinks, scale);
    }

    private static void Validate(SwfOptions o, string source)
    {
        if (o.Parts < 1) throw new InstanceFormatException(source, 0, "option Parts >= 1");
        if (!(o.Alpha > 0) || !double.IsFinite(o.Alpha)) throw new InstanceFormatException(source, 0, "option Alpha > 0");
        if (!(o.Growth > 1) || !double.IsFinite(o.Growth)) throw new InstanceFormatException(source, 0, "option Growth > 1");
        if (!(o.TestLength > 0) || !double.IsFinite(o.TestLength)) throw new InstanceFormatException(source, 0, "option TestLength > 0");
        if (o.TargetLoad is { } r && (!(r > 0) || !double.IsFinite(r))) throw new InstanceFormatException(source, 0, "option TargetLoad > 0");
    }

    private static Rational Exact(double x) => Rational.Parse(x.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static List<Rational> Split(RawJob job, List<Rational> sizes, Rational scale, SwfOptions o, Rng rng)
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
            {
                var c = Exact(o.Growth);
                Rational unit = 1, left = p;
                do
                {
                    var op = Rational.Min(unit, left);
                    result.Add(op * scale);
                    left -= op;
                    unit *= c;
                } while (left > 0);
                return result;
            }
            case SwfSplitMode.RequestedFirst:
            {
                var req = job.Requested == -1 ? p : job.Requested;
                var first = Rational.Min(p, req) / 2;
                result.Add(first * scale);
                for (int i = 0; i < o.Parts; i++) result.Add((p - first) * scale / o.Parts);
                return result;
            }
            case SwfSplitMode.Dirichlet:
            {
                var g = new double[o.Parts];
                double sum = 0;
                for (int i = 0; i < g.Length; i++) { g[i] = Gamma(rng, o.Alpha); sum += g[i]; }
                Rational used = 0;
                for (int i = 0; i < g.Length - 1; i++)
                {
                    var w = new Rational((long)Math.Floor(g[i] / sum * 1024), 1024);
                    if (used + w > 1) w = 1 - used;
                    used += w;
                    result.Add(p * w * scale);
                }
                result.Add(p * (1 - used) * scale);
                return result;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(o), o.Split, "unknown split mode");
        }
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
