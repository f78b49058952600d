using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// What an online scheduler may see (spec §4.3 information discipline): the current time and, for every alive job,
/// its release date, the index, size and remaining work of its current operation, and its attained service. Sizes of
/// later operations are copied in by the simulator only when they are revealed; this object holds no reference to the
/// instance, so a scheduler cannot read the future. m_j is readable only when the instance sets
/// <c>RevealOperationCount</c>; in the robust-estimate model (instance with estimates) operation sizes are hidden
/// and only the estimate is readable.
/// </summary>
public sealed class SchedulerView<T> where T : struct, INumber<T>
{
    internal readonly T[] ReleaseArr;
    internal readonly int[] OpIndexArr;
    internal readonly T[] OpSizeArr;
    internal readonly T[] RemainingArr;
    internal readonly T[] AttainedArr;
    internal readonly int[] OpCountArr; // filled only when revealed
    internal readonly T[] EstimateArr;  // filled only in the robust model
    internal readonly int[] Alive;
    internal readonly int[] AlivePos;
    internal int AliveCountValue;

    internal SchedulerView(int capacity, bool revealCount, bool sizesHidden)
    {
        ReleaseArr = new T[capacity];
        OpIndexArr = new int[capacity];
        OpSizeArr = new T[capacity];
        RemainingArr = new T[capacity];
        AttainedArr = new T[capacity];
        OpCountArr = revealCount ? new int[capacity] : Array.Empty<int>();
        EstimateArr = sizesHidden ? new T[capacity] : Array.Empty<T>();
        Alive = new int[capacity];
        AlivePos = new int[capacity];
        AlivePos.AsSpan().Fill(-1);
        RevealsOperationCount = revealCount;
        SizesHidden = sizesHidden;
    }

    /// <summary>Current time.</summary>
    public T Now { get; internal set; }
    /// <summary>Upper bound (exclusive) on job ids, for sizing arrays; says nothing about future jobs' data.</summary>
    public int IdCapacity => ReleaseArr.Length;
    /// <summary>Whether <see cref="OperationCount"/> may be read.</summary>
    public bool RevealsOperationCount { get; }
    /// <summary>Robust-estimate model: sizes are hidden, <see cref="Estimate"/> is readable.</summary>
    public bool SizesHidden { get; }
    /// <summary>Alive jobs (released, not completed), in no particular order.</summary>
    public ReadOnlySpan<int> AliveJobs => Alive.AsSpan(0, AliveCountValue);
    /// <summary>Number of alive jobs.</summary>
    public int AliveCount => AliveCountValue;
    /// <summary>Whether job j is released and not completed.</summary>
    public bool IsAlive(int job) => AlivePos[job] >= 0;
    /// <summary>r_j.</summary>
    public T Release(int job) => ReleaseArr[Check(job)];
    /// <summary>0-based index of j's current operation.</summary>
    public int OperationIndex(int job) => OpIndexArr[Check(job)];
    /// <summary>Size of j's current operation (revealed).</summary>
    public T OperationSize(int job) => SizesHidden ? throw Hidden() : OpSizeArr[Check(job)];
    /// <summary>Remaining work of j's current operation.</summary>
    public T OperationRemaining(int job) => SizesHidden ? throw Hidden() : RemainingArr[Check(job)];
    /// <summary>Service j received so far (all operations).</summary>
    public T Attained(int job) => AttainedArr[Check(job)];
    /// <summary>Service j received inside its current operation.</summary>
    public T AttainedInOperation(int job) => SizesHidden ? throw Hidden() : OpSizeArr[Check(job)] - RemainingArr[job];
    /// <summary>Sum of the sizes of j's completed operations.</summary>
    public T CompletedWork(int job) => SizesHidden ? throw Hidden() : AttainedArr[Check(job)] - (OpSizeArr[job] - RemainingArr[job]);
    /// <summary>m_j; only when the instance reveals operation counts.</summary>
    public int OperationCount(int job) => RevealsOperationCount
        ? OpCountArr[Check(job)]
        : throw new InvalidOperationException("the operation count m_j is not revealed in this instance (RevealOperationCount = false)");
    /// <summary>The size estimate of j (robust-estimate model only).</summary>
    public T Estimate(int job) => SizesHidden ? EstimateArr[Check(job)] : throw new InvalidOperationException("the instance has no estimates");

    private int Check(int job)
    {
        if ((uint)job >= (uint)AlivePos.Length || AlivePos[job] < 0)
            throw new InvalidOperationException($"job {job} is not alive (unreleased or completed): its data is not visible");
        return job;
    }

    private static InvalidOperationException Hidden() =>
        new("robust-estimate model: operation sizes are hidden until the job completes; use Estimate");
}
