namespace OnlineAlgos.Paging.Online;

/// <summary>Which prediction an algorithm of <see cref="PagingAlgorithms"/> consumes (<see cref="PagingAlgorithms.KindOf"/>).</summary>
public enum PredictionKind
{
    /// <summary>None (classical algorithm).</summary>
    None,
    /// <summary>One discard bit per request (setup A; 1 = evictable).</summary>
    DiscardBits,
    /// <summary>One phase bit per request (setup B; 1 = not requested in the next k-phase).</summary>
    PhaseBits,
    /// <summary>A next-arrival (reoccurrence) prediction per request.</summary>
    NextArrival,
    /// <summary>The exact next arrivals (offline benchmark such as OPTMarking).</summary>
    ExactNextArrival,
}
