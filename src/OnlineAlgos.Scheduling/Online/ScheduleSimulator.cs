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
    /// <exception cref="ModelViolationException">The scheduler returned an invalid allocation (negative rate, rates
    /// summing above 1, a job not alive, a job twice), a non-positive breakpoint, or idles forever with alive jobs;
    /// <see cref="ModelViolationException.Step"/> is the 1-based decision (the rule text gives the time t).</exception>
    public static ScheduleResult<T> Run<T>(SchedulingInstance<T> instance, IOnlineScheduler<T> scheduler, bool recordSegments = false)
        where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(scheduler);
        return new Simulation<T>(instance, scheduler, recordSegments).Run();
    }

    // The state of one run; each step of the event loop is one method.
    private sealed class Simulation<T> where T : struct, INumber<T>
    {
        private readonly SchedulingInstance<T> _instance;
        private readonly IOnlineScheduler<T> _scheduler;
        private readonly SchedulerView<T> _view;
        private readonly int _n;
        private readonly T[] _completion;
        private readonly int[] _order;
        private readonly List<ScheduleSegment<T>>? _segments;
        private readonly int[]? _lastSegment;
        private readonly int[] _stamp;
        private readonly RateAllocation<T> _allocation = new();
        private readonly List<int> _doneNow = new();
        private CompensatedSum<T> _integral;
        private long _decisions;
        private int _released;
        private T _t;

        public Simulation(SchedulingInstance<T> instance, IOnlineScheduler<T> scheduler, bool recordSegments)
        {
            _instance = instance;
            _scheduler = scheduler;
            _n = instance.JobCount;
            _view = new SchedulerView<T>(_n, instance.RevealOperationCount, instance.HasEstimates);
            _completion = new T[_n];
            _order = ReleaseOrder(instance);
            _segments = recordSegments ? new List<ScheduleSegment<T>>() : null;
            _lastSegment = recordSegments ? new int[_n] : null;
            _lastSegment?.AsSpan().Fill(-1);
            _stamp = new int[_n];
        }

        // Stable by (release, id): equal releases are delivered in id order. Skip the sort when already in order.
        private static int[] ReleaseOrder(SchedulingInstance<T> instance)
        {
            int n = instance.JobCount;
            var order = new int[n];
            for (int j = 0; j < n; j++) order[j] = j;
            var releaseKeys = new T[n];
            for (int j = 0; j < n; j++) releaseKeys[j] = instance.Release(j);
            if (!IsSorted(releaseKeys))
                Array.Sort(order, (a, b) => { int c = releaseKeys[a].CompareTo(releaseKeys[b]); return c != 0 ? c : a.CompareTo(b); });
            return order;
        }

        public ScheduleResult<T> Run()
        {
            _t = _n > 0 ? _instance.Release(_order[0]) : T.Zero;
            _view.Now = _t;
            _scheduler.Start(_view);
            while (true)
            {
                // (1) operation completions at t, cascading through zero-size operations.
                foreach (int j in _doneNow) Cascade(j);
                _doneNow.Clear();
                // (2) releases at t.
                DeliverReleases();
                if (_view.AliveCountValue == 0)
                {
                    if (_released == _n) break;
                    _t = _instance.Release(_order[_released]);
                    _view.Now = _t;
                    continue;
                }
                // (3) decision, (4) time to the next event, (5) advance.
                Decide();
                var (dt, releaseBound) = TimeToNextEvent();
                Advance(dt, releaseBound);
            }
            var total = new CompensatedSum<T>();
            for (int j = 0; j < _n; j++) total.Add(_completion[j] - _instance.Release(j));
            return new ScheduleResult<T>(_scheduler.Name, _completion, total.Value, _integral.Value, _segments, _decisions);
        }

        private void DeliverReleases()
        {
            var view = _view;
            while (_released < _n && _instance.Release(_order[_released]) <= _t)
            {
                int j = _order[_released++];
                view.ReleaseArr[j] = _instance.Release(j);
                view.OpIndexArr[j] = 0;
                T first = _instance.Operation(j, 0);
                view.OpSizeArr[j] = first;
                view.RemainingArr[j] = first;
                view.AttainedArr[j] = T.Zero;
                if (_instance.RevealOperationCount) view.OpCountArr[j] = _instance.OperationCount(j);
                if (_instance.HasEstimates) view.EstimateArr[j] = _instance.Estimate(j);
                view.AlivePos[j] = view.AliveCountValue;
                view.Alive[view.AliveCountValue++] = j;
                _scheduler.OnRelease(j, view);
                if (T.IsZero(first)) Cascade(j);
            }
        }

        // Asks the scheduler for rates and polices them: alive jobs only, each once, rates >= 0 summing to <= 1.
        private void Decide()
        {
            _allocation.Clear();
            _scheduler.Allocate(_view, _allocation);
            _decisions++;
            T rateSum = T.Zero;
            for (int i = 0; i < _allocation.Count; i++)
            {
                int j = _allocation.JobAt(i);
                T rate = _allocation.RateAt(i);
                if ((uint)j >= (uint)_n || _view.AlivePos[j] < 0) throw Violation($"allocated job {j}, which is not alive at t = {_t}");
                if (_stamp[j] == _decisions) throw Violation($"allocated job {j} twice at t = {_t}");
                if (T.IsNegative(rate)) throw Violation($"negative rate {rate} for job {j} at t = {_t}");
                _stamp[j] = (int)_decisions;
                rateSum += rate;
            }
            if (NumericPolicy<T>.Compare(rateSum, T.One) > 0) throw Violation($"rates sum to {rateSum} > 1 at t = {_t}");
        }

        private ModelViolationException Violation(string rule) => new(_scheduler.Name, _decisions, rule);

        // The next release, the first operation completion under the allocation, or the scheduler's breakpoint.
        private (T Dt, bool ReleaseBound) TimeToNextEvent()
        {
            bool haveDt = false;
            bool releaseBound = false;
            T dt = T.Zero;
            if (_released < _n)
            {
                dt = _instance.Release(_order[_released]) - _t;
                haveDt = true;
                releaseBound = true;
            }
            for (int i = 0; i < _allocation.Count; i++)
            {
                int j = _allocation.JobAt(i);
                T d = _view.RemainingArr[j] / _allocation.RateAt(i);
                if (!haveDt || d < dt) { dt = d; haveDt = true; releaseBound = false; }
            }
            if (_scheduler.TryGetBreakpoint(_view, _allocation, out T bp))
            {
                if (!T.IsPositive(bp) || T.IsZero(bp)) throw Violation($"breakpoint {bp} is not positive at t = {_t}");
                if (!haveDt || bp < dt) { dt = bp; haveDt = true; releaseBound = false; }
            }
            if (!haveDt) throw Violation($"idles at t = {_t} with {_view.AliveCountValue} alive jobs and no future event");
            return (dt, releaseBound);
        }

        // Runs the allocation for dt: work done, operations completed (snapped in floating mode), segments, integral.
        private void Advance(T dt, bool releaseBound)
        {
            var view = _view;
            T tNext = releaseBound ? _instance.Release(_order[_released]) : _t + dt;
            for (int i = 0; i < _allocation.Count; i++)
            {
                int j = _allocation.JobAt(i);
                T rate = _allocation.RateAt(i);
                T work = rate * dt;
                T q = view.RemainingArr[j] - work;
                view.AttainedArr[j] += work;
                if (NumericPolicy<T>.IsDone(q, view.OpSizeArr[j]))
                {
                    // Floating mode: credit the snapped remainder so attained = sum of completed sizes.
                    if (!NumericPolicy<T>.IsExact) view.AttainedArr[j] += q;
                    q = T.Zero;
                    _doneNow.Add(j);
                }
                view.RemainingArr[j] = q;
                if (_segments is not null) AddSegment(j, _t, tNext, rate);
            }
            _integral.Add(T.CreateTruncating(view.AliveCountValue) * dt);
            _t = tNext;
            view.Now = _t;
        }

        private void Cascade(int j)
        {
            var view = _view;
            while (T.IsZero(view.RemainingArr[j]))
            {
                int next = view.OpIndexArr[j] + 1;
                if (next == _instance.OperationCount(j))
                {
                    _completion[j] = _t;
                    int pos = view.AlivePos[j];
                    int last = view.Alive[--view.AliveCountValue];
                    view.Alive[pos] = last;
                    view.AlivePos[last] = pos;
                    view.AlivePos[j] = -1;
                    _scheduler.OnJobCompleted(j, view);
                    return;
                }
                T size = _instance.Operation(j, next);
                view.OpIndexArr[j] = next;
                view.OpSizeArr[j] = size;
                view.RemainingArr[j] = size;
                _scheduler.OnOperationRevealed(j, view);
            }
        }

        private void AddSegment(int j, T start, T end, T rate)
        {
            int k = _lastSegment![j];
            if (k >= 0)
            {
                var s = _segments![k];
                if (s.End == start && s.Rate == rate)
                {
                    _segments[k] = s with { End = end };
                    return;
                }
            }
            _lastSegment[j] = _segments!.Count;
            _segments.Add(new ScheduleSegment<T>(j, start, end, rate));
        }
    }

    internal static bool IsSorted<T>(T[] keys) where T : struct, INumber<T>
    {
        for (int i = 1; i < keys.Length; i++)
            if (keys[i] < keys[i - 1]) return false;
        return true;
    }
}
