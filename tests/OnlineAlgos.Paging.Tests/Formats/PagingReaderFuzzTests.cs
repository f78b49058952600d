using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Model;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.Paging.Tests.Formats;

/// <summary>
/// Issue 12 part 5: every paging reader, on ONLINEALGOS_FUZZ_ITERATIONS (default 10,000) mutated inputs from a fixed
/// seed, either returns a well-formed trace or throws <see cref="InstanceFormatException"/>, each input within the
/// hang guard. Parsed results are checked, not just accepted: dense-remap invariants, and agreement with an
/// independent path (TextReader overload on the decoded text, stream vs span overload, a Dictionary remap).
/// Set ONLINEALGOS_FUZZ_REPORT to a file path to append each reader's figures.
/// </summary>
public class PagingReaderFuzzTests(ITestOutputHelper output)
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    private static readonly byte[][] TextSeeds =
    [
        U("a 1\nb 0\na 1\nc 0\n"), U("# k=3\n1\n2\n3\n4\n1\n2\n"), U("x\ty\n"), U("p\r\nq\r\np\r\n"),
        U("é 0\n😀 1\né 1\n"), U("# only\n\n"), U("a\nb\nc\na\nb\nd\n"), U("18446744073709551615 1\n0 0\n"),
    ];

    private static readonly byte[][] CsvSeeds =
    [
        U("time,obj_id,size\n1,10,4\n2,11,4\n3,10,4\n"), U("1,a\n2,\"b,c\"\n3,a\n"), U("key\nx\ny\nx\n"),
        U("obj_id,next\r\n5,-1\r\n6,7\r\n"), U("id,t\n\"q\"\"uote\",1\nz,2\n"),
    ];

    private static readonly byte[][] BitSeeds = [U("0\n1\n# c\n1\n0\n"), U("1\r\n0\r\n"), U("# bits\n0\n0\n1\n")];

    private static byte[] Oracle(params ulong[] ids)
    {
        var b = new byte[ids.Length * 24];
        for (int i = 0; i < ids.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i * 24), (uint)i);
            BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(i * 24 + 4), ids[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i * 24 + 12), 1);
            BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(i * 24 + 16), -1);
        }
        return b;
    }

    private static readonly byte[][] OracleSeeds =
    [
        Oracle(1, 2, 1, 3, 2, 1), Oracle(ulong.MaxValue, 0, ulong.MaxValue), Oracle(7), Oracle(5, 5, 5, 5, 6, 6, 6, 7, 8, 9, 5),
    ];

    private void Check(string reader, PagingFuzzer.Report report)
    {
        output.WriteLine(reader + ": " + report);
        if (Environment.GetEnvironmentVariable("ONLINEALGOS_FUZZ_REPORT") is { Length: > 0 } file)
            File.AppendAllText(file, reader + ": " + report + "\n");
        Assert.Null(report.Failure);
        Assert.Equal(report.Inputs, report.Parsed + report.Rejected);
        // The mix must exercise both outcomes, or the fuzzer is not reaching the parser's interesting paths.
        Assert.True(report.Parsed > report.Inputs / 50, $"{reader}: only {report.Parsed} of {report.Inputs} inputs parsed");
        Assert.True(report.Rejected > report.Inputs / 50, $"{reader}: only {report.Rejected} of {report.Inputs} inputs rejected");
    }

    /// <summary>Dense remap invariants: requests in range, first-request order, distinct ids.</summary>
    private static void Invariants(RequestSequence s)
    {
        Assert.True(s.Length > 0);
        int max = -1;
        foreach (int r in s.Requests)
        {
            Assert.InRange(r, 0, max + 1);
            if (r > max) max = r;
        }
        Assert.Equal(max + 1, s.PageCount);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int p = 0; p < s.PageCount; p++) Assert.True(ids.Add(s.PageId(p)), "two dense pages with one id");
    }

    private static void SameSequence(RequestSequence a, RequestSequence b)
    {
        Assert.Equal(a.Requests.ToArray(), b.Requests.ToArray());
        Assert.Equal(a.Bits.ToArray(), b.Bits.ToArray());
        for (int p = 0; p < a.PageCount; p++) Assert.Equal(a.PageId(p), b.PageId(p));
    }

    /// <summary>
    /// The strict byte path must reject invalid UTF-8, and on valid UTF-8 agree with the TextReader path on the
    /// decoded text (same trace, or the same error message).
    /// </summary>
    private static void Differential(byte[] input, Func<Stream, RequestSequence> fromBytes, Func<TextReader, RequestSequence> fromText)
    {
        RequestSequence? bytesResult = null;
        InstanceFormatException? bytesError = null;
        try { bytesResult = fromBytes(new MemoryStream(input)); }
        catch (InstanceFormatException e) { bytesError = e; }
        if (!Utf8.IsValid(input))
        {
            Assert.True(bytesError is not null, "invalid UTF-8 was accepted");
            throw bytesError;
        }
        RequestSequence? textResult = null;
        string? textError = null;
        try { textResult = fromText(new StreamReader(new MemoryStream(input), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false)); }
        catch (InstanceFormatException e) { textError = e.Message; }
        Assert.Equal(textError is null, bytesError is null);
        // Same message too, except for a file that is only a BOM and a line break: the decoded text cannot tell
        // "BOM" from "BOM\n", so one path says "empty" where the other sees a blank line (both refuse).
        if (!(input.Length <= 5 && input.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })))
            Assert.Equal(textError, bytesError?.Message);
        if (bytesError is not null) throw bytesError;
        Invariants(bytesResult!);
        SameSequence(textResult!, bytesResult!);
    }

    [Fact]
    public void TextReaderFuzz() => Check("text", PagingFuzzer.Run(PagingFuzzer.Iterations(), 1201, TextSeeds,
        input => Differential(input, s => TextTraceReader.Read(s, "f"), r => TextTraceReader.Read(r, "f"))));

    [Fact]
    public void CsvReaderFuzz() => Check("csv", PagingFuzzer.Run(PagingFuzzer.Iterations(), 1202, CsvSeeds,
        input => Differential(input, s => CsvTraceReader.Read(s, "f"), r => CsvTraceReader.Read(r, "f"))));

    [Fact]
    public void CsvReaderWithIdColumnFuzz() => Check("csv --id-column 2", PagingFuzzer.Run(PagingFuzzer.Iterations(), 1203, CsvSeeds,
        input => Differential(input, s => CsvTraceReader.Read(s, "f", idColumn: 2), r => CsvTraceReader.Read(r, "f", idColumn: 2))));

    [Fact]
    public void BitFileReaderFuzz() => Check("bits", PagingFuzzer.Run(PagingFuzzer.Iterations(), 1204, BitSeeds, input =>
    {
        var bits = BitFileReader.Read(new MemoryStream(input), "f");
        Assert.True(Utf8.IsValid(input), "invalid UTF-8 was accepted");
        Assert.Equal(bits, BitFileReader.Read(new StreamReader(new MemoryStream(input), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false), "f"));
        Assert.All(bits, b => Assert.True(b <= 1));
        // independent count: non-comment, non-blank lines
        var text = Encoding.UTF8.GetString(input);
        var lines = System.Text.RegularExpressions.Regex.Split(text.StartsWith('\uFEFF') ? text[1..] : text, "\r\n|\r|\n");
        Assert.Equal(lines.Count(l => l.Trim().Length > 0 && l.Trim()[0] != '#'), bits.Length);
    }));

    [Fact]
    public void OracleGeneralReaderFuzz() => Check("oracleGeneral", PagingFuzzer.Run(PagingFuzzer.Iterations(), 1205, OracleSeeds, input =>
    {
        RequestSequence? span = null;
        InstanceFormatException? spanError = null;
        try { span = OracleGeneralReader.Read(input.AsSpan(), "f"); }
        catch (InstanceFormatException e) { spanError = e; }
        bool wellFormed = input.Length > 0 && input.Length % 24 == 0;
        Assert.Equal(wellFormed, spanError is null);
        RequestSequence? stream = null;
        string? streamError = null;
        try { stream = OracleGeneralReader.Read(new MemoryStream(input), "f"); }
        catch (InstanceFormatException e) { streamError = e.Message; }
        Assert.Equal(spanError?.Message, streamError);
        if (spanError is not null) throw spanError;
        Invariants(span!);
        SameSequence(span!, stream!);
        // independent remap: a Dictionary over the ids read with BinaryPrimitives
        var map = new Dictionary<ulong, int>();
        for (int t = 0; t < input.Length / 24; t++)
        {
            ulong id = BinaryPrimitives.ReadUInt64LittleEndian(input.AsSpan(t * 24 + 4));
            if (!map.TryGetValue(id, out int d)) map[id] = d = map.Count;
            Assert.Equal(d, span![t]);
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), span.PageId(d));
        }
    }));
}
