using OnlineAlgos.Core;
using System.Numerics;

namespace OnlineAlgos.Scheduling.Model;

/// <summary>
/// Instance of single-machine preemptive flow-time scheduling with gradually revealed jobs (spec §1.1): job j has a
/// release date r_j and a chain of m_j &gt;= 1 operations; the size of operation i+1 is revealed only when operation i
/// completes. Jobs are dense ints 0..n-1 in the given order (also the "id" tie rule). Immutable; arrays are laid out
/// flat (offsets into one size array) so 10^6 jobs cost no per-job objects.
/// </summary>
/// <typeparam name="T">Number type: <see cref="Rational"/> for exact runs, <see cref="double"/> for speed.</typeparam>
public sealed class SchedulingInstance<T> where T : struct, INumber<T>
{
    private readonly string[] _ids;
    private readonly T[] _release;
    private readonly int[] _opStart; // length n+1
    private readonly T[] _sizes;
    private readonly T[]? _estimates;

    /// <summary>Builds and validates an instance; throws <see cref="ArgumentException"/> naming the job on a negative
    /// or non-finite number, an empty operation list or a duplicate id (readers check first and report file
    /// positions).</summary>
    /// <param name="jobs">The jobs.</param>
    /// <param name="revealOperationCount">Whether algorithms may read m_j (spec §1.1 flag; default false).</param>
    public SchedulingInstance(IReadOnlyList<SchedulingJob<T>> jobs, bool revealOperationCount = false)
    {
        int n = jobs.Count;
        _ids = new string[n];
        _release = new T[n];
        _opStart = new int[n + 1];
        int total = 0;
        bool anyEstimate = false;
        for (int j = 0; j < n; j++)
        {
            total += jobs[j].Operations.Count;
            anyEstimate |= jobs[j].Estimate.HasValue;
        }
        _sizes = new T[total];
        _estimates = anyEstimate ? new T[n] : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int k = 0;
        for (int j = 0; j < n; j++)
        {
            var job = jobs[j];
            if (!seen.Add(job.Id)) throw new ArgumentException($"job {j}: duplicate id '{job.Id}'", nameof(jobs));
            if (!T.IsFinite(job.Release) || T.IsNegative(job.Release))
                throw new ArgumentException($"job '{job.Id}': release must be a finite number >= 0, got {job.Release}", nameof(jobs));
            if (job.Operations.Count == 0) throw new ArgumentException($"job '{job.Id}': empty operation list", nameof(jobs));
            _ids[j] = job.Id;
            _release[j] = job.Release;
            _opStart[j] = k;
            foreach (var p in job.Operations)
            {
                if (!T.IsFinite(p) || T.IsNegative(p))
                    throw new ArgumentException($"job '{job.Id}': operation sizes must be finite numbers >= 0, got {p}", nameof(jobs));
                _sizes[k++] = p;
            }
            if (_estimates is not null)
            {
                var e = job.Estimate ?? throw new ArgumentException($"job '{job.Id}': some jobs have an estimate, this one has none", nameof(jobs));
                if (!T.IsFinite(e) || !T.IsPositive(e) || T.IsZero(e))
                    throw new ArgumentException($"job '{job.Id}': estimate must be a finite number > 0, got {e}", nameof(jobs));
                _estimates[j] = e;
            }
        }
        _opStart[n] = k;
        RevealOperationCount = revealOperationCount;
    }

    /// <summary>Number of jobs n.</summary>
    public int JobCount => _release.Length;
    /// <summary>Total number of operations N.</summary>
    public int OperationTotal => _sizes.Length;
    /// <summary>Whether algorithms may read m_j (spec §1.1; default false).</summary>
    public bool RevealOperationCount { get; }
    /// <summary>Whether every job carries a size estimate (robust-estimate model, spec §1.3).</summary>
    public bool HasEstimates => _estimates is not null;

    /// <summary>External id of job j.</summary>
    public string Id(int job) => _ids[job];
    /// <summary>Release date r_j.</summary>
    public T Release(int job) => _release[job];
    /// <summary>m_j.</summary>
    public int OperationCount(int job) => _opStart[job + 1] - _opStart[job];
    /// <summary>p_{j,i} (0-based i).</summary>
    public T Operation(int job, int index) => _sizes[_opStart[job] + index];
    /// <summary>Operation sizes of job j.</summary>
    public ReadOnlySpan<T> Operations(int job) => _sizes.AsSpan(_opStart[job], OperationCount(job));
    /// <summary>Size estimate of job j (robust model); throws when the instance has none.</summary>
    public T Estimate(int job) => _estimates is null ? throw new InvalidOperationException("the instance has no estimates") : _estimates[job];

    /// <summary>p_j = sum of its operation sizes.</summary>
    public T TotalSize(int job)
    {
        T s = T.Zero;
        foreach (var p in Operations(job)) s += p;
        return s;
    }

    /// <summary>m = max_j m_j (0 for the empty instance).</summary>
    public int MaxOperations
    {
        get
        {
            int m = 0;
            for (int j = 0; j < JobCount; j++) m = Math.Max(m, OperationCount(j));
            return m;
        }
    }

    /// <summary>The jobs as records (for writers, transformations and tests).</summary>
    public IReadOnlyList<SchedulingJob<T>> Jobs()
    {
        var list = new SchedulingJob<T>[JobCount];
        for (int j = 0; j < JobCount; j++)
            list[j] = new SchedulingJob<T>(_ids[j], _release[j], Operations(j).ToArray(), _estimates is null ? null : _estimates[j]);
        return list;
    }

    /// <summary>Reads an instance from its JSON text (<c>onlinealgos.scheduling/1</c>: numbers or exact
    /// <c>"p/q"</c> strings), converted to <typeparamref name="T"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="Core.InstanceFormatException">The text is not a valid instance.</exception>
    public static SchedulingInstance<T> Parse(string text, string source)
    {
        using var reader = new StringReader(text);
        return Formats.SchedulingJsonReader.Read(reader, source).Convert<T>();
    }

    /// <summary>The instance as JSON text (<c>onlinealgos.scheduling/1</c>); for <see cref="Core.Rational"/>
    /// instances <see cref="Parse"/> reads it back exactly.</summary>
    public string ToText() => Formats.SchedulingJsonWriter.ToJson(this);

    /// <summary>Writes <see cref="ToText"/> to <paramref name="writer"/>.</summary>
    public void Write(TextWriter writer) => Formats.SchedulingJsonWriter.Write(writer, this);

    /// <summary>Same instance in another number type (e.g. Rational to double; double to Rational is exact).</summary>
    public SchedulingInstance<TOut> Convert<TOut>() where TOut : struct, INumber<TOut>
    {
        var jobs = new SchedulingJob<TOut>[JobCount];
        for (int j = 0; j < JobCount; j++)
        {
            var ops = new TOut[OperationCount(j)];
            for (int i = 0; i < ops.Length; i++) ops[i] = TOut.CreateChecked(Operation(j, i));
            jobs[j] = new SchedulingJob<TOut>(_ids[j], TOut.CreateChecked(_release[j]), ops,
                _estimates is null ? null : TOut.CreateChecked(_estimates[j]));
        }
        return new SchedulingInstance<TOut>(jobs, RevealOperationCount);
    }

    /// <summary>Every release and size multiplied by c &gt; 0 (spec §6.1 P10).</summary>
    public SchedulingInstance<T> Scale(T c) => Map(r => r * c, p => p * c);

    /// <summary>The single-operation instance with the same totals (spec §6.1 P5: OPT is unchanged).</summary>
    public SchedulingInstance<T> MergeOperations()
    {
        var jobs = new SchedulingJob<T>[JobCount];
        for (int j = 0; j < JobCount; j++) jobs[j] = new SchedulingJob<T>(_ids[j], _release[j], new[] { TotalSize(j) });
        return new SchedulingInstance<T>(jobs, RevealOperationCount);
    }

    private SchedulingInstance<T> Map(Func<T, T> release, Func<T, T> size)
    {
        var jobs = new SchedulingJob<T>[JobCount];
        for (int j = 0; j < JobCount; j++)
        {
            var ops = Operations(j).ToArray();
            for (int i = 0; i < ops.Length; i++) ops[i] = size(ops[i]);
            jobs[j] = new SchedulingJob<T>(_ids[j], release(_release[j]), ops, _estimates is null ? null : size(_estimates[j]));
        }
        return new SchedulingInstance<T>(jobs, RevealOperationCount);
    }

    /// <summary>
    /// Uniform obligatory tests (spec §1.2): job j = [t, parts[j]] released at releases[j]; the test length t is the
    /// same for every job and known; the processing part is revealed when the test ends.
    /// </summary>
    public static SchedulingInstance<T> UniformTests(T testLength, IReadOnlyList<T> releases, IReadOnlyList<T> parts)
    {
        if (releases.Count != parts.Count) throw new ArgumentException("releases and parts differ in length", nameof(parts));
        var jobs = new SchedulingJob<T>[releases.Count];
        for (int j = 0; j < jobs.Length; j++)
            jobs[j] = new SchedulingJob<T>(j.ToString(System.Globalization.CultureInfo.InvariantCulture), releases[j], new[] { testLength, parts[j] });
        return new SchedulingInstance<T>(jobs);
    }

    /// <summary>Whether every job is [t, x] with the same t (the uniform-obligatory-tests case, spec §1.2).</summary>
    public bool IsUniformTests(out T testLength)
    {
        testLength = T.Zero;
        for (int j = 0; j < JobCount; j++)
        {
            if (OperationCount(j) != 2) return false;
            if (j == 0) testLength = Operation(0, 0);
            else if (Operation(j, 0) != testLength) return false;
        }
        return true;
    }
}
