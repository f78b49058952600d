namespace OnlineAlgos.Paging.Model;

/// <summary>What a one-bit prediction per request means (spec §1). Internally bit 1 always means "evictable".</summary>
public enum PredictionSetup
{
    /// <summary>Setup A: bit 1 = the optimal offline algorithm (FitF, normative tie-break) evicts this page before its
    /// next request.</summary>
    Discard,
    /// <summary>Setup B: bit 1 = the page is not requested in the next k-phase.</summary>
    Phase,
    /// <summary>Cache-Coliseum's discard labels (spec paging-peers §0.1, §5.5): as <see cref="Discard"/>, but Belady
    /// breaks ties among never-again pages by the lowest cache slot (cold misses fill the lowest empty slot).</summary>
    DiscardColiseum,
    /// <summary>Cache-Coliseum's phase labels (spec paging-peers §0.1, §5.4): a phase closes at the first request after
    /// it holds k distinct pages, even a repeat; the last two phases are labelled all 1s.</summary>
    PhaseColiseum,
}
