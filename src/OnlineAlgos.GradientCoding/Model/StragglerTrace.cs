namespace OnlineAlgos.GradientCoding.Model;

/// <summary>
/// Measured (or generated) per-worker per-round completion times d[r][i] in seconds (spec §2.4: from a trace CSV,
/// d = worker_finished_s - worker_started_s). Immutable; row-major array.
/// </summary>
public sealed class StragglerTrace
{
    private readonly double[] _d;

    /// <summary>Wraps a row-major rounds x workers matrix of non-negative times (copied).</summary>
    public StragglerTrace(int rounds, int workers, ReadOnlySpan<double> durations)
    {
        if (rounds < 0) throw new ArgumentOutOfRangeException(nameof(rounds), "rounds must be >= 0");
        if (workers < 1) throw new ArgumentOutOfRangeException(nameof(workers), "workers must be >= 1");
        if (durations.Length != rounds * workers) throw new ArgumentException("durations must have rounds*workers entries", nameof(durations));
        foreach (double v in durations)
            if (!(v >= 0) || double.IsInfinity(v)) throw new ArgumentException("durations must be finite and >= 0", nameof(durations));
        Rounds = rounds;
        Workers = workers;
        _d = durations.ToArray();
    }

    /// <summary>Number of rounds.</summary>
    public int Rounds { get; }
    /// <summary>Number of workers.</summary>
    public int Workers { get; }
    /// <summary>Completion time of worker i in round r.</summary>
    public double this[int round, int worker] => _d[round * Workers + worker];
    /// <summary>The times of one round.</summary>
    public ReadOnlySpan<double> Round(int round) => _d.AsSpan(round * Workers, Workers);

    /// <summary>Fastest time of a round.</summary>
    public double Min(int round)
    {
        double m = double.PositiveInfinity;
        foreach (double v in Round(round)) m = Math.Min(m, v);
        return m;
    }

    /// <summary>Slowest time of a round.</summary>
    public double Max(int round)
    {
        double m = 0;
        foreach (double v in Round(round)) m = Math.Max(m, v);
        return m;
    }

    /// <summary>Median of all worker-round times.</summary>
    public double Median()
    {
        var copy = (double[])_d.Clone();
        Array.Sort(copy);
        if (copy.Length == 0) return 0;
        int h = copy.Length / 2;
        return copy.Length % 2 == 1 ? copy[h] : 0.5 * (copy[h - 1] + copy[h]);
    }

    /// <summary>
    /// Load-to-time model of spec §2.4 step 5: every time shifted by <paramref name="delta"/> = (L - L_base) kappa,
    /// floored at 0.
    /// </summary>
    public StragglerTrace Shifted(double delta)
    {
        var d = new double[_d.Length];
        for (int k = 0; k < d.Length; k++) d[k] = Math.Max(0, _d[k] + delta);
        return new StragglerTrace(Rounds, Workers, d);
    }

    /// <summary>The first rounds (or fewer when shorter).</summary>
    public StragglerTrace Prefix(int rounds)
    {
        int r = Math.Min(rounds, Rounds);
        return new StragglerTrace(r, Workers, _d.AsSpan(0, r * Workers));
    }

    /// <summary>A trace made of the given rounds of this one, in order (bootstrap resampling).</summary>
    public StragglerTrace Resample(ReadOnlySpan<int> rounds)
    {
        var d = new double[rounds.Length * Workers];
        for (int k = 0; k < rounds.Length; k++) Round(rounds[k]).CopyTo(d.AsSpan(k * Workers, Workers));
        return new StragglerTrace(rounds.Length, Workers, d);
    }

    /// <summary>
    /// Stragglers by the paper's rule (spec §1): worker i straggles in round r iff d[r][i] &gt; (1+mu) min_k d[r][k].
    /// </summary>
    public StragglerPattern DerivePattern(double mu)
    {
        if (!(mu >= 0)) throw new ArgumentException($"mu must be >= 0, got {mu}");
        var cells = new bool[_d.Length];
        for (int r = 0; r < Rounds; r++)
        {
            double cutoff = (1 + mu) * Min(r);
            for (int i = 0; i < Workers; i++) cells[r * Workers + i] = _d[r * Workers + i] > cutoff;
        }
        return new StragglerPattern(Rounds, Workers, cells);
    }
}
