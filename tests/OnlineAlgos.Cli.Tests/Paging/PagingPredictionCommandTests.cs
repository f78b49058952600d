using Xunit;

namespace OnlineAlgos.Cli.Tests.Paging;

/// <summary><c>paging run</c> with one-bit predictions: sources, eta columns, and every bad-input case of issue 3.</summary>
public sealed class PagingPredictionCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "oa-paging-pred-" + Guid.NewGuid().ToString("N"));

    public PagingPredictionCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, new CliContext(o, e, interactive: false));
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Bits_from_the_trace_give_eta_columns()
    {
        // k = 2, a b c a b with bits 0 1 0 0 1; true discard labels 0 1 1 0 0 → η0 = 1 (t=2), η1 = 1 (t=4).
        var trace = File("t.txt", "a 0\nb 1\nc 0\na 0\nb 1\n");
        var (code, output, err) = Run("paging", "run", "--trace", trace, "--k", "2", "--algorithms", "belady,lru,mark0");
        Assert.Equal(0, code);
        Assert.Equal("algorithm,k,requests,faults,eta0,eta1\nbelady,2,5,4,,\nlru,2,5,5,,\nmark0,2,5,4,1,1\n", output);
        Assert.Empty(err);
    }

    /// <summary>Cache-Coliseum's ground truths and its algorithms from the CLI. k = 2, a b a c: its discard labels are
    /// 0 0 1 0 (at c both pages are never requested again and the lowest slot, a, goes), so with them
    /// follow-discard-coliseum and the eager-discard Mark0 (a's slot is emptied after t2; c fills it) cost OPT = 3 with
    /// η measured against the same convention; follower-robust and guard (exact arrivals) cost OPT.</summary>
    [Fact]
    public void Coliseum_ground_truth_and_algorithms()
    {
        var trace = File("t.txt", "a\nb\na\nc\n");
        var (code, output, err) = Run("paging", "run", "--trace", trace, "--k", "2", "--predict", "discard-coliseum",
            "--algorithms", "belady,follow-discard-coliseum,mark0-rand-coliseum,follower-robust,guard");
        Assert.Equal(0, code);
        Assert.Equal("algorithm,k,requests,faults,eta0,eta1\nbelady,2,4,3,,\nfollow-discard-coliseum,2,4,3,0,0\n"
            + "mark0-rand-coliseum,2,4,3,0,0\nfollower-robust,2,4,3,,\nguard,2,4,3,,\n", output);
        Assert.Empty(err);
        var (code2, output2, _) = Run("paging", "run", "--trace", trace, "--k", "2", "--predict", "phase-coliseum", "--algorithms", "mark-predict");
        Assert.Equal(0, code2);
        Assert.EndsWith(",0,0\n", output2, StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_polarity_is_flipped()
    {
        var trace = File("t.txt", "a 1\nb 0\nc 1\na 1\nb 0\n");
        var (code, output, _) = Run("paging", "run", "--trace", trace, "--k", "2", "--algorithms", "mark0", "--bit-meaning", "keep");
        Assert.Equal(0, code);
        Assert.Equal("algorithm,k,requests,faults,eta0,eta1\nmark0,2,5,4,1,1\n", output);
    }

    [Fact]
    public void Ground_truth_bits_give_opt_and_zero_errors()
    {
        var trace = File("t.txt", "a\nb\nc\na\nb\nd\na\nc\n");
        var (code, output, _) = Run("paging", "run", "--trace", trace, "--k", "2", "--algorithms", "belady,mark0,follow-discard,mark-predict,opt-marking", "--predict", "discard");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string opt = lines[1].Split(',')[3];
        Assert.Equal($"mark0,2,8,{opt},0,0", lines[2]);
        Assert.Equal($"follow-discard,2,8,{opt},0,0", lines[3]);
        Assert.StartsWith("mark-predict,2,8,", lines[4]);
    }

    [Fact]
    public void Noise_is_seeded_and_changes_errors()
    {
        var trace = File("t.txt", string.Join("\n", Enumerable.Range(0, 300).Select(i => ((i * 7) % 13).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "\n");
        string[] args = ["paging", "run", "--trace", trace, "--k", "3", "--algorithms", "mark0", "--predict", "discard", "--noise", "0.3", "--seed", "5"];
        var a = Run(args);
        var b = Run(args);
        Assert.Equal(0, a.Code);
        Assert.Equal(a.Out, b.Out);
        var cols = a.Out.Split('\n')[1].Split(',');
        Assert.True(long.Parse(cols[4], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(cols[5], System.Globalization.CultureInfo.InvariantCulture) > 0);
        var only0 = Run("paging", "run", "--trace", trace, "--k", "3", "--algorithms", "mark0", "--predict", "discard", "--noise0", "0.5");
        Assert.Equal("0", only0.Out.Split('\n')[1].Split(',')[5]); // η1 = 0 when only true 1s are flipped
    }

    [Fact]
    public void Separate_prediction_file_is_read()
    {
        var trace = File("t.txt", "a\nb\nc\na\nb\n");
        var bits = File("b.txt", "0\n1\n0\n0\n1\n");
        var (code, output, _) = Run("paging", "run", "--trace", trace, "--k", "2", "--algorithms", "mark0", "--bits", bits);
        Assert.Equal(0, code);
        Assert.Equal("algorithm,k,requests,faults,eta0,eta1\nmark0,2,5,4,1,1\n", output);
    }

    [Theory]
    [InlineData("a 0\nb 2\n", "line 2")]
    [InlineData("a 0\nb x\n", "line 2")]
    [InlineData("a 0\nb\n", "line 2")]
    public void Bad_bit_column(string content, string where)
    {
        var trace = File("bad.txt", content);
        var (code, output, err) = Run("paging", "run", "--trace", trace, "--k", "2", "--algorithms", "mark0");
        Assert.Equal(1, code); // input error
        Assert.Empty(output);
        Assert.Contains(where, err);
        Assert.Contains("bad.txt", err);
    }

    [Theory]
    [InlineData("0\n1\n0\n", "3 bits")]
    [InlineData("0\n1\n0\n1\n1\n1\n", "6 bits")]
    [InlineData("0\n1\n2\n0\n1\n", "line 3")]
    public void Prediction_file_length_or_content_mismatch(string content, string expected)
    {
        var trace = File("t.txt", "a\nb\nc\na\nb\n");
        var bits = File("bits.txt", content);
        var (code, output, err) = Run("paging", "run", "--trace", trace, "--k", "2", "--algorithms", "mark0", "--bits", bits);
        Assert.Equal(1, code); // input error
        Assert.Empty(output);
        Assert.Contains(expected, err);
        Assert.Contains("bits.txt", err);
    }

    [Theory]
    [InlineData("--noise", "-0.1")]
    [InlineData("--noise", "1.5")]
    [InlineData("--noise", "abc")]
    [InlineData("--noise0", "-1")]
    [InlineData("--noise1", "2")]
    [InlineData("--gamma", "0")]
    [InlineData("--gamma", "-3")]
    [InlineData("--epsilon", "0")]
    [InlineData("--epsilon", "1.2")]
    [InlineData("--sigma", "-1")]
    public void Out_of_range_parameters(string option, string value)
    {
        var trace = File("t.txt", "a\nb\nc\na\n");
        var (code, output, err) = Run("paging", "run", "--trace", trace, "--k", "2", "--algorithms", "mark0-robust", "--predict", "discard", option, value);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(option, err);
    }

    [Fact]
    public void Missing_or_conflicting_prediction_sources()
    {
        var plain = File("t.txt", "a\nb\nc\na\n");
        var withBits = File("tb.txt", "a 0\nb 0\nc 0\na 0\n");
        Assert.Contains("needs one prediction bit", Run("paging", "run", "--trace", plain, "--k", "2", "--algorithms", "mark0").Err);
        Assert.Contains("add --predict", Run("paging", "run", "--trace", plain, "--k", "2", "--algorithms", "mark0", "--noise", "0.1").Err);
        Assert.Contains("drop one", Run("paging", "run", "--trace", withBits, "--k", "2", "--algorithms", "mark0", "--predict", "discard").Err);
        Assert.Contains("not both", Run("paging", "run", "--trace", plain, "--k", "2", "--algorithms", "mark0", "--predict", "discard", "--noise", "0.1", "--noise0", "0.1").Err);
        Assert.Contains("discard or phase", Run("paging", "run", "--trace", plain, "--k", "2", "--algorithms", "mark0", "--predict", "both").Err);
        Assert.Contains("unknown paging algorithm 'mark1'; known: belady,", Run("paging", "run", "--trace", plain, "--k", "2", "--algorithms", "mark1").Err);
    }
}
