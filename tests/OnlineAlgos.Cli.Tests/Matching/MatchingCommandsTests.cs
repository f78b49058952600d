using System.Globalization;
using OnlineAlgos.Cli;
using Xunit;

namespace OnlineAlgos.Cli.Tests.Matching;

public class MatchingCommandsTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, new CliContext(o, e, false));
        return (code, o.ToString(), e.ToString());
    }

    private static string Instance(string name) =>
        Path.Combine(RepoRoot(), "instances", "matching", name);

    private static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "OnlineAlgos.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static string Temp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), "matching-cli-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void SolvePrintsTheCsvContractWithExactValues()
    {
        var (code, output, err) = Run("matching", "solve", "--instance", Instance("f2-poisson-trap-n5.json"));
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,value,stderr,method", lines[0]);
        Assert.StartsWith("lp,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",0,lp", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("online_opt,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("offline_opt,", lines[3], StringComparison.Ordinal);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);
        Assert.Equal(1.04, double.Parse(rows["lp"][1], CultureInfo.InvariantCulture), 6);
        Assert.Equal(1.03672, double.Parse(rows["online_opt"][1], CultureInfo.InvariantCulture), 5);
        Assert.Equal("exact", rows["online_opt"][3]);
        Assert.Equal(0.77790, double.Parse(rows["pivotal"][1], CultureInfo.InvariantCulture), 5);
        Assert.Equal(0.71232, double.Parse(rows["pivotal-unscaled"][1], CultureInfo.InvariantCulture), 5);
        foreach (var name in new[] { "greedy", "threshold-greedy", "balanced-prices", "independent-proposals", "grouped-proposals", "pivotal-discard" })
            Assert.Equal("exact", rows[name][3]);
        Assert.Contains("pivotal: ratio to online_opt 0.750", err, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLargeForTheDpIsSkippedWithAReasonOrFailsWhenExactnessIsRequired()
    {
        string path = Instance("f2-poisson-trap-n10.json");
        var (code, output, err) = Run("matching", "solve", "--instance", path, "--max-dp-nodes", "8", "--samples", "2000");
        Assert.Equal(0, code);
        Assert.Contains("\nonline_opt,,,skipped\n", output, StringComparison.Ordinal);
        Assert.Contains("online_opt skipped", err, StringComparison.Ordinal);
        Assert.Contains("LP", err, StringComparison.Ordinal);
        var strict = Run("matching", "solve", "--instance", path, "--max-dp-nodes", "8", "--require-exact");
        Assert.Equal(1, strict.Code); // input error: the instance is too large for exactness
        Assert.Equal("", strict.Out);
        Assert.StartsWith("error: ", strict.Err, StringComparison.Ordinal);
        Assert.Contains("2^10", strict.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void GlopFailureIsAnErrorWithNoOutput()
    {
        var gen = Run("matching", "generate", "--family", "comp", "--steps", "30", "--offline", "30", "--seed", "3");
        Assert.Equal(0, gen.Code);
        string path = Temp(gen.Out);
        var (code, output, err) = Run("matching", "solve", "--instance", path, "--lp-max-iterations", "1");
        Assert.Equal(1, code); // solver failure on the instance
        Assert.Equal("", output);
        Assert.Contains("GLOP did not solve", err, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Theory]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"offline\": 1, \"steps\": [ { \"types\": [ { \"p\": 2, \"edges\": {} } ] } ] }", "$.steps[0].types[0].p")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"offline\": 1, \"steps\": [ { \"types\": [ { \"p\": 0.6, \"edges\": {} }, { \"p\": 0.6, \"edges\": {} } ] } ] }", "$.steps[0].types")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"offline\": 1, \"steps\": [ { \"types\": [ { \"p\": 0.5, \"edges\": { \"0\": -1 } } ] } ] }", "$.steps[0].types[0].edges['0']")]
    [InlineData("{ \"format\": \"onlinealgos.matching/1\", \"offline\": 1, \"steps\": [ { \"types\": [ { \"p\": 0.5, \"edges\": { \"4\": 1 } } ] } ] }", "$.steps[0].types[0].edges['4']")]
    [InlineData("not json", "line 1")]
    public void BadInstancesGiveOneClearErrorAndExitOne(string json, string position)
    {
        string path = Temp(json);
        var (code, output, err) = Run("matching", "solve", "--instance", path);
        Assert.Equal(1, code); // input error
        Assert.Equal("", output);
        Assert.StartsWith("error: " + path + ": " + position, err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        File.Delete(path);
    }

    [Fact]
    public void MissingFileAndBadOptionsAreClearErrors()
    {
        var missing = Run("matching", "solve", "--instance", "/nonexistent/x.json");
        Assert.Equal(1, missing.Code); // input error
        Assert.Contains("no such file", missing.Err, StringComparison.Ordinal);
        var seed = Run("matching", "solve", "--instance", Instance("f1-prophet-gap.json"), "--seed", "-3");
        Assert.Equal(2, seed.Code);
        Assert.Contains("--seed", seed.Err, StringComparison.Ordinal);
        var fam = Run("matching", "generate", "--family", "xyz");
        Assert.Equal(2, fam.Code);
        Assert.Contains("unknown family", fam.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("er", "2")]
    [InlineData("er", "-0.1")]
    [InlineData("er", "NaN")]
    [InlineData("ba", "2.5")]
    [InlineData("ba", "0")]
    [InlineData("geom", "0")]
    [InlineData("f1", "0")]
    [InlineData("f6", "-1")]
    [InlineData("comp", "0.5")]
    public void GenerateRefusesAParamOutsideTheFamilysDomain(string family, string value)
    {
        var (code, output, err) = Run("matching", "generate", "--family", family, "--param", value);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: --param: family {family} takes", err, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateWithEdgeProbabilityOneIsComplete()
    {
        var (code, output, _) = Run("matching", "generate", "--family", "er", "--param", "1", "--steps", "3", "--offline", "4");
        Assert.Equal(0, code);
        var inst = OnlineAlgos.Matching.Formats.MatchingJsonReader.ParseText(output, "er");
        Assert.Equal(12, inst.EdgeCount);
    }

    [Fact]
    public void GenerateWritesReadableInstances()
    {
        foreach (var family in new[] { "er", "ba", "geom", "comp", "f1", "f2", "f3", "f6", "f7" })
        {
            var (code, output, _) = Run("matching", "generate", "--family", family, "--steps", "5", "--offline", "4", "--vertex-weighted");
            Assert.Equal(0, code);
            var inst = OnlineAlgos.Matching.Formats.MatchingJsonReader.ParseText(output, family);
            Assert.True(inst.StepCount > 0);
        }
    }
}
