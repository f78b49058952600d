using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Offline;

/// <summary>
/// Ground-truth one-bit predictions (spec §1, §4.1), in the internal convention 1 = evictable.
/// Discard labels: d_t = 1 iff FitF (never-again ties: smallest last-request index) evicts r_t after t and before the
/// next request to r_t (or before the end when there is none); O(n log k).
/// Phase labels: p_t = 1 iff r_t is not requested in the k-phase after the phase of t (every bit of the last phase is 1);
/// O(n).
/// Cache-Coliseum's conventions (spec paging-peers §0.1, §5.4–5.5) as <see cref="DiscardColiseum"/> and
/// <see cref="PhaseColiseum"/>.
/// </summary>
public static class GroundTruthBits
{
    /// <summary>Labels of the given setup for cache size k.</summary>
    public static byte[] For(PredictionSetup setup, RequestSequence sequence, int k) => setup switch
    {
        PredictionSetup.Discard => Discard(sequence, k),
        PredictionSetup.Phase => Phase(sequence, k),
        PredictionSetup.DiscardColiseum => DiscardColiseum(sequence, k),
        PredictionSetup.PhaseColiseum => PhaseColiseum(sequence, k),
        _ => throw new ArgumentOutOfRangeException(nameof(setup)),
    };

    /// <summary>Discard labels from Belady's run with the normative tie-break.</summary>
    public static byte[] Discard(RequestSequence sequence, int k)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var labels = new byte[sequence.Length];
        BeladyPaging.Run(sequence, k, labels);
        return labels;
    }

    /// <summary>Phase labels from the k-phase partition.</summary>
    public static byte[] Phase(RequestSequence sequence, int k)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var partition = PhasePartition.Compute(sequence, k);
        int n = sequence.Length;
        var req = sequence.Requests;
        var labels = new byte[n];
        // Backward scan. lastSeenPhase[p] = smallest phase of a request to p seen so far (phases only decrease going
        // backwards); nextPhaseSeen[p] = the smallest seen phase strictly greater than that one.
        var nextPhaseSeen = new int[sequence.PageCount];
        var lastSeenPhase = new int[sequence.PageCount];
        Array.Fill(lastSeenPhase, -1);
        Array.Fill(nextPhaseSeen, -1);
        for (int t = n - 1; t >= 0; t--)
        {
            int p = req[t];
            int ph = partition.PhaseOf(t);
            int later = lastSeenPhase[p] > ph ? lastSeenPhase[p] : nextPhaseSeen[p];
            labels[t] = later == ph + 1 ? (byte)0 : (byte)1;
            if (lastSeenPhase[p] != ph)
            {
                nextPhaseSeen[p] = lastSeenPhase[p];
                lastSeenPhase[p] = ph;
            }
        }
        return labels;
    }

    /// <summary>
    /// Cache-Coliseum's discard labels (spec paging-peers §0.1, §5.5): Belady on the true next arrivals over k slots,
    /// a cold miss filling the lowest empty slot, a full miss evicting the slot whose page is requested furthest in the
    /// future with never-again pages all tied and ties going to the lowest slot; when it evicts q, the bit of q's latest
    /// request becomes 1. Differs from <see cref="Discard"/> only in that tie-break. O(n·k) (a scan of the k slots per
    /// fault).
    /// </summary>
    public static byte[] DiscardColiseum(RequestSequence sequence, int k)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "cache size k must be at least 1");
        int n = sequence.Length;
        var req = sequence.Requests;
        int[] next = BeladyPaging.NextOccurrences(sequence); // n = never again: all tie
        var labels = new byte[n];
        var slotPage = new int[k];
        var slotNext = new int[k];
        var slotLast = new int[k];
        var slotOf = new int[sequence.PageCount];
        Array.Fill(slotOf, -1);
        int used = 0;
        for (int t = 0; t < n; t++)
        {
            int p = req[t];
            int s = slotOf[p];
            if (s < 0)
            {
                if (used < k) s = used++;
                else
                {
                    s = 0;
                    for (int i = 1; i < k; i++)
                        if (slotNext[i] > slotNext[s]) s = i;
                    labels[slotLast[s]] = 1;
                    slotOf[slotPage[s]] = -1;
                }
                slotPage[s] = p;
                slotOf[p] = s;
            }
            slotNext[s] = next[t];
            slotLast[s] = t;
        }
        return labels;
    }

    /// <summary>
    /// Cache-Coliseum's phase labels (spec paging-peers §0.1, §5.4): a phase closes at the first request that arrives
    /// after it holds k distinct pages, even when that request repeats one of them, and that request opens the next
    /// phase. A request of phase i gets 0 iff its page occurs in phase i+1 and phase i+1 closes before the end; so the
    /// last two phases are all 1s. Differs from <see cref="Phase"/> in the cut (ours: at the (k+1)-st distinct page)
    /// and in the second-to-last phase (ours labels it). O(n).
    /// </summary>
    public static byte[] PhaseColiseum(RequestSequence sequence, int k)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "cache size k must be at least 1");
        int n = sequence.Length;
        var req = sequence.Requests;
        var phaseOf = new int[n];
        var seenPhase = new int[sequence.PageCount];
        Array.Fill(seenPhase, -1);
        int phase = 0, distinct = 0;
        for (int t = 0; t < n; t++)
        {
            if (distinct == k) { phase++; distinct = 0; }
            int p = req[t];
            if (seenPhase[p] != phase) { seenPhase[p] = phase; distinct++; }
            phaseOf[t] = phase;
        }
        int phases = n == 0 ? 0 : phase + 1;
        // occursIn[p] over a backward scan: the phases in which p occurs, as "latest seen phase" (phases decrease).
        var labels = new byte[n];
        var lastSeen = new int[sequence.PageCount];
        var secondSeen = new int[sequence.PageCount];
        Array.Fill(lastSeen, -1);
        Array.Fill(secondSeen, -1);
        for (int t = n - 1; t >= 0; t--)
        {
            int p = req[t], ph = phaseOf[t];
            int later = lastSeen[p] > ph ? lastSeen[p] : secondSeen[p];
            bool labelled = ph + 1 <= phases - 2; // phase ph+1 closes before the end
            labels[t] = labelled && later == ph + 1 ? (byte)0 : (byte)1;
            if (lastSeen[p] != ph) { secondSeen[p] = lastSeen[p]; lastSeen[p] = ph; }
        }
        return labels;
    }
}
