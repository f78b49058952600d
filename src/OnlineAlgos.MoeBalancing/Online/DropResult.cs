namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>Outcome of capacity-factor token dropping on one batch.</summary>
/// <param name="Kept">Per assignment slot (t·K + j): true when kept.</param>
/// <param name="Loads">Per-expert kept loads (each ≤ C).</param>
/// <param name="Dropped">Dropped assignments = Σ_i (n_i − C)⁺.</param>
/// <param name="KeptObjective">Σ of the unbiased scores of kept assignments (dropped ones add 0).</param>
/// <param name="PaddingWaste">Σ_i (C − kept n_i)⁺: slots wasted when inputs are padded to capacity.</param>
public sealed record DropResult(bool[] Kept, int[] Loads, long Dropped, double KeptObjective, long PaddingWaste)
{
    /// <summary>Dropped/(T·K).</summary>
    public double DropRate(int tokens, int k) => tokens == 0 ? 0 : (double)Dropped / ((double)tokens * k);
}
