namespace OnlineAlgos.Matching.Online;

/// <summary>What the pivotal-sampling template does with proposers that are not matched (spec §2.3; the paper's
/// exact rule was NOT FOUND).</summary>
public enum DiscardRule
{
    /// <summary>Keep them available (public implementation; at most one removal per arrival).</summary>
    None,
    /// <summary>Discard every proposer of an arrival: then Pr[i available at t] = 1 − ŝ_{i,t} exactly (analysis mode).</summary>
    ProposersOnArrival,
}
