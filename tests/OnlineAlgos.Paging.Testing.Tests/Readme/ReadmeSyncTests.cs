using Xunit;

namespace OnlineAlgos.Paging.Testing.Tests.Readme;

/// <summary>README's harness example must be this project's ClockPagingExample.cs, verbatim, so it stays true.</summary>
public class ReadmeSyncTests
{
    [Theory]
    [InlineData("ClockPagingExample.cs")]
    [InlineData("ReplayCounterexampleExample.cs")]
    public void ReadmeExampleIsTheCompiledExample(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        string readme = File.ReadAllText(Path.Combine(dir!.FullName, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        string example = File.ReadAllText(Path.Combine(dir.FullName, "tests", "OnlineAlgos.Paging.Testing.Tests", "Readme", file))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("```csharp\n" + example + "```", readme);
    }
}
