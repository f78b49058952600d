using OnlineAlgos.Core;
using System.Numerics;
using OnlineAlgos.Scheduling.Model;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// Event-driven simulator of an <see cref="IOnlineScheduler{T}"/> on a gradually-revealed instance (spec §4.3),
/// written once over generic math: exact with <see cref="Rational"/> (processor sharing included: the next event time
/// is computed exactly), fast with <see cref="double"/> (remaining work snapped to 0 within a relative 1e-12,
/// compensated sums). At each time t: operation completions (cascading through zero-size operations), then releases
/// (a released job whose first operations have size 0 cascades at once), then the scheduler allocates rates; the
/// allocation runs until the next release, the first operation completion, or the scheduler's breakpoint.
/// Cost per decision O(#running jobs) plus the scheduler's own work; decisions &lt;= releases + operations +
/// breakpoints. The scheduler sees only a <see cref="SchedulerView{T}"/> (never the instance).
/// </summary>
public static class ScheduleSimulator
{
    /// <summary>Runs <paramref name="scheduler"/> on <paramref name="instance"/>.</summary>
    /// <param name="instance">The instance (hidden from the scheduler).</param>
    /// <param name="scheduler">The online rule; <see cref="IOnlineScheduler{T}.Start"/> is called first.</param>
    /// <param name="recordSegments">Record the schedule as segments (for plots and per-time checks).</param>
    /// <exception cref="InvalidOperationException">The scheduler returned an invalid allocation (negative rate,
    /// rates summing above 1, a job not alive, a job twice) or idles forever with alive jobs.</exception>
    public static ScheduleResult<T> Run<T>(SchedulingInstance<T> instance, IOnlineScheduler<T> scheduler, bool recordSegments = false)
        where T : struct, INumber<T>
    {
        int n = instance.JobCount;
        bool hidden = instance.HasEstimates;
        var view = new SchedulerView<T>(n, instance.RevealOperationCount, hidden);
        var completion = new T[n];
        var order = new int[n];
        for (int j = 0; j < n; j++) order[j] = j;
        var releaseKeys = new T[n];
        for (int j = 0; j < n; j++) releaseKeys[j] = instance.Release(j);
        // Stable by (release, id): equal releases are delivered in id order. Skip the sort when already in order.
        if (!IsSorted(releaseKeys))
            Array.Sort(order, (a, b) => { int c = releaseKeys[a].CompareTo(releaseKeys[b]); return c != 0 ? c : a.CompareTo(b); });

        var segments = recordSegments ? new List<ScheduleSegment<T>>() : null;
        var lastSegment = recordSegments ? new int[n] : null;
        lastSegment?.AsSpan().Fill(-1);
        var stamp = new int[n];
        var allocation = new RateAllocation<T>();
        var doneNow = new List<int>();
        var integral = new CompensatedSum<T>();
        long decisions = 0;
        int released = 0;
        T t = n > 0 ? instance.Release(order[0]) : T.Zero;
        view.Now = t;
        scheduler.Start(view);

        while (true)
        {
            // (1) operation completions at t, cascading through zero-size operations.
            foreach (int j in doneNow) Cascade(j);
            doneNow.Clear();
            // (2) releases at t.
            while (released < n && instance.Release(order[released]) <= t)
            {
                int j = order[released++];
                view.ReleaseArr[j] = instance.Release(j);
                view.OpIndexArr[j] = 0;
                T first = instance.Operation(j, 0);
                view.OpSizeArr[j] = first;
                view.RemainingArr[j] = first;
                view.AttainedArr[j] = T.Zero;
                if (instance.RevealOperationCount) view.OpCountArr[j] = instance.OperationCount(j);
                if (hidden) view.EstimateArr[j] = instance.Estimate(j);
                view.AlivePos[j] = view.AliveCountValue;
                view.Alive[view.AliveCountValue++] = j;
                scheduler.OnRelease(j, view);
                if (T.IsZero(first)) Cascade(j);
            }
            if (view.AliveCountValue == 0)
            {
                if (released == n) break;
                t = instance.Release(order[released]);
                view.Now = t;
                continue;
            }
            // (3) decision.
            allocation.Clear();
            scheduler.Allocate(view, allocation);
            decisions++;
            T rateSum = T.Zero;
            for (int i = 0; i < allocation.Count; i++)
            {
                int j = allocation.JobAt(i);
                T rate = allocation.RateAt(i);
                if ((uint)j >= (uint)n || view.AlivePos[j] < 0)
                    throw new InvalidOperationException($"{scheduler.Name}: allocated job {j}, which is not alive at t = {t}");
                if (stamp[j] == decisions) throw new InvalidOperationException($"{scheduler.Name}: allocated job {j} twice at t = {t}");
                if (T.IsNegative(rate)) throw new InvalidOperationException($"{scheduler.Name}: negative rate {rate} for job {j} at t = {t}");
                stamp[j] = (int)decisions;
                rateSum += rate;
            }
            if (NumericPolicy<T>.Compare(rateSum, T.One) > 0)
                throw new InvalidOperationException($"{scheduler.Name}: rates sum to {rateSum} > 1 at t = {t}");
            // (4) time to the next event.
            bool haveDt = false;
            bool releaseBound = false;
            T dt = T.Zero;
            if (released < n)
            {
                dt = instance.Release(order[released]) - t;
                haveDt = true;
                releaseBound = true;
            }
            for (int i = 0; i < allocation.Count; i++)
            {
                int j = allocation.JobAt(i);
                T d = view.RemainingArr[j] / allocation.RateAt(i);
                if (!haveDt || d < dt) { dt = d; haveDt = true; releaseBound = false; }
            }
            if (scheduler.TryGetBreakpoint(view, allocation, out T bp))
            {
                if (!T.IsPositive(bp) || T.IsZero(bp))
                    throw new InvalidOperationException($"{scheduler.Name}: breakpoint {bp} is not positive at t = {t}");
                if (!haveDt || bp < dt) { dt = bp; haveDt = true; releaseBound = false; }
            }
            if (!haveDt)
                throw new InvalidOperationException($"{scheduler.Name}: idles at t = {t} with {view.AliveCountValue} alive jobs and no future event");
            // (5) advance.
            T tNext = releaseBound ? instance.Release(order[released]) : t + dt;
            for (int i = 0; i < allocation.Count; i++)
            {
                int j = allocation.JobAt(i);
                T rate = allocation.RateAt(i);
                T work = rate * dt;
                T q = view.RemainingArr[j] - work;
                view.AttainedArr[j] += work;
                if (NumericPolicy<T>.IsDone(q, view.OpSizeArr[j]))
                {
                    // Floating mode: credit the snapped remainder so attained = sum of completed sizes.
                    if (!NumericPolicy<T>.IsExact) view.AttainedArr[j] += q;
                    q = T.Zero;
                    doneNow.Add(j);
                }
                view.RemainingArr[j] = q;
                if (segments is not null) AddSegment(j, t, tNext, rate);
            }
            integral.Add(T.CreateTruncating(view.AliveCountValue) * dt);
            t = tNext;
            view.Now = t;
        }

        var total = new CompensatedSum<T>();
        for (int j = 0; j < n; j++) total.Add(completion[j] - instance.Release(j));
        return new ScheduleResult<T>(scheduler.Name, completion, total.Value, integral.Value, segments, decisions);

        void Cascade(int j)
        {
            while (T.IsZero(view.RemainingArr[j]))
            {
                int next = view.OpIndexArr[j] + 1;
                if (next == instance.OperationCount(j))
                {
                    completion[j] = t;
                    int pos = view.AlivePos[j];
                    int last = view.Alive[--view.AliveCountValue];
                    view.Alive[pos] = last;
                    view.AlivePos[last] = pos;
                    view.AlivePos[j] = -1;
                    scheduler.OnJobCompleted(j, view);
                    return;
                }
                T size = instance.Operation(j, next);
                view.OpIndexArr[j] = next;
                view.OpSizeArr[j] = size;
                view.RemainingArr[j] = size;
                scheduler.OnOperationRevealed(j, view);
            }
        }

        void AddSegment(int j, T start, T end, T rate)
        {
            int k = lastSegment![j];
            if (k >= 0)
            {
                var s = segments![k];
                if (s.End == start && s.Rate == rate)
                {
                    segments[k] = s with { End = end };
                    return;
                }
            }
            lastSegment[j] = segments!.Count;
            segments.Add(new ScheduleSegment<T>(j, start, end, rate));
        }
    }

    internal static bool IsSorted<T>(T[] keys) where T : struct, INumber<T>
    {
        for (int i = 1; i < keys.Length; i++)
            if (keys[i] < keys[i - 1]) return false;
        return true;
    }
}
