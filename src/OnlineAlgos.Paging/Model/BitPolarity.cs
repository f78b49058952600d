namespace OnlineAlgos.Paging.Model;

/// <summary>
/// How an external source writes its bits. The toolkit uses one internal convention, bit 1 = evictable (spec §1);
/// a source that writes bit 1 = "keep" / "will be requested in the next phase" (the abstract's wording of the phase
/// setup) is flipped once at the input boundary with <see cref="BitPredictions.ToInternal"/>. Reconstructed mapping.
/// </summary>
public enum BitPolarity
{
    /// <summary>1 = evictable (the internal convention; no flip).</summary>
    Evictable,
    /// <summary>1 = keep (will be requested again soon / in the next phase); flipped at the boundary.</summary>
    Keep,
}
