using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// Base of the single-job priority rules (OpSRPT, SLF-op, FIFO, MLF, the chunked skeleton): run the alive job with the
/// smallest key at rate 1, ties by a <see cref="TieRule"/>. Keys live in an indexed binary heap; a key is recomputed
/// only for the job that just ran (its key may have changed while it ran) and for jobs with an event, so a decision
/// costs O(log n). Subclasses define the key from revealed data only.
/// </summary>
public abstract class PriorityRuleScheduler<T> : IOnlineScheduler<T> where T : struct, INumber<T>
{
    private T[] _key = Array.Empty<T>();
    private T[] _release = Array.Empty<T>();
    private int[] _heap = Array.Empty<int>();
    private int[] _pos = Array.Empty<int>();
    private int _count;
    private int _running = -1;

    /// <summary>Creates the rule with a tie rule.</summary>
    protected PriorityRuleScheduler(TieRule tieRule) => TieRule = tieRule;

    /// <summary>Tie rule for equal keys.</summary>
    public TieRule TieRule { get; }
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>The job's priority key (smaller runs first), from revealed data only.</summary>
    protected abstract T ComputeKey(int job, SchedulerView<T> view);

    /// <summary>Extra order between equal keys before the tie rule (e.g. MLF's queue order); 0 by default.</summary>
    protected virtual int CompareEqualKeys(int a, int b) => 0;

    /// <summary>Job currently run, or -1.</summary>
    protected int Running => _running;

    /// <inheritdoc/>
    public virtual void Start(SchedulerView<T> view)
    {
        int n = view.IdCapacity;
        _key = new T[n];
        _release = new T[n];
        _heap = new int[n];
        _pos = new int[n];
        _pos.AsSpan().Fill(-1);
        _count = 0;
        _running = -1;
    }

    /// <inheritdoc/>
    public virtual void OnRelease(int job, SchedulerView<T> view)
    {
        RefreshRunning(view);
        _release[job] = view.Release(job);
        _key[job] = ComputeKey(job, view);
        _heap[_count] = job;
        _pos[job] = _count;
        _count++;
        SiftUp(_pos[job]);
    }

    /// <inheritdoc/>
    public virtual void OnOperationRevealed(int job, SchedulerView<T> view)
    {
        RefreshRunning(view);
        Refresh(job, view);
    }

    /// <inheritdoc/>
    public virtual void OnJobCompleted(int job, SchedulerView<T> view)
    {
        int p = _pos[job];
        _count--;
        if (p != _count)
        {
            int last = _heap[_count];
            _heap[p] = last;
            _pos[last] = p;
            SiftUp(p);
            SiftDown(_pos[last]);
        }
        _pos[job] = -1;
        if (_running == job) _running = -1;
    }

    /// <inheritdoc/>
    public void Allocate(SchedulerView<T> view, RateAllocation<T> allocation)
    {
        RefreshRunning(view);
        if (_count == 0) { _running = -1; return; }
        _running = _heap[0];
        allocation.Add(_running, T.One);
    }

    /// <inheritdoc/>
    public virtual bool TryGetBreakpoint(SchedulerView<T> view, RateAllocation<T> allocation, out T delta)
    {
        delta = T.Zero;
        return false;
    }

    /// <summary>Recomputes the key of the job that ran since the last decision.</summary>
    protected void RefreshRunning(SchedulerView<T> view)
    {
        if (_running >= 0 && _pos[_running] >= 0) Refresh(_running, view);
    }

    private void Refresh(int job, SchedulerView<T> view)
    {
        _key[job] = ComputeKey(job, view);
        SiftUp(_pos[job]);
        SiftDown(_pos[job]);
    }

    private int Compare(int a, int b)
    {
        int c = NumericPolicy<T>.Compare(_key[a], _key[b]);
        if (c != 0) return c;
        c = CompareEqualKeys(a, b);
        if (c != 0) return c;
        switch (TieRule)
        {
            case TieRule.ReleaseAscending: c = _release[a].CompareTo(_release[b]); break;
            case TieRule.ReleaseDescending: c = _release[b].CompareTo(_release[a]); break;
        }
        return c != 0 ? c : a.CompareTo(b);
    }

    private void SiftUp(int i)
    {
        int job = _heap[i];
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (Compare(job, _heap[parent]) >= 0) break;
            _heap[i] = _heap[parent];
            _pos[_heap[i]] = i;
            i = parent;
        }
        _heap[i] = job;
        _pos[job] = i;
    }

    private void SiftDown(int i)
    {
        int job = _heap[i];
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= _count) break;
            if (child + 1 < _count && Compare(_heap[child + 1], _heap[child]) < 0) child++;
            if (Compare(_heap[child], job) >= 0) break;
            _heap[i] = _heap[child];
            _pos[_heap[i]] = i;
            i = child;
        }
        _heap[i] = job;
        _pos[job] = i;
    }
}
