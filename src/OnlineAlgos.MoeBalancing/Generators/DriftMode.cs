namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>How <see cref="DriftGenerator"/> moves popularity between batches (spec §5.5 G4).</summary>
public enum DriftMode
{
    /// <summary>log w ← log w + 𝒩(0, σ_d²) per batch, then renormalised.</summary>
    RandomWalk,
    /// <summary>Every P batches the popularity vector is rotated by one expert.</summary>
    CyclicShift,
    /// <summary>Every P batches a fresh random permutation of the ranks (change-point).</summary>
    ChangePoint,
}
