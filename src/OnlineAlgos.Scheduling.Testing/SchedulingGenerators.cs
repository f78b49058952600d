using OnlineAlgos.Core;
using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Scheduling.Formats;
using OnlineAlgos.Scheduling.Model;

namespace OnlineAlgos.Scheduling.Testing;

/// <summary>
/// FsCheck generators of exact (rational) scheduling instances for the properties of spec §6.1: small general
/// instances (n &lt;= 8, m_j &lt;= 5, sizes k/2 and k/3 with zero-size operations), uniform-obligatory-test instances
/// (uniform random, plus adversarial shapes: bursts of simultaneous jobs, releases exactly at test ends, a long part
/// followed by a stream of short jobs, all-zero parts) and single-operation instances. Shrinking drops jobs, zeroes or
/// halves sizes, rounds to integers and moves releases towards 0 — for test instances it never touches the tests, so
/// a shrunk counterexample is still a uniform-tests instance. <see cref="ToText"/> gives the JSON file text.
/// </summary>
public static class SchedulingGenerators
{
    /// <summary>The JSON text of an instance (for counterexample reports; readable by SchedulingJsonReader).</summary>
    public static string ToText(SchedulingInstance<Rational> instance) => SchedulingJsonWriter.ToJson(instance);

    private static Gen<Rational> Small(int maxNumerator, int maxDenominator) =>
        from num in Gen.Choose(0, maxNumerator)
        from den in Gen.Choose(1, maxDenominator)
        select new Rational(num, den);

    private static Gen<Rational> SizeGen(int maxNumerator, int maxDenominator) =>
        Gen.Frequency((1, Gen.Constant(Rational.Zero)), (6, Small(maxNumerator, maxDenominator)));

    /// <summary>A count in [<paramref name="min"/>, <paramref name="max"/>] whose upper end grows with FsCheck's size
    /// (min at size 0, max from size 50 on; the default end size is 100), so a run starts on tiny instances.</summary>
    public static Gen<int> Count(int min, int max) =>
        Gen.Sized(size => Gen.Choose(min, Math.Clamp(min + (int)((long)size * (max - min) / 50), min, Math.Max(min, max))));

    /// <summary>General instances: n in [0, maxJobs], m_j in [1, maxOps], releases and sizes small rationals.</summary>
    public static Arbitrary<SchedulingInstance<Rational>> Instances(int maxJobs = 8, int maxOps = 5) =>
        Arb.From(InstanceGen(maxJobs, maxOps), i => Shrink(i, preserveTests: false));

    /// <summary>The generator behind <see cref="Instances"/>.</summary>
    public static Gen<SchedulingInstance<Rational>> InstanceGen(int maxJobs, int maxOps) =>
        from n in Count(0, maxJobs)
        from jobs in Gen.ArrayOf(JobGen(maxOps), n)
        select Build(jobs);

    private static Gen<(Rational, Rational[])> JobGen(int maxOps) =>
        from release in Small(12, 2)
        from m in Count(1, maxOps)
        from ops in Gen.ArrayOf(SizeGen(6, 3), m)
        select (release, ops);

    /// <summary>Single-operation instances (the clairvoyant degeneration, spec §6.1 P6).</summary>
    public static Arbitrary<SchedulingInstance<Rational>> SingleOperationInstances(int maxJobs = 8) =>
        Arb.From(InstanceGen(maxJobs, 1), i => Shrink(i, preserveTests: false));

    /// <summary>Batch instances: all releases 0, one operation per job (spec §6.1 P8).</summary>
    public static Arbitrary<SchedulingInstance<Rational>> BatchInstances(int maxJobs = 8) =>
        Arb.From(
            from n in Count(1, maxJobs)
            from sizes in Gen.ArrayOf(Small(8, 2), n)
            select Build(sizes.Select(s => (Rational.Zero, new[] { s })).ToArray()),
            i => Shrink(i, preserveTests: false).Where(x => x.JobCount > 0));

    /// <summary>
    /// Uniform obligatory tests with test length <paramref name="testLength"/> (spec §1.2): a mixture of uniform
    /// random instances and adversarial shapes. Shrinking keeps every job [t, x].
    /// </summary>
    public static Arbitrary<SchedulingInstance<Rational>> UniformTests(Rational testLength, int maxJobs = 10) =>
        Arb.From(UniformTestsGen(testLength, maxJobs), i => Shrink(i, preserveTests: true));

    /// <summary>The generator behind <see cref="UniformTests"/>.</summary>
    public static Gen<SchedulingInstance<Rational>> UniformTestsGen(Rational t, int maxJobs) =>
        Gen.OneOf(
            UniformRandomTests(t, maxJobs),
            BurstTests(t, maxJobs),
            AlignedTests(t, maxJobs),
            LongThenStreamTests(t, maxJobs));

    private static Gen<Rational> PartGen(Rational t) =>
        Gen.Frequency(
            (2, Gen.Constant(Rational.Zero)),
            (5, Small(12, 2)),
            (2, from k in Gen.Choose(1, 6) select t * new Rational(k, 4)),
            (1, from k in Gen.Choose(10, 40) select new Rational(k)));

    private static Gen<SchedulingInstance<Rational>> UniformRandomTests(Rational t, int maxJobs) =>
        from n in Count(1, maxJobs)
        from releases in Gen.ArrayOf(Small(16, 4), n)
        from parts in Gen.ArrayOf(PartGen(t), n)
        select SchedulingInstance<Rational>.UniformTests(t, releases, parts);

    // Many jobs at once: every test must run before any part is known.
    private static Gen<SchedulingInstance<Rational>> BurstTests(Rational t, int maxJobs) =>
        from n in Count(2, maxJobs)
        from late in Gen.Choose(0, 3)
        from parts in Gen.ArrayOf(PartGen(t), n)
        select SchedulingInstance<Rational>.UniformTests(t,
            Enumerable.Range(0, n).Select(i => i < n - late ? Rational.Zero : t * new Rational(i - (n - late) + 1, 2)).ToArray(), parts);

    // Releases exactly at multiples of t (a release coincides with a test completion: same-time event order).
    private static Gen<SchedulingInstance<Rational>> AlignedTests(Rational t, int maxJobs) =>
        from n in Count(1, maxJobs)
        from slots in Gen.ArrayOf(Gen.Choose(0, 6), n)
        from parts in Gen.ArrayOf(PartGen(t), n)
        select SchedulingInstance<Rational>.UniformTests(t, slots.Select(s => t * new Rational(s)).ToArray(), parts);

    // A job with a long part, then a stream of short jobs arriving one test length apart.
    private static Gen<SchedulingInstance<Rational>> LongThenStreamTests(Rational t, int maxJobs) =>
        from n in Count(2, maxJobs)
        from longPart in Gen.Choose(3, 30)
        from gapNum in Gen.Choose(1, 4)
        select SchedulingInstance<Rational>.UniformTests(t,
            Enumerable.Range(0, n).Select(i => i == 0 ? Rational.Zero : t * new Rational(gapNum, 2) * new Rational(i)).ToArray(),
            Enumerable.Range(0, n).Select(i => i == 0 ? new Rational(longPart) : (i % 2 == 0 ? Rational.Zero : t / new Rational(2))).ToArray());

    /// <summary>Shrinks an instance. With <paramref name="preserveTests"/>, the first operation of every job and
    /// the operation counts stay as they are.</summary>
    public static IEnumerable<SchedulingInstance<Rational>> Shrink(SchedulingInstance<Rational> instance, bool preserveTests)
    {
        var jobs = instance.Jobs();
        int n = jobs.Count;
        if (n > 1)
        {
            yield return Rebuild(jobs.Take(n / 2));
            yield return Rebuild(jobs.Skip(n / 2));
        }
        for (int j = n - 1; j >= 0; j--) yield return Rebuild(jobs.Where((_, k) => k != j));
        for (int j = 0; j < n; j++)
        {
            var job = jobs[j];
            if (!Rational.IsZero(job.Release))
            {
                yield return Replace(jobs, j, job with { Release = Rational.Zero });
                if (!Rational.IsInteger(job.Release)) yield return Replace(jobs, j, job with { Release = Rational.Floor(job.Release) });
            }
            if (!preserveTests && job.Operations.Count > 1)
            {
                // Merge the last two operations (same total) and drop the last one.
                var merged = job.Operations.Take(job.Operations.Count - 2).Append(job.Operations[^2] + job.Operations[^1]).ToArray();
                yield return Replace(jobs, j, job with { Operations = merged });
                yield return Replace(jobs, j, job with { Operations = job.Operations.Take(job.Operations.Count - 1).ToArray() });
            }
            for (int i = preserveTests ? 1 : 0; i < job.Operations.Count; i++)
            {
                var p = job.Operations[i];
                if (Rational.IsZero(p)) continue;
                foreach (var smaller in new[] { Rational.Zero, Rational.Floor(p), p / 2 })
                {
                    if (smaller >= p) continue;
                    var ops = job.Operations.ToArray();
                    ops[i] = smaller;
                    yield return Replace(jobs, j, job with { Operations = ops });
                }
            }
        }
    }

    private static SchedulingInstance<Rational> Replace(IReadOnlyList<SchedulingJob<Rational>> jobs, int index, SchedulingJob<Rational> job) =>
        Rebuild(jobs.Select((x, k) => k == index ? job : x));

    // Ids are renumbered 0..n-1 so the id tie rule stays the list order.
    private static SchedulingInstance<Rational> Rebuild(IEnumerable<SchedulingJob<Rational>> jobs) =>
        new(jobs.Select((x, k) => x with { Id = k.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray());

    private static SchedulingInstance<Rational> Build((Rational Release, Rational[] Ops)[] jobs) =>
        new(jobs.Select((x, k) => new SchedulingJob<Rational>(k.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Release, x.Ops)).ToArray());
}
