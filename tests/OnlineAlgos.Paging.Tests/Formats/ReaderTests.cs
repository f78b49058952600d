using System.Buffers.Binary;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using Xunit;

namespace OnlineAlgos.Paging.Tests.Formats;

public class ReaderTests
{
    private static RequestSequence Text(string s) => TextTraceReader.Read(new StringReader(s), "t.txt");

    private static InstanceFormatException TextError(string s) =>
        Assert.Throws<InstanceFormatException>(() => Text(s));

    [Fact]
    public void ReadsIdsRemappedInFirstRequestOrder()
    {
        var s = Text("# comment\nb\na\nb\nc\n");
        Assert.Equal(new[] { 0, 1, 0, 2 }, s.Requests.ToArray());
        Assert.Equal(3, s.PageCount);
        Assert.Equal("a", s.PageId(1));
        Assert.False(s.HasBits);
    }

    [Fact]
    public void ReadsBitsAndToleratesMissingFinalNewline()
    {
        var s = Text("x 1\ny 0\nx\t1");
        Assert.Equal(new byte[] { 1, 0, 1 }, s.Bits.ToArray());
    }

    [Fact]
    public void BlankLineInsideIsAnError() =>
        Assert.Equal("t.txt: line 2: a request 'ID [BIT]' (blank lines are not allowed inside a trace)", TextError("a\n\nb\n").Message);

    [Fact]
    public void TrailingBlankLinesAreFine() => Assert.Equal(2, Text("a\nb\n\n\n").Length);

    [Theory]
    [InlineData("a 2\n", 1, "prediction bit 0 or 1")]
    [InlineData("a x\n", 1, "prediction bit 0 or 1")]
    [InlineData("a 0 1\n", 1, "prediction bit 0 or 1")]
    [InlineData("a 1\nb\n", 2, "line 1 has a bit")]
    [InlineData("a\nb 1\n", 2, "line 1 has no prediction bit")]
    public void BadBitsNameTheLine(string text, int line, string expected)
    {
        var e = TextError(text);
        Assert.Equal(line, e.Line);
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("t.txt: line " + line + ":", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("\n\n")]
    public void EmptyTraceIsAnError(string text) => Assert.Contains("the trace is empty", TextError(text).Message);

    [Fact]
    public void NulBytesSuggestTheBinaryFormat() => Assert.Contains("oracleGeneral", TextError("a\0b\n").Message);

    [Fact]
    public void WriterRoundTrips()
    {
        var s = Text("p 1\nq 0\np 0\n");
        var back = Text(TextTraceWriter.ToText(s, "k=3"));
        Assert.Equal(s.Requests.ToArray(), back.Requests.ToArray());
        Assert.Equal(s.Bits.ToArray(), back.Bits.ToArray());
        Assert.Equal("p", back.PageId(0));
    }

    [Fact]
    public void CsvWithHeaderFindsObjId()
    {
        var s = CsvTraceReader.Read(new StringReader("time,obj_id,size\n1,10,4\n2,11,4\n3,10,4\n"), "t.csv");
        Assert.Equal(new[] { 0, 1, 0 }, s.Requests.ToArray());
        Assert.Equal("11", s.PageId(1));
    }

    [Fact]
    public void CsvWithoutHeaderUsesTheGivenColumn()
    {
        var s = CsvTraceReader.Read(new StringReader("1,a\n2,\"b,c\"\n3,a\n"), "t.csv", idColumn: 2);
        Assert.Equal("b,c", s.PageId(1));
        Assert.Equal(3, s.Length);
    }

    [Theory]
    [InlineData("time,obj_id\n1,\n", 2, "non-empty object id")]
    [InlineData("time,obj_id\n1,5\n2\n", 3, "at least 2 columns")]
    [InlineData("time,obj_id\n1,5\n\n2,6\n", 3, "blank lines")]
    [InlineData("time,obj_id\n1,\"5\n", 2, "closing quote")]
    public void CsvErrorsNameTheLine(string text, int line, string expected)
    {
        var e = Assert.Throws<InstanceFormatException>(() => CsvTraceReader.Read(new StringReader(text), "t.csv"));
        Assert.Equal(line, e.Line);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void CsvEmptyFileIsAnError() =>
        Assert.Contains("empty", Assert.Throws<InstanceFormatException>(() => CsvTraceReader.Read(new StringReader(""), "t.csv")).Message);

    [Fact]
    public void OracleGeneralRoundTripsAndKeepsIds()
    {
        var s = RequestSequence.FromPages(new[] { 900, 7, 900, 12, 7 });
        var ms = new MemoryStream();
        OracleGeneralReader.Write(ms, s);
        Assert.Equal(5 * 24, ms.Length);
        var bytes = ms.ToArray();
        Assert.Equal(2, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16, 8))); // next access of request 0
        Assert.Equal(-1, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24 * 4 + 16, 8)));
        var back = OracleGeneralReader.Read(new MemoryStream(bytes), "t.bin");
        Assert.Equal(s.Requests.ToArray(), back.Requests.ToArray());
        Assert.Equal("900", back.PageId(0));
        Assert.Equal(BeladyPaging.Faults(s, 2), BeladyPaging.Faults(back, 2));
    }

    [Fact]
    public void OracleGeneralTruncatedRecordNamesTheRecord()
    {
        var ms = new MemoryStream();
        OracleGeneralReader.Write(ms, RequestSequence.FromPages(new[] { 1, 2, 3 }));
        var cut = ms.ToArray()[..(24 * 2 + 10)];
        var e = Assert.Throws<InstanceFormatException>(() => OracleGeneralReader.Read(new MemoryStream(cut), "t.bin"));
        Assert.Equal("t.bin: record 2: a complete 24-byte oracleGeneral record (uint32 time, uint64 id, uint32 size, int64 next), found 10 trailing bytes: truncated file?", e.Message);
    }

    [Fact]
    public void OracleGeneralEmptyIsAnError() =>
        Assert.Contains("empty", Assert.Throws<InstanceFormatException>(() => OracleGeneralReader.Read(new MemoryStream(), "t.bin")).Message);

    /// <summary>Arbitrary bytes: each reader returns a trace or throws InstanceFormatException, nothing else
    /// (2,000 random inputs per reader, fixed seed, biased towards the formats' special characters).</summary>
    [Fact]
    public void ArbitraryBytesNeverCrashTheReaders()
    {
        var rng = new Rng(404);
        byte[] alphabet = "ab01 \t\n\r#,\"\0x9"u8.ToArray();
        for (int i = 0; i < 2000; i++)
        {
            var bytes = new byte[rng.NextInt(0, 80)];
            for (int j = 0; j < bytes.Length; j++)
                bytes[j] = rng.NextDouble() < 0.8 ? alphabet[rng.NextInt(alphabet.Length)] : (byte)rng.NextInt(256);
            Try(() => TextTraceReader.Read(new StreamReader(new MemoryStream(bytes)), "f"));
            Try(() => CsvTraceReader.Read(new StreamReader(new MemoryStream(bytes)), "f"));
            Try(() => CsvTraceReader.Read(new StreamReader(new MemoryStream(bytes)), "f", idColumn: 2, hasHeader: false));
            Try(() => OracleGeneralReader.Read(new MemoryStream(bytes), "f"));
        }

        static void Try(Func<RequestSequence> read)
        {
            try
            {
                var s = read();
                Assert.True(s.Length > 0);
            }
            catch (InstanceFormatException) { }
        }
    }
}
