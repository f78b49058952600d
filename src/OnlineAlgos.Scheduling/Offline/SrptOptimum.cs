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
        var order = new int[n];
        for (int j = 0; j < n; j++)
        {
            order[j] = j;
            remaining[j] = instance.TotalSize(j);
            release[j] = instance.Release(j);
        }
        if (!ScheduleSimulator.IsSorted(release))
            Array.Sort(order, (a, b) => { int c = release[a].CompareTo(release[b]); return c != 0 ? c : a.CompareTo(b); });
        var heap = new int[n];
        int count = 0;
        var completion = new T[n];
        var segments = recordSegments ? new List<ScheduleSegment<T>>() : null;
        var integral = new CompensatedSum<T>();
        long decisions = 0;
        int next = 0;
        T t = T.Zero;
        while (next < n || count > 0)
        {
            if (count == 0) t = T.Max(t, release[order[next]]);
            while (next < n && release[order[next]] <= t) Push(order[next++]);
            // Zero-size jobs complete at once.
            while (count > 0 && T.IsZero(remaining[heap[0]])) completion[Pop()] = t;
            if (count == 0) continue;
            decisions++;
            int top = heap[0];
            T q = remaining[top];
            bool releaseFirst = next < n && release[order[next]] < t + q;
            T end = releaseFirst ? release[order[next]] : t + q;
            T dt = end - t;
            segments?.Add(new ScheduleSegment<T>(top, t, end, T.One));
            integral.Add(T.CreateTruncating(count) * dt);
            if (releaseFirst)
            {
                remaining[top] = q - dt;
                if (NumericPolicy<T>.IsDone(remaining[top], q)) remaining[top] = T.Zero;
                SiftDown(0); // key decreased only for the top: order unchanged, but keep the heap invariant explicit
            }
            else
            {
                remaining[top] = T.Zero;
                completion[Pop()] = end;
            }
            t = end;
        }
        var total = new CompensatedSum<T>();
        for (int j = 0; j < n; j++) total.Add(completion[j] - release[j]);
        return new ScheduleResult<T>("opt", completion, total.Value, integral.Value, segments, decisions);

        int Compare(int a, int b)
        {
            int c = remaining[a].CompareTo(remaining[b]);
            if (c != 0) return c;
            c = release[a].CompareTo(release[b]);
            return c != 0 ? c : a.CompareTo(b);
        }

        void Push(int j)
        {
            int i = count++;
            while (i > 0)
            {
                int p = (i - 1) >> 1;
                if (Compare(j, heap[p]) >= 0) break;
                heap[i] = heap[p];
                i = p;
            }
            heap[i] = j;
        }

        int Pop()
        {
            int top = heap[0];
            heap[0] = heap[--count];
            if (count > 0) SiftDown(0);
            return top;
        }

        void SiftDown(int i)
        {
            int j = heap[i];
            while (true)
            {
                int c = 2 * i + 1;
                if (c >= count) break;
                if (c + 1 < count && Compare(heap[c + 1], heap[c]) < 0) c++;
                if (Compare(heap[c], j) >= 0) break;
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = j;
        }
    }
}
