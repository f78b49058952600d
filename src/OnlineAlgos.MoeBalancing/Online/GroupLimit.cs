namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// Group-limited routing (spec A2e, DeepSeek-V3 inference code) as a <see cref="MoeSimulator"/> option: the E experts
/// form <paramref name="Groups"/> contiguous groups of E/G, each token keeps its <paramref name="TopGroups"/> best
/// groups (group score = sum of its two largest biased scores) and takes its top-K there
/// (<see cref="Model.GroupLimitedRouter"/>). V3: G = 8, M = 4 over E = 256, K = 8. M = G is plain top-K routing.
/// </summary>
/// <param name="Groups">Number of groups G; must divide E.</param>
/// <param name="TopGroups">Groups kept per token M, 1 ≤ M ≤ G; K ≤ M·E/G so the kept groups hold K experts.</param>
public sealed record GroupLimit(int Groups, int TopGroups)
{
    /// <summary>Null when the option fits E experts and K per token, else what is wrong.</summary>
    public string? Check(int experts, int k)
    {
        if (Groups < 1 || experts % Groups != 0)
            return $"groups G = {Groups} must be at least 1 and divide the number of experts E = {experts}";
        if (TopGroups < 1 || TopGroups > Groups)
            return $"top groups M = {TopGroups} must be between 1 and G = {Groups}";
        long kept = (long)TopGroups * (experts / Groups);
        if (k > kept)
            return $"K = {k} exceeds the M·E/G = {TopGroups}·{experts}/{Groups} = {kept} experts of the kept groups";
        return null;
    }
}
