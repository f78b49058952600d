using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Offline;

/// <summary>
/// Ground-truth one-bit predictions (spec §1, §4.1), in the internal convention 1 = evictable.
/// Discard labels: d_t = 1 iff FitF (never-again ties: smallest last-request index) evicts r_t after t and before the
/// next request to r_t (or before the end when there is none); O(n log k).
/// Phase labels: p_t = 1 iff r_t is not requested in the k-phase after the phase of t (every bit of the last phase is 1);
/// O(n).
/// </summary>
public static class GroundTruthBits
{
    /// <summary>Labels of the given setup for cache size k.</summary>
    public static byte[] For(PredictionSetup setup, RequestSequence sequence, int k) => setup switch
    {
        PredictionSetup.Discard => Discard(sequence, k),
        PredictionSetup.Phase => Phase(sequence, k),
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
}
