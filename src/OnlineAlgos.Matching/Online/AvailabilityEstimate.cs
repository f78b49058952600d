namespace OnlineAlgos.Matching.Online;

/// <summary>Denominator of the proposal probabilities q (spec §2.3 step 0d).</summary>
public enum AvailabilityEstimate
{
    /// <summary>1 − ŝ_{i,t}, the LP's lower bound on availability (default).</summary>
    LpBound,
    /// <summary>Pr[i available at t] estimated by simulating the algorithm itself on earlier steps (PPSW-style);
    /// only with <see cref="DiscardRule.None"/>.</summary>
    Simulated,
}
