using Xunit;

namespace OnlineAlgos.TestSupport;

/// <summary>
/// Finds <c>../shared/data</c> (beside the checkout) for tests that read real inputs. Absent data makes such a test
/// report <em>skipped</em> (never passed); with <c>ONLINEALGOS_REQUIRE_DATA=1</c> (set by <c>.ci/run</c>) it fails.
/// Use it from a <c>[SkippableFact]</c> / <c>[SkippableTheory]</c> (package Xunit.SkippableFact).
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
            candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    });

    /// <summary>Whether data is required (CI): a missing folder then fails instead of skipping.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("ONLINEALGOS_REQUIRE_DATA") == "1";

    /// <summary>The data folder, or null when absent.</summary>
    public static string? Folder => Root.Value;

    /// <summary>The sub-folder (e.g. <c>paging/brightkite</c>) when present, else null.</summary>
    public static string? Find(string relative)
    {
        if (Root.Value is null) return null;
        string path = Path.Combine(Root.Value, relative);
        return Directory.Exists(path) || File.Exists(path) ? path : null;
    }

    /// <summary>The sub-folder or file; skips the test when it is absent, or fails when data is required.</summary>
    public static string Require(string relative)
    {
        string? path = Find(relative);
        if (path is not null) return path;
        string why = $"../shared/data/{relative} not found above {AppContext.BaseDirectory}";
        if (Required) Assert.Fail("ONLINEALGOS_REQUIRE_DATA=1 but " + why);
        Skip.If(true, why);
        return "";
    }
}
