using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// A scheduler's answer at a decision point: rates r_j &gt; 0 with sum &lt;= 1 for some alive jobs (the rest get 0).
/// Reused across decisions (no per-event allocation); the simulator validates it.
/// </summary>
public sealed class RateAllocation<T> where T : struct, INumber<T>
{
    private int[] _jobs = new int[4];
    private T[] _rates = new T[4];

    /// <summary>Number of jobs with a positive rate.</summary>
    public int Count { get; private set; }
    /// <summary>Job of entry i.</summary>
    public int JobAt(int i) => _jobs[i];
    /// <summary>Rate of entry i.</summary>
    public T RateAt(int i) => _rates[i];

    /// <summary>Removes all entries.</summary>
    public void Clear() => Count = 0;

    /// <summary>Processes <paramref name="job"/> at <paramref name="rate"/> (zero rates are ignored).</summary>
    public void Add(int job, T rate)
    {
        if (T.IsZero(rate)) return;
        if (Count == _jobs.Length)
        {
            Array.Resize(ref _jobs, Count * 2);
            Array.Resize(ref _rates, Count * 2);
        }
        _jobs[Count] = job;
        _rates[Count] = rate;
        Count++;
    }
}
