namespace OnlineAlgos.GradientCoding.Tests;

/// <summary>Locates ../shared/data from the test's working folder (null when absent: tests then use generated data).</summary>
internal static class TestData
{
    public static string? StragglerTraces()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (int i = 0; i < 8 && dir is not null; i++, dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "data", "straggler-traces");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>The repository's instances/gradient-coding folder.</summary>
    public static string Instances()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? ".", "instances", "gradient-coding");
    }
}
