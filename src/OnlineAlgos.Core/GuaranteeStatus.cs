namespace OnlineAlgos.Core;

/// <summary>How much a guarantee is worth: proved (in the cited source or in the spec), conjectured, or a
/// reconstruction of a claim whose proof or algorithm could not be read.</summary>
public enum GuaranteeStatus
{
    /// <summary>Proved in the cited source (or in the spec, where it says so).</summary>
    Proven,
    /// <summary>Stated without proof, or checked only empirically.</summary>
    Conjectured,
    /// <summary>The claim belongs to a reconstructed algorithm or was reconstructed from second-hand text.</summary>
    Reconstructed,
}
