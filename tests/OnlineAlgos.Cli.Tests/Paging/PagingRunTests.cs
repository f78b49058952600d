using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Model;
using Xunit;

namespace OnlineAlgos.Cli.Tests.Paging;

public sealed class PagingRunTests : CliTestBase
{
    [Fact]
    public void PrintsTheContractCsv()
    {
        // a b c a b: k=2 -> LRU 5, FIFO 5, Belady 4; k=3 -> 3 each.
        string trace = File("t.txt", "a\nb\nc\na\nb\n");
        var (code, stdout, stderr) = Run("paging", "run", "--trace", trace, "--k", "2,3", "--algorithms", "belady,lru,fifo");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal("algorithm,k,requests,faults\nbelady,2,5,4\nbelady,3,5,3\nlru,2,5,5\nlru,3,5,3\nfifo,2,5,5\nfifo,3,5,3\n", stdout);
    }

    [Fact]
    public void ReadsCsvAndOracleGeneral()
    {
        string csv = File("t.csv", "time,obj_id,size\n0,1,1\n1,2,1\n2,3,1\n3,1,1\n4,2,1\n");
        Assert.Equal("algorithm,k,requests,faults\nbelady,2,5,4\n", Run("paging", "run", "--trace", csv, "--format", "csv", "--k", "2", "--algorithms", "belady").Out);
        var ms = new MemoryStream();
        OracleGeneralReader.Write(ms, RequestSequence.FromPages([1, 2, 3, 1, 2]));
        string bin = File("t.bin", ms.ToArray());
        Assert.Equal("algorithm,k,requests,faults\nlru,2,5,5\n", Run("paging", "run", "--trace", bin, "--format", "oracleGeneral", "--k", "2", "--algorithms", "lru").Out);
    }

    [Fact]
    public void RandomizedAlgorithmsAreDeterministicFromTheSeed()
    {
        // 500 requests over 6 pages with k = 4: enough slack that both algorithms' faults depend on their coins.
        string trace = File("t.txt", string.Join("\n", Enumerable.Range(0, 500).Select(i => ((i * i * 31 + i * 7 + i / 3) % 6).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "\n");
        var a = Run("paging", "run", "--trace", trace, "--k", "4", "--algorithms", "rand,marker-rand", "--seed", "9");
        var b = Run("paging", "run", "--trace", trace, "--k", "4", "--algorithms", "rand,marker-rand", "--seed", "9");
        var c = Run("paging", "run", "--trace", trace, "--k", "4", "--algorithms", "rand,marker-rand", "--seed", "10");
        Assert.Equal(0, a.Code);
        Assert.Equal(0, c.Code);
        Assert.Equal(a.Out, b.Out);
        // The seed must reach the coins: seeds 9 and 10 give rand 220 vs 209 and marker-rand 206 vs 218 faults.
        string[] la = a.Out.TrimEnd('\n').Split('\n'), lc = c.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(3, la.Length);
        Assert.Equal(3, lc.Length);
        Assert.StartsWith("rand,4,500,", la[1], StringComparison.Ordinal);
        Assert.StartsWith("marker-rand,4,500,", la[2], StringComparison.Ordinal);
        Assert.NotEqual(la[1], lc[1]);
        Assert.NotEqual(la[2], lc[2]);
    }

    [Theory]
    [InlineData("a\n\nb\n", "line 2")]
    [InlineData("a 1\nb 2\n", "line 2: a prediction bit 0 or 1")]
    [InlineData("", "the trace is empty")]
    public void BadTraceGivesOneClearError(string content, string expected)
    {
        string trace = File("bad.txt", content);
        var (code, stdout, stderr) = Run("paging", "run", "--trace", trace, "--k", "2");
        Assert.Equal(1, code); // input error
        Assert.Equal("", stdout);
        Assert.StartsWith("error: " + trace + ":", stderr);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void EmptyCsvIdNamesTheLine()
    {
        string csv = File("bad.csv", "time,obj_id\n1,a\n2,\n");
        var (code, _, stderr) = Run("paging", "run", "--trace", csv, "--format", "csv", "--k", "2");
        Assert.Equal(1, code); // input error
        Assert.Contains("bad.csv: line 3: a non-empty object id", stderr);
    }

    [Fact]
    public void TruncatedBinaryNamesTheRecord()
    {
        string bin = File("cut.bin", new byte[30]);
        var (code, _, stderr) = Run("paging", "run", "--trace", bin, "--format", "oracleGeneral", "--k", "2");
        Assert.Equal(1, code); // input error
        Assert.Contains("cut.bin: record 1:", stderr);
    }

    [Theory]
    [InlineData("--k", "0", "--k expects positive integers")]
    [InlineData("--k", "-3", "--k expects positive integers")]
    [InlineData("--k", "ten", "--k expects positive integers")]
    [InlineData("--algorithms", "lru,optimal", "--algorithms: unknown paging algorithm 'optimal'; known: belady, lru, fifo, fwf, marker, mru, lifo, marker-rand, rand, follow-discard")]
    [InlineData("--format", "parquet", "unknown format 'parquet'")]
    [InlineData("--seed", "-1", "--seed expects")]
    public void BadOptionsGiveOneClearError(string option, string value, string expected)
    {
        string trace = File("t.txt", "a\nb\n");
        var args = new List<string> { "paging", "run", "--trace", trace };
        if (option != "--k") args.AddRange(["--k", "2"]);
        args.AddRange([option, value]);
        var (code, stdout, stderr) = Run([.. args]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void MissingFileAndMissingOption()
    {
        var (code, _, stderr) = Run("paging", "run", "--trace", Path.Combine(Dir, "nope.txt"), "--k", "2");
        Assert.Equal(1, code); // input error
        Assert.Contains("nope.txt: no such file", stderr);
        (code, _, stderr) = Run("paging", "run", "--k", "2");
        Assert.Equal(2, code); // usage error
        Assert.Contains("--trace", stderr);
    }
}
