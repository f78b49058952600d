namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>Which assignments an over-capacity expert keeps (Megatron <c>--moe-token-drop-policy</c>).</summary>
public enum DropPolicy
{
    /// <summary>"probs": keep the largest s_{t,i}; ties to the smaller token index.</summary>
    HighestScore,
    /// <summary>"position": keep the earliest tokens in batch order.</summary>
    EarliestToken,
}
