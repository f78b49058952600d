using OnlineAlgos.Core;
using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Experiments.Paging;

/// <summary>
/// The trace sets of the learning-augmented paging studies: BrightKite (100 traces, k = 10) and CitiBike (12 traces,
/// k = 100) from <c>shared/data/paging</c> when present, else generated stand-ins of the same shape (Zipf-like
/// popularity with drifting working sets), so a study always runs. <c>quick</c> keeps a prefix of the trace list.
/// </summary>
public static class PagingTraceSets
{
    /// <summary>Cache size of the data set (10 for BK, 100 for Citi).</summary>
    public static int CacheSize(string dataset) => dataset == "citi" ? 100 : 10;

    /// <summary>Whether the real traces are used for this options object.</summary>
    public static bool IsReal(StudyOptions options) =>
        options.DataDirectory is not null && Directory.Exists(Path.Combine(options.DataDirectory, "paging", "brightkite"));

    /// <summary>Label for tables: "BrightKite" / "CitiBike", or "generated BK-like" when data is absent.</summary>
    public static string Label(string dataset, StudyOptions options) =>
        (dataset == "citi" ? "CitiBike" : "BrightKite") + (IsReal(options) ? "" : " (generated stand-in)");

    /// <summary>The trace files <see cref="Load"/> reads (sorted by name, the first <paramref name="limit"/>);
    /// empty when the traces are generated.</summary>
    public static IReadOnlyList<string> Files(string dataset, StudyOptions options, int limit = int.MaxValue)
    {
        if (!IsReal(options)) return Array.Empty<string>();
        string sub = dataset == "citi" ? "citibike" : "brightkite";
        var dir = Path.Combine(options.DataDirectory!, "paging", sub);
        if (!Directory.Exists(dir))
            throw new InvalidOperationException($"--data {options.DataDirectory}: paging/brightkite is present but paging/{sub} is missing (the paging studies read both)");
        var files = Directory.GetFiles(dir, "*.txt");
        if (files.Length == 0)
            throw new InvalidOperationException($"--data {options.DataDirectory}: paging/{sub} holds no *.txt trace");
        Array.Sort(files, StringComparer.Ordinal);
        return files.Length <= limit ? files : files[..limit];
    }

    /// <summary>Loads (or generates) the traces; <paramref name="limit"/> keeps the first traces only.</summary>
    public static IReadOnlyList<RequestSequence> Load(string dataset, StudyOptions options, int limit = int.MaxValue)
    {
        var list = new List<RequestSequence>();
        if (IsReal(options))
        {
            foreach (var f in Files(dataset, options, limit))
            {
                using var stream = File.OpenRead(f); // the stream overload: invalid UTF-8 is an error, not U+FFFD
                list.Add(TextTraceReader.Read(stream, f));
            }
            return list;
        }
        bool citi = dataset == "citi";
        int traces = Math.Min(limit, citi ? 12 : 100), n = citi ? 25_000 : 2_100, universe = citi ? 650 : 280;
        var rng = new Rng(citi ? 0xC171UL : 0xB4UL);
        for (int i = 0; i < traces; i++) list.Add(Generate(rng.Split(), n, universe));
        return list;
    }

    private static RequestSequence Generate(Rng rng, int n, int universe)
    {
        // Zipf-like popularity (exponent ≈ 1) over a working set whose offset drifts, with occasional bursts.
        var pages = new int[n];
        int offset = 0;
        for (int t = 0; t < n; t++)
        {
            if (rng.NextInt(500) == 0) offset = rng.NextInt(universe);
            double u = rng.NextDouble();
            int rank = (int)Math.Floor(Math.Pow(universe, u)) - 1;
            pages[t] = (offset + rank) % universe;
        }
        return RequestSequence.FromPages(pages);
    }
}
