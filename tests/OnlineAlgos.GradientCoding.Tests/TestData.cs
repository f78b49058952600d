namespace OnlineAlgos.GradientCoding.Tests;

/// <summary>Locates the repository's instances folder (data under ../shared/data: use SharedData).</summary>
internal static class TestData
{
    /// <summary>The repository's instances/gradient-coding folder.</summary>
    public static string Instances()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? ".", "instances", "gradient-coding");
    }
}
