using OnlineAlgos.Cli;
using Xunit;

namespace OnlineAlgos.Cli.Tests.Scheduling;

public class SchedulingCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, new CliContext(o, e, false));
        return (code, o.ToString(), e.ToString());
    }

    private static string Temp(string text, string ext = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), "sched-" + Guid.NewGuid().ToString("N") + ext);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Tests5 = """
        {"format": "onlinealgos.scheduling/1", "jobs": [
          {"id": 0, "release": 0, "operations": [1, 3]}, {"id": 1, "release": 0, "operations": [1, 0]},
          {"id": 2, "release": "1/2", "operations": [1, 1]}, {"id": 3, "release": 2, "operations": [1, 5]},
          {"id": 4, "release": 3, "operations": [1, "1/2"]}]}
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RunPrintsTheContractCsv(bool exact)
    {
        var path = Temp(Tests5);
        var args = new List<string> { "scheduling", "run", "--instance", path, "--algorithms", "opsrpt,rr,slf-op" };
        if (exact) args.Add("--exact");
        var (code, output, err) = Run(args.ToArray());
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal("algorithm,total_flow_time,ratio\nopt,26,1\nopsrpt,31,1.1923076923076923\nrr,40.5,1.5576923076923077\nslf-op,32.5,1.25\n", output);
    }

    [Fact]
    public void RunReadsSwf()
    {
        var path = Temp("; h\n1 0 0 4 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1\n2 1 0 1 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1\n", ".swf");
        var (code, output, _) = Run("scheduling", "run", "--instance", path, "--format", "swf", "--load", "none", "--algorithms", "fifo");
        Assert.Equal(0, code);
        Assert.Equal("algorithm,total_flow_time,ratio\nopt,6,1\nfifo,8,1.3333333333333333\n", output);
    }

    [Theory]
    [InlineData("{\"format\": \"onlinealgos.scheduling/1\", \"jobs\": [{\"id\": 1, \"release\": -1, \"operations\": [1]}]}", "$.jobs[0].release")]
    [InlineData("{\"format\": \"onlinealgos.scheduling/1\", \"jobs\": [{\"id\": 1, \"release\": 0, \"operations\": []}]}", "$.jobs[0].operations")]
    [InlineData("{\"format\": \"onlinealgos.scheduling/1\", \"jobs\": [{\"id\": 1, \"release\": 0, \"operations\": [\"NaN\"]}]}", "$.jobs[0].operations[0]")]
    [InlineData("{\"format\": \"onlinealgos.scheduling/1\", \"jobs\": [{\"id\": 2, \"release\": 0, \"operations\": [1]}, {\"id\": 2, \"release\": 0, \"operations\": [1]}]}", "$.jobs[1].id")]
    public void BadJsonIsOneClearError(string text, string position)
    {
        var path = Temp(text);
        var (code, output, err) = Run("scheduling", "run", "--instance", path);
        Assert.Equal(1, code); // input error
        Assert.Equal("", output);
        Assert.StartsWith($"error: {path}: {position}: expected", err);
    }

    [Fact]
    public void BadSwfNamesFileAndLine()
    {
        var path = Temp("; h\n1 0 0 4 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1\n", ".swf");
        var (code, output, err) = Run("scheduling", "run", "--instance", path, "--format", "swf");
        Assert.Equal(1, code); // input error
        Assert.Equal("", output);
        Assert.StartsWith($"error: {path}: line 2: 18 whitespace-separated fields", err);
    }

    [Theory]
    [InlineData("--algorithms", "opsrpt,nope", "unknown algorithm 'nope'")]
    [InlineData("--format", "xml", "unknown format 'xml'")]
    [InlineData("--tie-rule", "random", "unknown tie rule 'random'; known: release-asc, release-desc, id")]
    public void BadOptions(string option, string value, string message)
    {
        var path = Temp(Tests5);
        var (code, output, err) = Run("scheduling", "run", "--instance", path, option, value);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, err);
    }

    [Fact]
    public void MissingFile()
    {
        var (code, _, err) = Run("scheduling", "run", "--instance", "/nonexistent/x.json");
        Assert.Equal(1, code); // input error
        Assert.Contains("no such file", err);
    }

    [Fact]
    public void GenerateWritesReadableJson()
    {
        var (code, output, _) = Run("scheduling", "generate", "--family", "chain", "--param", "16");
        Assert.Equal(0, code);
        var path = Temp(output);
        var (code2, csv, _) = Run("scheduling", "run", "--instance", path, "--algorithms", "opsrpt", "--exact");
        Assert.Equal(0, code2);
        Assert.Equal("algorithm,total_flow_time,ratio\nopt,44,1\nopsrpt,100,2.272727272727273\n", csv);
    }
}
