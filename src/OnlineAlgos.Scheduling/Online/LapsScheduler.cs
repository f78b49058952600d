using OnlineAlgos.Core;
using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// LAPS(beta) (spec §2.4): the ceil(beta·|A|) most recently released alive jobs (ties: larger id counts as later)
/// share the machine equally. Guarantee [classic]: (1+eps)-speed O(1/eps^2)-competitive for beta = eps/2
/// (Edmonds–Pruhs, SODA 2009). beta = 1 is RR. The set changes only at releases and completions, so no breakpoints.
/// O(|A|) per event.
/// </summary>
public sealed class LapsScheduler<T> : IOnlineScheduler<T> where T : struct, INumber<T>
{
    private readonly List<int> _byRelease = new();

    /// <summary>Creates LAPS with 0 &lt; beta &lt;= 1.</summary>
    public LapsScheduler(double beta)
    {
        if (!(beta > 0 && beta <= 1)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be in (0, 1]");
        Beta = beta;
    }

    /// <summary>Rational of the latest jobs that share the machine.</summary>
    public double Beta { get; }
    /// <inheritdoc/>
    public string Name => "laps";
    /// <inheritdoc/>
    public void Start(SchedulerView<T> view) => _byRelease.Clear();
    /// <inheritdoc/>
    public void OnRelease(int job, SchedulerView<T> view) => _byRelease.Add(job); // simulator releases in (r, id) order
    /// <inheritdoc/>
    public void OnOperationRevealed(int job, SchedulerView<T> view) { }
    /// <inheritdoc/>
    public void OnJobCompleted(int job, SchedulerView<T> view) => _byRelease.Remove(job);

    /// <inheritdoc/>
    public void Allocate(SchedulerView<T> view, RateAllocation<T> allocation)
    {
        int a = _byRelease.Count;
        if (a == 0) return;
        int k = Math.Clamp((int)Math.Ceiling(Beta * a - 1e-9), 1, a);
        T rate = T.One / T.CreateChecked(k);
        for (int i = a - k; i < a; i++) allocation.Add(_byRelease[i], rate);
    }

    /// <inheritdoc/>
    public bool TryGetBreakpoint(SchedulerView<T> view, RateAllocation<T> allocation, out T delta)
    {
        delta = T.Zero;
        return false;
    }
}
