using System.Buffers.Binary;
using System.Text;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Model;
using Xunit;

namespace OnlineAlgos.Paging.Tests.Formats;

/// <summary>Issue 12 part 4: the paging readers' behaviour on bytes that are not a well-formed trace.</summary>
public class ReaderRobustnessTests
{
    private static MemoryStream Bytes(params byte[] b) => new(b);
    private static MemoryStream Utf8(string s) => new(Encoding.UTF8.GetBytes(s));

    private static InstanceFormatException Fails(Func<object> read) => Assert.Throws<InstanceFormatException>(read);

    // --- invalid UTF-8: used to decode to U+FFFD, so 0xFF and 0xFE became one page ---

    [Fact]
    public void TextInvalidUtf8IsAnErrorNamingTheLine()
    {
        var e = Fails(() => TextTraceReader.Read(Bytes((byte)'a', (byte)'\n', 0xFF, (byte)'\n', 0xFE, (byte)'\n'), "t.txt"));
        Assert.Equal(2, e.Line);
        Assert.StartsWith("t.txt: line 2: valid UTF-8", e.Message);
        Assert.Contains("0xFF", e.Message);
    }

    [Fact]
    public void CsvInvalidUtf8IsAnErrorNamingTheLine()
    {
        var e = Fails(() => CsvTraceReader.Read(Bytes("obj_id\n1\n"u8.ToArray().Concat(new byte[] { (byte)'x', 0xC3, (byte)'\n' }).ToArray()), "t.csv"));
        Assert.Equal(3, e.Line);
        Assert.Contains("valid UTF-8", e.Message);
    }

    [Fact]
    public void BitFileInvalidUtf8IsAnErrorNamingTheLine()
    {
        var e = Fails(() => BitFileReader.Read(Bytes((byte)'0', (byte)'\n', 0xC0, 0x80, (byte)'\n'), "b.txt"));
        Assert.Equal(2, e.Line);
        Assert.Contains("valid UTF-8", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]        // encoded surrogate U+D800
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]  // beyond U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82 })]              // truncated sequence at the end of the line
    [InlineData(new byte[] { 0xC1, 0xBF })]              // overlong
    public void TextRejectsEachKindOfInvalidSequence(byte[] bad)
    {
        var bytes = new byte[] { (byte)'a', (byte)'\n' }.Concat(bad).Concat(new byte[] { (byte)'\n' }).ToArray();
        Assert.Equal(2, Fails(() => TextTraceReader.Read(Bytes(bytes), "t.txt")).Line);
    }

    [Fact]
    public void ValidMultiByteIdsAreDistinctPages()
    {
        var s = TextTraceReader.Read(Utf8("é\nè\né\n😀\n"), "t.txt");
        Assert.Equal(new[] { 0, 1, 0, 2 }, s.Requests.ToArray());
        Assert.Equal("😀", s.PageId(2));
    }

    [Fact]
    public void TextReaderOverloadRejectsALoneSurrogate()
    {
        var e = Fails(() => TextTraceReader.Read(new StringReader("a\nb\ud800\n"), "t.txt"));
        Assert.Equal(2, e.Line);
        Assert.Contains("surrogate", e.Message);
    }

    // --- BOM, CRLF, blank lines ---

    [Fact]
    public void ByteOrderMarkIsSkipped()
    {
        var s = TextTraceReader.Read(Bytes(new byte[] { 0xEF, 0xBB, 0xBF }.Concat("a\nb\na\n"u8.ToArray()).ToArray()), "t.txt");
        Assert.Equal("a", s.PageId(0));
        Assert.Equal(new[] { 0, 1, 0 }, s.Requests.ToArray());
        var c = CsvTraceReader.Read(Bytes(new byte[] { 0xEF, 0xBB, 0xBF }.Concat("obj_id,size\n7,1\n8,1\n"u8.ToArray()).ToArray()), "t.csv");
        Assert.Equal("7", c.PageId(0));
        Assert.Equal(2, c.Length);
        var t = TextTraceReader.Read(new StringReader("\ufeffa\nb\n"), "t.txt");
        Assert.Equal("a", t.PageId(0));
    }

    [Fact]
    public void ByteOrderMarkAfterTheStartIsPartOfTheId()
    {
        var s = TextTraceReader.Read(Utf8("a\n\ufeffa\n"), "t.txt");
        Assert.Equal(2, s.PageCount);
    }

    [Fact]
    public void CrlfLineEndingsReadLikeLf()
    {
        var s = TextTraceReader.Read(Utf8("# c\r\na 1\r\nb 0\r\na 1\r\n"), "t.txt");
        Assert.Equal(new[] { 0, 1, 0 }, s.Requests.ToArray());
        Assert.Equal(new byte[] { 1, 0, 1 }, s.Bits.ToArray());
        Assert.Equal("b", s.PageId(1));
        var c = CsvTraceReader.Read(Utf8("time,obj_id\r\n1,x\r\n2,y\r\n"), "t.csv");
        Assert.Equal("y", c.PageId(1));
        Assert.Equal(new byte[] { 0, 1 }, BitFileReader.Read(Utf8("0\r\n1\r\n"), "b"));
    }

    [Fact]
    public void CrlfBlankLineInsideIsAnError() =>
        Assert.Equal(2, Fails(() => TextTraceReader.Read(Utf8("a\r\n\r\nb\r\n"), "t.txt")).Line);

    [Fact]
    public void StreamAndTextReaderOverloadsAgreeOnLineBreaks()
    {
        foreach (var text in new[] { "a\rb\n", "a\r\rb", "a\n\rb\n", "x\n# c\r\ny\r" })
        {
            RequestSequence? fromText = null, fromBytes = null;
            string? textError = null, bytesError = null;
            try { fromText = TextTraceReader.Read(new StringReader(text), "t"); } catch (InstanceFormatException e) { textError = e.Message; }
            try { fromBytes = TextTraceReader.Read(Utf8(text), "t"); } catch (InstanceFormatException e) { bytesError = e.Message; }
            Assert.Equal(textError, bytesError);
            if (fromText is not null)
            {
                Assert.Equal(fromText.Requests.ToArray(), fromBytes!.Requests.ToArray());
                Assert.Equal(fromText.PageCount, fromBytes.PageCount);
            }
        }
    }

    [Fact]
    public void BitFileBlankLineInsideIsAnErrorButNotAtTheEnd()
    {
        Assert.Equal(2, Fails(() => BitFileReader.Read(Utf8("0\n\n1\n"), "b")).Line);
        Assert.Equal(new byte[] { 0, 1 }, BitFileReader.Read(Utf8("0\n1\n\n"), "b"));
    }

    [Theory]
    [InlineData("2\n", 1)]
    [InlineData("0\n01\n", 2)]
    [InlineData("0\n-1\n", 2)]
    [InlineData("1\n0 1\n", 2)]
    [InlineData("1\n１\n", 2)] // fullwidth digit one
    public void BitFileRejectsBitsOtherThan0And1(string text, int line) =>
        Assert.Equal(line, Fails(() => BitFileReader.Read(Utf8(text), "b")).Line);

    [Theory]
    [InlineData("a ١\n")] // Arabic-Indic digit one
    [InlineData("a 1 \u00a0 0\n")]
    [InlineData("a +1\n")]
    public void TextRejectsBitsOtherThan0And1(string text) =>
        Assert.Equal(1, Fails(() => TextTraceReader.Read(Utf8(text), "t")).Line);

    // --- oracleGeneral ---

    private static byte[] Oracle(params ulong[] ids)
    {
        var b = new byte[ids.Length * OracleGeneralReader.RecordSize];
        for (int i = 0; i < ids.Length; i++)
        {
            var r = b.AsSpan(i * 24, 24);
            BinaryPrimitives.WriteUInt32LittleEndian(r, (uint)i);
            BinaryPrimitives.WriteUInt64LittleEndian(r[4..], ids[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(r[12..], 4096);
            BinaryPrimitives.WriteInt64LittleEndian(r[16..], -1);
        }
        return b;
    }

    [Fact]
    public void OracleGeneralSpanAndStreamOverloadsAgree()
    {
        ulong[] ids = [0, ulong.MaxValue, 5, 0, 1UL << 63, ulong.MaxValue, 5, 42];
        var bytes = Oracle(ids);
        var a = OracleGeneralReader.Read(bytes, "t.bin");
        var b = OracleGeneralReader.Read(new MemoryStream(bytes), "t.bin");
        Assert.Equal(new[] { 0, 1, 2, 0, 3, 1, 2, 4 }, a.Requests.ToArray());
        Assert.Equal(a.Requests.ToArray(), b.Requests.ToArray());
        Assert.Equal("18446744073709551615", a.PageId(1));
        Assert.Equal("9223372036854775808", b.PageId(3));
        Assert.Equal("0", a.PageId(0));
        Assert.Equal(5, a.PageCount);
    }

    [Fact]
    public void OracleGeneralTruncatedInTheSpanOverloadNamesTheRecord()
    {
        var bytes = Oracle(1, 2, 3)[..(24 * 2 + 23)];
        var e = Fails(() => OracleGeneralReader.Read(bytes, "t.bin"));
        Assert.Equal("record 2", e.Position);
        Assert.Contains("found 23 trailing bytes", e.Message);
    }

    /// <summary>A stream that hands out at most 7 bytes per Read (and cannot seek), so records straddle reads.</summary>
    private sealed class Trickle(byte[] data) : Stream
    {
        private int _pos;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 7), data.Length - _pos);
            Array.Copy(data, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void OracleGeneralReadsANonSeekableTrickle()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => (ulong)(i * 7919 % 613) * 0x9E3779B97F4A7C15UL).ToArray();
        var bytes = Oracle(ids);
        var a = OracleGeneralReader.Read(new Trickle(bytes), "t.bin");
        var expected = RequestSequence.FromPages(ids.Select(i => (int)(i % 1_000_003)).ToArray());
        Assert.Equal(expected.Requests.ToArray(), a.Requests.ToArray());
        Assert.Equal(613, a.PageCount);
        var cut = Fails(() => OracleGeneralReader.Read(new Trickle(bytes[..^5]), "t.bin"));
        Assert.Equal("record 4999", cut.Position);
    }

    [Fact]
    public void TextAndCsvReadANonSeekableTrickle()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) sb.Append("pägé").Append(i % 97).Append(i % 2 == 0 ? " 1\r\n" : " 0\r\n");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        var a = TextTraceReader.Read(new Trickle(bytes), "t");
        var b = TextTraceReader.Read(new StringReader(sb.ToString()), "t");
        Assert.Equal(b.Requests.ToArray(), a.Requests.ToArray());
        Assert.Equal(b.Bits.ToArray(), a.Bits.ToArray());
        Assert.Equal("pägé5", a.PageId(5));
    }

    // --- limits: checked before allocating, reported as format errors rather than overflow or OutOfMemory ---

    [Fact]
    public void OracleGeneralRecordLimitIsCheckedBeforeReading()
    {
        var bytes = Oracle(1, 2, 3, 4);
        var e = Fails(() => OracleGeneralReader.Read(new MemoryStream(bytes), "t.bin", maxRecords: 3));
        Assert.Contains("at most 3 oracleGeneral records (the trace has 4", e.Message);
        Assert.Contains("at most 3", Fails(() => OracleGeneralReader.Read(bytes, "t.bin", maxRecords: 3)).Message);
        Assert.Contains("at most 3", Fails(() => OracleGeneralReader.Read(new Trickle(bytes), "t.bin", maxRecords: 3)).Message);
        Assert.Equal(4, OracleGeneralReader.Read(new Trickle(bytes), "t.bin", maxRecords: 4).Length);
    }

    [Fact]
    public void OracleGeneralDistinctIdLimitNamesTheRecord()
    {
        var bytes = Oracle(1, 2, 1, 2, 3);
        var e = Fails(() => OracleGeneralReader.Read(bytes, "t.bin", int.MaxValue, maxPages: 2));
        Assert.Equal("record 4", e.Position);
        Assert.Contains("at most 2 distinct page ids", e.Message);
        Assert.Equal(2, OracleGeneralReader.Read(bytes.AsSpan(0, 4 * 24), "t.bin", int.MaxValue, maxPages: 2).PageCount);
    }

    [Fact]
    public void OracleGeneralSpanAndStreamPathsAgreeOnALargeTrace()
    {
        // 1.5M records: the span path (what the CLI runs over the mapped file) and the chunked stream path must give
        // the same first-occurrence dense ids, page ids and limit errors.
        var rng = new Rng(12);
        var ids = new ulong[1_500_000];
        for (int i = 0; i < ids.Length; i++)
            ids[i] = rng.NextDouble() < 0.5 ? (ulong)rng.NextInt(1000) : rng.NextUInt64() | 1UL << 63; // hot + cold ids
        var bytes = Oracle(ids);
        var par = OracleGeneralReader.Read(bytes, "t.bin");
        var seq = OracleGeneralReader.Read(new MemoryStream(bytes), "t.bin");
        Assert.Equal(seq.PageCount, par.PageCount);
        Assert.True(seq.Requests.SequenceEqual(par.Requests));
        for (int p = 0; p < seq.PageCount; p += 997) Assert.Equal(seq.PageId(p), par.PageId(p));
        Assert.Equal(ids[^1].ToString(System.Globalization.CultureInfo.InvariantCulture), par.PageId(par.Requests[^1]));
        // a distinct-id limit is reported at the same record by both paths
        int limit = par.Requests[1_200_000] + 1;
        var ePar = Fails(() => OracleGeneralReader.Read(bytes, "t.bin", int.MaxValue, maxPages: limit));
        var eSeq = Fails(() => OracleGeneralReader.Read(new MemoryStream(bytes), "t.bin", int.MaxValue, maxPages: limit));
        Assert.Equal(eSeq.Position, ePar.Position);
    }

    [Fact]
    public void PageIdTableRemapsManyIdsExactly()
    {
        // grows through several doublings; ids chosen to collide in the low bits
        var table = new PageIdTable(8);
        for (int round = 0; round < 2; round++)
            for (int i = 0; i < 100_000; i++)
                Assert.Equal(i, table.GetOrAdd((ulong)i << 40, "t", i));
        Assert.Equal(100_000, table.Count);
        Assert.Equal(99_999UL << 40, table.Ids()[99_999]);
    }

    [Fact]
    public void TextRequestLimitNamesTheLine()
    {
        var e = Fails(() => TextTraceReader.Read(Utf8("a\n# c\nb\nc\n"), "t.txt", maxRequests: 2));
        Assert.Equal(4, e.Line);
        Assert.Contains("at most 2 requests", e.Message);
    }

    [Fact]
    public void ALineWithoutBreaksBeyond1MiBIsAnError()
    {
        var bytes = new byte[Utf8LineReader.MaxLineBytes + 10];
        bytes.AsSpan().Fill((byte)'x');
        bytes[0] = (byte)'a';
        bytes[1] = (byte)'\n';
        var e = Fails(() => TextTraceReader.Read(new MemoryStream(bytes), "t.txt"));
        Assert.Equal(2, e.Line);
        Assert.Contains("a line of at most 1048576 bytes", e.Message);
        Assert.Equal(2, Fails(() => CsvTraceReader.Read(new MemoryStream(bytes), "t.csv")).Line);
    }
}
