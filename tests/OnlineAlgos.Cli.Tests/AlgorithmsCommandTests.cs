using OnlineAlgos.Core;
using OnlineAlgos.Experiments;
using Xunit;

namespace OnlineAlgos.Cli.Tests;

/// <summary><c>onlinealgos algorithms</c> prints the registries (FORMATS.md), and README's feature tables are exactly
/// what the registries generate, so the two cannot drift apart.</summary>
public class AlgorithmsCommandTests : CliTestBase
{
    [Fact]
    public void Csv_has_the_contract_header_and_one_row_per_registered_algorithm()
    {
        var (code, output, err) = Run("algorithms");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("family,name,role,randomized,guarantee,source,reconstructed", lines[0]);
        Assert.Equal(AlgorithmCatalog.All.Count + 1, lines.Length);
        foreach (var f in AlgorithmCatalog.Families) Assert.NotEmpty(AlgorithmCatalog.Of(f));
        var keys = new HashSet<string>();
        foreach (var a in AlgorithmCatalog.All) Assert.True(keys.Add(a.Family + "/" + a.Name), "duplicate " + a.Name);
        Assert.Contains("paging,lru,online,no,", output, StringComparison.Ordinal);
        Assert.Contains("paging,belady,offline,no,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_row_splits_into_seven_fields()
    {
        var (_, output, _) = Run("algorithms");
        long n = 0;
        foreach (var line in output.TrimEnd('\n').Split('\n'))
            Assert.Equal(7, CsvLine.Split(line, "stdout", ++n).Count);
    }

    [Fact]
    public void Family_filter_and_unknown_family()
    {
        var (code, output, _) = Run("algorithms", "--family", "sgc");
        Assert.Equal(0, code);
        Assert.All(output.TrimEnd('\n').Split('\n')[1..], l => Assert.StartsWith("sgc,", l, StringComparison.Ordinal));
        var bad = Run("algorithms", "--family", "knapsack");
        Assert.Equal(2, bad.Code);
        Assert.Contains("unknown family 'knapsack'; known: paging, matching, scheduling, sgc, moe", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_feature_tables_are_generated_from_the_registries()
    {
        string readme = System.IO.File.ReadAllText(Path.Combine(RepoRoot(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var family in AlgorithmCatalog.Families)
        {
            string begin = $"<!-- algorithms:{family} (generated: onlinealgos algorithms --format markdown --family {family}) -->\n";
            string end = $"<!-- /algorithms:{family} -->";
            int i = readme.IndexOf(begin, StringComparison.Ordinal);
            Assert.True(i >= 0, $"README has no generated table for {family}");
            int j = readme.IndexOf(end, i, StringComparison.Ordinal);
            Assert.Equal(AlgorithmCatalog.Markdown(family), readme[(i + begin.Length)..j]);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
