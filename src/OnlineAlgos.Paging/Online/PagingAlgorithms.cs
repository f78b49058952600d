namespace OnlineAlgos.Paging.Online;

/// <summary>The online paging algorithms by their CLI names. <c>belady</c> (the offline optimum) is handled by callers
/// through <see cref="Offline.BeladyPaging"/>.</summary>
public static class PagingAlgorithms
{
    /// <summary>Names of the classical online algorithms, in table order.</summary>
    public static IReadOnlyList<string> ClassicalNames { get; } = ["lru", "fifo", "fwf", "marker", "marker-rand", "rand"];

    /// <summary>Whether the named algorithm uses random coins.</summary>
    public static bool IsRandomized(string name) => name is "marker-rand" or "rand";

    /// <summary>A fresh instance of the named online algorithm, or null when the name is unknown.</summary>
    public static IOnlinePagingAlgorithm? TryCreate(string name) => name switch
    {
        "lru" => new LruPaging(),
        "fifo" => new FifoPaging(),
        "fwf" => new FlushWhenFullPaging(),
        "marker" => new MarkerPaging(),
        "marker-rand" => new RandomizedMarkerPaging(),
        "rand" => new RandomEvictionPaging(),
        _ => null,
    };
}
