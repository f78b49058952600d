namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>How the proportional rule A2b normalises the load error e_i = L − n_i.</summary>
public enum ProportionalScale
{
    /// <summary>e_i / L (spec's recommendation; [W] did not say whether it normalised: NOT FOUND).</summary>
    Target,
    /// <summary>e_i / B = −g_i, the OGD gradient of the per-batch normalised dual f_k (spec A3).</summary>
    Tokens,
    /// <summary>Raw token counts e_i.</summary>
    Raw,
}
