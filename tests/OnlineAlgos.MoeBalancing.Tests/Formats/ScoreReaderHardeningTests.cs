using System.Text;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Formats;
using OnlineAlgos.MoeBalancing.Model;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Formats;

/// <summary>Issue #12 part 4: the .npy header is validated before anything is allocated; CSV refuses overflow, NaN/Inf and ragged rows.</summary>
public class ScoreReaderHardeningTests
{
    private static byte[] Npy(string dict, int dataBytes, byte major = 1)
    {
        int pre = major == 1 ? 10 : 12;
        string h = dict + new string(' ', 63 - (pre + dict.Length) % 64) + "\n";
        var b = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0, (byte)h.Length, (byte)(h.Length >> 8) };
        if (major != 1) b.AddRange(new byte[] { 0, 0 });
        b.AddRange(Encoding.ASCII.GetBytes(h));
        b.AddRange(new byte[dataBytes]);
        return b.ToArray();
    }

    private static string Dict(string shape, string descr = "<f8", string fortran = "False") =>
        $"{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': {shape}, }}";

    private static InstanceFormatException BadNpy(byte[] bytes, bool seekable = true) =>
        Assert.Throws<InstanceFormatException>(() => NpyScoreReader.Read(seekable ? new MemoryStream(bytes) : new OneWayStream(bytes), "s.npy"));

    [Theory]
    [InlineData("(0, 3, 4)")] // zero batches: was accepted as an empty list, then crashed its users
    [InlineData("(3, 0)")]
    [InlineData("(2, 0, 4)")]
    [InlineData("(3, 4, 0)")]
    public void Zero_dimensions_are_refused(string shape)
    {
        var e = BadNpy(Npy(Dict(shape), 0));
        Assert.Equal("header 'shape'", e.Position);
        Assert.Contains(">= 1", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(1, 4611686018427387904, 4)")]    // tokens x experts overflows long: was a negative array size
    [InlineData("(4611686018427387904, 4, 4)")]    // batches x ... overflows long
    [InlineData("(9223372036854775807, 9223372036854775807)")]
    [InlineData("(1, 1073741823)")]                 // 8 GB: was allocated before the length check
    [InlineData("(3, 1, 2)")]                       // short data
    public void Shapes_that_do_not_match_the_file_are_refused_before_allocating(string shape)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        BadNpy(Npy(Dict(shape), 16));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "allocated more than 1 MiB for a 16-byte data section");
    }

    [Fact]
    public void A_lying_header_on_an_unseekable_stream_allocates_only_what_arrives()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = BadNpy(Npy(Dict("(1, 100000000)"), 16), seekable: false); // claims 800 MB
        Assert.Contains("truncated", e.Expected, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "allocated more than 1 MiB for a 16-byte data section");
        // And a good file reads through the same path.
        var ok = NpyScoreReader.Read(new OneWayStream(Npy(Dict("(2, 3)"), 48)), "s.npy");
        Assert.Equal(6, ok[0].Data.Length);
    }

    [Fact]
    public void Over_long_data_is_refused_with_the_byte_offset()
    {
        var bytes = Npy(Dict("(2, 3)"), 56);
        var e = BadNpy(bytes);
        Assert.Equal($"byte {bytes.Length - 8}", e.Position);
        Assert.Contains("end of file after 48 data bytes", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'extra': 1, }", "only the keys")]
    [InlineData("{'descr': '<f8', 'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", "only once")]
    [InlineData("{'descr': '<f8', 'shape': (2, 3), }", "'fortran_order'")]
    [InlineData("{'fortran_order': False, 'shape': (2, 3), 'x': '<f8'}", "only the keys")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, -3), }", "non-negative integer")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3) } trailing", "padding")]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (2, 3), }", "True or False")]
    [InlineData("{'descr': '<i8', 'fortran_order': False, 'shape': (2, 3), }", "dtype")]
    [InlineData("{'descr': '>f8', 'fortran_order': False, 'shape': (2, 3), }", "dtype")]
    [InlineData("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", "C order")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (6,), }", "2-D")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 2, 3), }", "2-D")]
    public void The_header_dictionary_is_parsed_strictly(string dict, string expected)
    {
        var e = BadNpy(Npy(dict, 48));
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_2_and_Python_2_long_suffixes_still_read()
    {
        var r = NpyScoreReader.Read(new MemoryStream(Npy(Dict("(2L, 3L)", "<f4"), 24, major: 2)), "s.npy");
        Assert.Equal(3, r[0].Experts);
        Assert.Equal(2, r[0].Tokens);
    }

    // ---- CSV

    private static InstanceFormatException BadCsv(string text) =>
        Assert.Throws<InstanceFormatException>(() => ScoreCsvReader.Read(new StringReader(text), "s.csv"));

    [Theory]
    [InlineData("token,e0,e1\n0,1e309,2\n", 2, "finite")]
    [InlineData("token,e0,e1\n0,NaN,2\n", 2, "finite")]
    [InlineData("token,e0,e1\n0,1,-Infinity\n", 2, "finite")]
    [InlineData("token,e0,e1\n0,1,2\n1,3\n", 3, "3 fields")]
    [InlineData("token,e0,e1\n0,1,2\n1,3,4,5\n", 3, "3 fields")]
    [InlineData("token,e0,e1\n2147483648,1,2\n", 2, "token index")]
    [InlineData("batch,token,e0\n0,0,1\n99999999999,0,1\n", 3, "batch index")]
    [InlineData("token,e0\n0,\"1\n", 2, "closing quote")]
    public void Csv_refuses_overflow_non_finite_and_ragged_rows_naming_the_line(string text, long line, string expected)
    {
        var e = BadCsv(text);
        Assert.Equal(line, e.Line);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_reads_crlf_and_a_bom()
    {
        var r = ScoreCsvReader.Read(new StringReader("\uFEFFtoken,e0,e1\r\n0,1,2\r\n1,3,4\r\n"), "s.csv");
        Assert.Equal(new double[] { 1, 2, 3, 4 }, r[0].Data);
    }

    /// <summary>A read-only stream that cannot seek (a pipe).</summary>
    private sealed class OneWayStream(byte[] data) : Stream
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
            int n = Math.Min(count, data.Length - _pos);
            Array.Copy(data, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
