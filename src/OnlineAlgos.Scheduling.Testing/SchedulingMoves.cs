using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Testing.Search;

namespace OnlineAlgos.Scheduling.Testing;

/// <summary>
/// Search moves over scheduling instances (exact <see cref="Rational"/> times) for
/// <see cref="AdversarialSearch{TInstance}"/> and the search phase of <see cref="SchedulingChecks"/>. Growth: add a
/// job, duplicate a job, split an operation into two, append an operation. Shrink: drop a job, merge or drop an
/// operation. Neutral: move a release, scale or reset an operation size. Sizes and releases stay multiples of 1/4 in
/// [0, 32]. With a test length t (uniform obligatory tests, spec §1.2) every job keeps exactly two operations, the
/// first equal to t, and only releases and processing parts move. Final shrinking:
/// <see cref="SchedulingGenerators.Shrink"/>.
/// </summary>
public static class SchedulingMoves
{
    private static readonly Rational Quarter = new(1, 4);

    /// <summary>Moves over general instances (up to <paramref name="maxJobs"/> jobs of up to <paramref name="maxOps"/>
    /// operations).</summary>
    public static SearchMoves<SchedulingInstance<Rational>> General(int maxJobs = 8, int maxOps = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxJobs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOps, 1);
        return new(rng => RandomGeneral(rng, maxJobs, maxOps), (i, rng) => MutateGeneral(i, rng, maxJobs, maxOps),
            i => SchedulingGenerators.Shrink(i, preserveTests: false));
    }

    /// <summary>Moves over uniform-test instances with test length <paramref name="testLength"/>.</summary>
    public static SearchMoves<SchedulingInstance<Rational>> UniformTests(Rational testLength, int maxJobs = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxJobs, 1);
        return new(rng => RandomUniform(rng, testLength, maxJobs), (i, rng) => MutateUniform(i, rng, testLength, maxJobs),
            i => SchedulingGenerators.Shrink(i, preserveTests: true));
    }

    private static Rational Value(Rng rng, int maxQuarters) => new(rng.NextInt(maxQuarters + 1), 4);

    private static Rational Clamp(Rational x) => x < Rational.Zero ? Rational.Zero : x > new Rational(32) ? new Rational(32) : x;

    // A size move: halve, double, ±1/4, ±1, zero, or a fresh value.
    private static Rational Perturb(Rational x, Rng rng) => Clamp(rng.NextInt(6) switch
    {
        0 => x / 2,
        1 => x * 2,
        2 => x + Quarter,
        3 => x - Quarter,
        4 => rng.NextInt(2) == 0 ? x + Rational.One : x - Rational.One,
        _ => rng.NextInt(3) == 0 ? Rational.Zero : Value(rng, 16),
    });

    private static SchedulingInstance<Rational> Build(List<(Rational Release, List<Rational> Ops)> jobs) =>
        new(jobs.Select((j, k) => new SchedulingJob<Rational>(k.ToString(System.Globalization.CultureInfo.InvariantCulture), j.Release, j.Ops.ToArray())).ToArray());

    private static List<(Rational Release, List<Rational> Ops)> Jobs(SchedulingInstance<Rational> i) =>
        i.Jobs().Select(j => (j.Release, j.Operations.ToList())).ToList();

    private static SchedulingInstance<Rational> RandomGeneral(Rng rng, int maxJobs, int maxOps)
    {
        var jobs = new List<(Rational, List<Rational>)>();
        int n = 1 + rng.NextInt(maxJobs);
        for (int j = 0; j < n; j++)
        {
            var ops = new List<Rational>();
            int m = 1 + rng.NextInt(maxOps);
            for (int o = 0; o < m; o++) ops.Add(Value(rng, 12));
            jobs.Add((Value(rng, 16), ops));
        }
        return Build(jobs);
    }

    private static SchedulingInstance<Rational> MutateGeneral(SchedulingInstance<Rational> inst, Rng rng, int maxJobs, int maxOps)
    {
        var jobs = Jobs(inst);
        int n = jobs.Count;
        switch (rng.NextInt(9))
        {
            case 0 when n < maxJobs: AddJob(jobs, rng, maxOps); break;
            case 1 when n > 0 && n < maxJobs: // duplicate a job
            {
                var j = jobs[rng.NextInt(n)];
                jobs.Insert(rng.NextInt(n + 1), (j.Release, [.. j.Ops]));
                break;
            }
            case 2 when n > 1: // drop a job
                jobs.RemoveAt(rng.NextInt(n));
                break;
            case 3 when n > 0: // move a release
            {
                int j = rng.NextInt(n);
                jobs[j] = (Perturb(jobs[j].Release, rng), jobs[j].Ops);
                break;
            }
            case 4 or 5 when n > 0: // change an operation size
            {
                var ops = jobs[rng.NextInt(n)].Ops;
                int o = rng.NextInt(ops.Count);
                ops[o] = Perturb(ops[o], rng);
                break;
            }
            case 6 when n > 0: SplitOperation(jobs[rng.NextInt(n)].Ops, rng, maxOps); break;
            case 7 when n > 0: AppendOperation(jobs[rng.NextInt(n)].Ops, rng, maxOps); break;
            case 8 when n > 0: MergeOrDropLastOperation(jobs[rng.NextInt(n)].Ops, rng); break;
            default:
                if (n == 0) jobs.Add((Rational.Zero, [Rational.One]));
                break;
        }
        return Build(jobs);
    }

    // A new job of up to maxOps random operations at a random position.
    private static void AddJob(List<(Rational Release, List<Rational> Ops)> jobs, Rng rng, int maxOps)
    {
        var ops = new List<Rational>();
        int m = 1 + rng.NextInt(maxOps);
        for (int o = 0; o < m; o++) ops.Add(Value(rng, 12));
        jobs.Insert(rng.NextInt(jobs.Count + 1), (Value(rng, 16), ops));
    }

    // Splits an operation in two (same total: the algorithm learns less at once).
    private static void SplitOperation(List<Rational> ops, Rng rng, int maxOps)
    {
        if (ops.Count >= maxOps) return;
        int o = rng.NextInt(ops.Count);
        var half = ops[o] / 2;
        ops[o] = ops[o] - half;
        ops.Insert(o, half);
    }

    // Appends an operation, or repeats the last one.
    private static void AppendOperation(List<Rational> ops, Rng rng, int maxOps)
    {
        if (ops.Count >= maxOps) return;
        ops.Add(rng.NextInt(2) == 0 ? ops[^1] : Value(rng, 12));
    }

    // Merges the last two operations or drops the last one.
    private static void MergeOrDropLastOperation(List<Rational> ops, Rng rng)
    {
        if (ops.Count < 2) return;
        if (rng.NextInt(2) == 0) { ops[^2] += ops[^1]; }
        ops.RemoveAt(ops.Count - 1);
    }

    private static SchedulingInstance<Rational> RandomUniform(Rng rng, Rational t, int maxJobs)
    {
        int n = 1 + rng.NextInt(maxJobs);
        var releases = new Rational[n];
        var parts = new Rational[n];
        for (int j = 0; j < n; j++) { releases[j] = Value(rng, 16); parts[j] = Value(rng, 16); }
        return SchedulingInstance<Rational>.UniformTests(t, releases, parts);
    }

    private static SchedulingInstance<Rational> MutateUniform(SchedulingInstance<Rational> inst, Rng rng, Rational t, int maxJobs)
    {
        var jobs = inst.Jobs();
        var releases = jobs.Select(j => j.Release).ToList();
        var parts = jobs.Select(j => j.Operations.Count > 1 ? j.Operations[1] : Rational.Zero).ToList();
        int n = releases.Count;
        switch (rng.NextInt(5))
        {
            case 0 when n < maxJobs: // add a job
            {
                int at = rng.NextInt(n + 1);
                releases.Insert(at, Value(rng, 16));
                parts.Insert(at, Value(rng, 16));
                break;
            }
            case 1 when n > 1: // drop a job
            {
                int j = rng.NextInt(n);
                releases.RemoveAt(j);
                parts.RemoveAt(j);
                break;
            }
            case 2 when n > 0: // move a release (often onto a multiple of t/2)
            {
                int j = rng.NextInt(n);
                releases[j] = rng.NextInt(2) == 0 ? Clamp(t * new Rational(rng.NextInt(13), 2)) : Perturb(releases[j], rng);
                break;
            }
            case 3 when n > 0 && n < maxJobs: // duplicate a job
            {
                int j = rng.NextInt(n);
                releases.Insert(j, releases[j]);
                parts.Insert(j, parts[j]);
                break;
            }
            default: // change a processing part
                if (n > 0)
                {
                    int j = rng.NextInt(n);
                    parts[j] = Perturb(parts[j], rng);
                }
                break;
        }
        if (releases.Count == 0) { releases.Add(Rational.Zero); parts.Add(Rational.One); }
        return SchedulingInstance<Rational>.UniformTests(t, releases, parts);
    }
}
