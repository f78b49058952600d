using OnlineAlgos.Core;
using System.Numerics;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Online;

namespace OnlineAlgos.Scheduling.Offline;

/// <summary>
/// Exact offline optimum (spec §4.1): a schedule is feasible for the operation instance iff it is feasible for the
/// instance with one job of size p_j per job (same machine, no gaps or other constraints), so OPT = SRPT on total sizes,
/// optimal for preemptive single-machine total flow time (Schrage 1968). Heap keyed by (remaining total, release, id);
/// at most 2n heap events, O(n log n). Exact with <see cref="Rational"/>.
/// </summary>
public static class SrptOptimum
{
    /// <summary>OPT's total flow time.</summary>
    public static T Cost<T>(SchedulingInstance<T> instance) where T : struct, INumber<T> => Solve(instance).TotalFlowTime;

    /// <summary>OPT's schedule: completion times, cost, the |A| integral and (optionally) the segments.</summary>
    public static ScheduleResult<T> Solve<T>(SchedulingInstance<T> instance, bool recordSegments = false)
        where T : struct, INumber<T>
    {
        int n = instance.JobCount;
        var remaining = new T[n];
        var release = new T[n];
        var order = ReleaseOrder(instance, remaining, release);
        var completion = new T[n];
        var segments = recordSegments ? new List<ScheduleSegment<T>>() : null;
        var integral = new CompensatedSum<T>();
        long decisions = Run(order, remaining, release, completion, segments, ref integral);
        var total = new CompensatedSum<T>();
        for (int j = 0; j < n; j++) total.Add(completion[j] - release[j]);
        return new ScheduleResult<T>("opt", completion, total.Value, integral.Value, segments, decisions);
    }

    // Fills remaining (total sizes) and release; the jobs by (release, id).
    private static int[] ReleaseOrder<T>(SchedulingInstance<T> instance, T[] remaining, T[] release) where T : struct, INumber<T>
    {
        var order = new int[remaining.Length];
        for (int j = 0; j < order.Length; j++)
        {
            order[j] = j;
            remaining[j] = instance.TotalSize(j);
            release[j] = instance.Release(j);
        }
        if (!ScheduleSimulator.IsSorted(release))
            Array.Sort(order, (a, b) => { int c = release[a].CompareTo(release[b]); return c != 0 ? c : a.CompareTo(b); });
        return order;
    }

    // SRPT from time 0: runs the heap's top until it completes or the next release, whichever is first; fills
    // completion, the segments and the |A| integral; returns the number of decisions.
    private static long Run<T>(int[] order, T[] remaining, T[] release, T[] completion, List<ScheduleSegment<T>>? segments,
        ref CompensatedSum<T> integral) where T : struct, INumber<T>
    {
        int n = order.Length;
        var heap = new SrptHeap<T>(remaining, release);
        long decisions = 0;
        int next = 0;
        T t = T.Zero;
        while (next < n || heap.Count > 0)
        {
            if (heap.Count == 0) t = T.Max(t, release[order[next]]);
            while (next < n && release[order[next]] <= t) heap.Push(order[next++]);
            // Zero-size jobs complete at once.
            while (heap.Count > 0 && T.IsZero(remaining[heap.Top])) completion[heap.Pop()] = t;
            if (heap.Count == 0) continue;
            decisions++;
            int top = heap.Top;
            T q = remaining[top];
            bool releaseFirst = next < n && release[order[next]] < t + q;
            T end = releaseFirst ? release[order[next]] : t + q;
            T dt = end - t;
            segments?.Add(new ScheduleSegment<T>(top, t, end, T.One));
            integral.Add(T.CreateTruncating(heap.Count) * dt);
            if (releaseFirst)
            {
                remaining[top] = q - dt;
                if (NumericPolicy<T>.IsDone(remaining[top], q)) remaining[top] = T.Zero;
                heap.SiftDown(0); // key decreased only for the top: order unchanged, but keep the heap invariant explicit
            }
            else
            {
                remaining[top] = T.Zero;
                completion[heap.Pop()] = end;
            }
            t = end;
        }
        return decisions;
    }

    // Binary min-heap of job ids keyed by (remaining, release, id), over the caller's arrays (created once per solve).
    private sealed class SrptHeap<T>(T[] remaining, T[] release) where T : struct, INumber<T>
    {
        private readonly int[] _heap = new int[remaining.Length];

        public int Count { get; private set; }

        public int Top => _heap[0];

        public void Push(int j)
        {
            int i = Count++;
            while (i > 0)
            {
                int p = (i - 1) >> 1;
                if (Compare(j, _heap[p]) >= 0) break;
                _heap[i] = _heap[p];
                i = p;
            }
            _heap[i] = j;
        }

        public int Pop()
        {
            int top = _heap[0];
            _heap[0] = _heap[--Count];
            if (Count > 0) SiftDown(0);
            return top;
        }

        public void SiftDown(int i)
        {
            int j = _heap[i];
            while (true)
            {
                int c = 2 * i + 1;
                if (c >= Count) break;
                if (c + 1 < Count && Compare(_heap[c + 1], _heap[c]) < 0) c++;
                if (Compare(_heap[c], j) >= 0) break;
                _heap[i] = _heap[c];
                i = c;
            }
            _heap[i] = j;
        }

        private int Compare(int a, int b)
        {
            int c = remaining[a].CompareTo(remaining[b]);
            if (c != 0) return c;
            c = release[a].CompareTo(release[b]);
            return c != 0 ? c : a.CompareTo(b);
        }
    }
}
