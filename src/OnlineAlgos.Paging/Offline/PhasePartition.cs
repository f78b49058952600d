using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Offline;

/// <summary>
/// The k-phase partition: phase 1 starts at r_1; a new phase starts at the request that would be the (k+1)-st
/// distinct page of the current phase. Facts (spec §1, checked in tests): #phases ≤ OPT and Σ c_i ≤ 2·OPT, where
/// c_i = |P_i \ P_{i−1}| is the number of clean pages of phase i; Σ c_i is also the cost of OPTMarking.
/// An empty sequence has 0 phases. O(n) time, O(pages) memory.
/// </summary>
public sealed class PhasePartition
{
    private readonly int[] _phaseOf;
    private readonly int[] _phaseStart;
    private readonly int[] _clean;

    private PhasePartition(int[] phaseOf, int[] phaseStart, int[] clean)
    {
        _phaseOf = phaseOf;
        _phaseStart = phaseStart;
        _clean = clean;
    }

    /// <summary>Number of phases.</summary>
    public int PhaseCount => _phaseStart.Length;
    /// <summary>0-based phase of request t.</summary>
    public int PhaseOf(int t) => _phaseOf[t];
    /// <summary>Index of the first request of phase i.</summary>
    public int PhaseStart(int i) => _phaseStart[i];
    /// <summary>Clean pages c_i of phase i (pages not in phase i−1; all pages for phase 0).</summary>
    public int CleanPages(int i) => _clean[i];

    /// <summary>Σ_i c_i = cost of the optimal marking algorithm (OPTMarking).</summary>
    public long TotalCleanPages
    {
        get
        {
            long s = 0;
            foreach (int c in _clean) s += c;
            return s;
        }
    }

    /// <summary>Computes the partition for cache size k.</summary>
    public static PhasePartition Compute(RequestSequence sequence, int k)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "cache size k must be at least 1");
        int n = sequence.Length;
        var req = sequence.Requests;
        var phaseOf = new int[n];
        var starts = new List<int>();
        var clean = new List<int>();
        var lastPhase = new int[sequence.PageCount];
        Array.Fill(lastPhase, -1);
        int phase = -1, distinct = 0, cleanCount = 0;
        for (int t = 0; t < n; t++)
        {
            int p = req[t];
            if (phase < 0 || (lastPhase[p] != phase && distinct == k))
            {
                if (phase >= 0) clean.Add(cleanCount);
                phase++;
                starts.Add(t);
                distinct = 0;
                cleanCount = 0;
            }
            if (lastPhase[p] != phase)
            {
                if (lastPhase[p] != phase - 1 || phase == 0) cleanCount++;
                lastPhase[p] = phase;
                distinct++;
            }
            phaseOf[t] = phase;
        }
        if (phase >= 0) clean.Add(cleanCount);
        return new PhasePartition(phaseOf, starts.ToArray(), clean.ToArray());
    }
}
