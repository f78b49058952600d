using System.Buffers.Binary;
using Xunit;

namespace OnlineAlgos.Cli.Tests;

/// <summary>Issue 12: how <c>paging run</c> opens traces (strict UTF-8 text, memory-mapped oracleGeneral).</summary>
public class PagingTraceInputTests : CliTestBase
{
    [Fact]
    public void InvalidUtf8InATextTraceIsAnErrorNamingFileAndLine()
    {
        // Before: \xff and \xfe both decoded to U+FFFD, one page, so LRU with k = 1 had 1 fault instead of 2.
        string t = File("bad.txt", new byte[] { 0xFF, (byte)'\n', 0xFE, (byte)'\n' });
        var (code, stdout, stderr) = Run("paging", "run", "--trace", t, "--k", "1", "--algorithms", "lru");
        Assert.NotEqual(0, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: " + t + ": line 1: valid UTF-8", stderr);
    }

    [Fact]
    public void InvalidUtf8InAPredictionFileIsAnError()
    {
        string t = File("t.txt", "a\nb\n");
        string b = File("b.txt", new byte[] { (byte)'0', (byte)'\n', 0xC3, (byte)'\n' });
        var (code, _, stderr) = Run("paging", "run", "--trace", t, "--k", "1", "--algorithms", "mark0", "--bits", b);
        Assert.NotEqual(0, code);
        Assert.Contains(b + ": line 2: valid UTF-8", stderr);
    }

    [Fact]
    public void MappedOracleGeneralAgreesWithTheTextTrace()
    {
        ulong[] ids = [9, ulong.MaxValue, 9, 3, ulong.MaxValue, 4, 9, 3];
        var bytes = new byte[ids.Length * 24];
        for (int i = 0; i < ids.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 24 + 4), ids[i]);
        string bin = File("t.bin", bytes);
        string txt = File("t.txt", string.Join("\n", ids) + "\n");
        var a = Run("paging", "run", "--trace", bin, "--format", "oracleGeneral", "--k", "1,2,3", "--algorithms", "lru,fifo,belady");
        var b = Run("paging", "run", "--trace", txt, "--k", "1,2,3", "--algorithms", "lru,fifo,belady");
        Assert.Equal(0, a.Code);
        Assert.Equal(b.Out, a.Out);
        Assert.Contains("belady,2,8,5\n", a.Out); // 9 M 9 3 M 4 9 3: hand-checked FitF
        var cut = Run("paging", "run", "--trace", File("cut.bin", bytes[..^1]), "--format", "oracleGeneral", "--k", "1");
        Assert.NotEqual(0, cut.Code);
        Assert.Contains("record 7: a complete 24-byte oracleGeneral record", cut.Err);
    }
}
