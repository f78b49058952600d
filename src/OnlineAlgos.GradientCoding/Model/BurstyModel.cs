namespace OnlineAlgos.GradientCoding.Model;

/// <summary>
/// The (B, W, lambda)-bursty straggler model (Krishnan, Ebrahimi, Khisti, ICLR 2023; spec §1): in every window of W
/// consecutive rounds at most lambda distinct workers straggle, and each worker's straggling rounds inside the window
/// lie within B consecutive rounds. Requires W &gt;= 2, 1 &lt;= B &lt;= W-1, 1 &lt;= lambda &lt;= n.
/// </summary>
public sealed record BurstyModel
{
    /// <summary>Validates and creates the model for <paramref name="workers"/> workers.</summary>
    public BurstyModel(int workers, int b, int w, int lambda)
    {
        if (workers < 1) throw new ArgumentException($"n must be >= 1, got {workers}");
        if (w < 2) throw new ArgumentException($"W must be >= 2, got {w}");
        if (b < 1 || b > w - 1) throw new ArgumentException($"B must satisfy 1 <= B <= W-1 = {w - 1}, got {b}");
        if (lambda < 1 || lambda > workers) throw new ArgumentException($"lambda must satisfy 1 <= lambda <= n = {workers}, got {lambda}");
        Workers = workers; B = b; W = w; Lambda = lambda;
    }

    /// <summary>Number of workers n.</summary>
    public int Workers { get; }
    /// <summary>Maximum burst length B.</summary>
    public int B { get; }
    /// <summary>Window length W.</summary>
    public int W { get; }
    /// <summary>Maximum number of distinct stragglers per window.</summary>
    public int Lambda { get; }

    /// <summary>
    /// Brute-force check of every window (distinct count and per-worker span), independent of the online checker.
    /// O(rounds * W * n).
    /// </summary>
    public bool AdmitsBruteForce(StragglerPattern pattern)
    {
        if (pattern.Workers != Workers) return false;
        // Windows that run past either end are prefixes/suffixes of a full window, so the full-window check covers them,
        // but a pattern shorter than W still needs one (partial) window check.
        int last = Math.Max(0, pattern.Rounds - W);
        for (int start = 0; start <= last; start++)
        {
            int end = Math.Min(pattern.Rounds, start + W);
            int distinct = 0;
            for (int i = 0; i < Workers; i++)
            {
                int first = -1, lastR = -1;
                for (int r = start; r < end; r++)
                    if (pattern[r, i]) { if (first < 0) first = r; lastR = r; }
                if (first < 0) continue;
                distinct++;
                if (lastR - first + 1 > B) return false;
            }
            if (distinct > Lambda) return false;
        }
        return true;
    }

    /// <summary>Online check of a whole pattern with <see cref="BurstyAdmissibilityChecker"/>.</summary>
    public bool Admits(StragglerPattern pattern)
    {
        if (pattern.Workers != Workers) return false;
        var checker = new BurstyAdmissibilityChecker(this);
        for (int r = 0; r < pattern.Rounds; r++)
            if (!checker.TryAdd(pattern.Round(r))) return false;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"(n={Workers}, B={B}, W={W}, lambda={Lambda})";
}
