namespace OnlineAlgos.Paging.Model;

/// <summary>What a one-bit prediction per request means (spec §1). Internally bit 1 always means "evictable".</summary>
public enum PredictionSetup
{
    /// <summary>Setup A: bit 1 = the optimal offline algorithm (FitF, normative tie-break) evicts this page before its
    /// next request.</summary>
    Discard,
    /// <summary>Setup B: bit 1 = the page is not requested in the next k-phase.</summary>
    Phase,
}
