using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Tests.Predictions;

/// <summary>Locates ../shared/data/paging by walking up from the test assembly and loads the BK / Citi traces.</summary>
internal static class AcepsTraces
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "paging");
            if (Directory.Exists(Path.Combine(candidate, "brightkite")) && Directory.Exists(Path.Combine(candidate, "citibike")))
                return candidate;
        }
        return null;
    });

    private static readonly Lazy<IReadOnlyList<RequestSequence>> Bk = new(() => Load("brightkite"));
    private static readonly Lazy<IReadOnlyList<RequestSequence>> Citi = new(() => Load("citibike"));

    public static string? Folder => Root.Value;
    public static bool Present => Root.Value is not null;
    public static IReadOnlyList<RequestSequence> BrightKite => Bk.Value;
    public static IReadOnlyList<RequestSequence> CitiBike => Citi.Value;

    private static IReadOnlyList<RequestSequence> Load(string name)
    {
        var dir = Path.Combine(Root.Value ?? throw new InvalidOperationException("data folder absent"), name);
        var files = Directory.GetFiles(dir, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        var list = new List<RequestSequence>();
        foreach (var f in files)
        {
            using var reader = new StreamReader(f);
            list.Add(TextTraceReader.Read(reader, f));
        }
        return list;
    }
}
