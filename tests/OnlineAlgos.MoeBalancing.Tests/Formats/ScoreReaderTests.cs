using System.Buffers.Binary;
using System.Text;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Formats;
using OnlineAlgos.MoeBalancing.Model;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Formats;

public class ScoreReaderTests
{
    private static IReadOnlyList<ScoreMatrix> Csv(string text) => ScoreCsvReader.Read(new StringReader(text), "s.csv");

    [Fact]
    public void Csv_ReadsOneAndSeveralBatches_AndRoundTrips()
    {
        var one = Csv("token,e0,e1\n0,0.5,-1e-3\n1,2,3\n");
        Assert.Single(one);
        Assert.Equal(new[] { 0.5, -1e-3, 2, 3 }, one[0].Data);
        var two = Csv("batch,token,e0,e1\n0,0,1,2\n0,1,3,4\n1,0,5,6\n");
        Assert.Equal(2, two.Count);
        Assert.Equal(2, two[0].Tokens);
        Assert.Equal(new[] { 5.0, 6 }, two[1].Data);
        var sw = new StringWriter();
        ScoreCsvWriter.Write(sw, two);
        var back = Csv(sw.ToString());
        Assert.Equal(two[0].Data, back[0].Data);
        Assert.Equal(two[1].Data, back[1].Data);
    }

    [Theory]
    [InlineData("", "line 1", "empty")]
    [InlineData("tok,e0\n0,1\n", "line 1", "token")]
    [InlineData("token,e0,e2\n0,1,2\n", "line 1", "'e1'")]
    [InlineData("token\n0\n", "line 1", "at least one expert")]
    [InlineData("token,e0,e1\n0,1\n", "line 2", "3 fields")]
    [InlineData("token,e0,e1\n0,1,2,3\n", "line 2", "3 fields")]
    [InlineData("token,e0,e1\n0,1,NaN\n", "line 2", "finite")]
    [InlineData("token,e0,e1\n0,Infinity,1\n", "line 2", "finite")]
    [InlineData("token,e0,e1\n0,1,-Infinity\n", "line 2", "finite")]
    [InlineData("token,e0,e1\n0,1,abc\n", "line 2", "a number for e1")]
    [InlineData("token,e0,e1\n1,1,2\n", "line 2", "token 0")]
    [InlineData("token,e0,e1\n0,1,2\n\n1,1,2\n", "line 3", "blank")]
    [InlineData("token,e0,e1\n", "line 2", "at least one token")]
    [InlineData("batch,token,e0\n1,0,1\n", "line 2", "batch 0")]
    [InlineData("batch,token,e0\n0,0,1\n2,0,1\n", "line 3", "batch 0 or 1")]
    [InlineData("token,e0\n0,\"1\n", "line 2", "closing quote")]
    public void Csv_BadInput_NamesLineAndExpectation(string text, string where, string expected)
    {
        var ex = Assert.Throws<InstanceFormatException>(() => Csv(text));
        Assert.Contains("s.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains(where, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ScoreMatrix> Npy(byte[] bytes) => NpyScoreReader.Read(new MemoryStream(bytes), "s.npy");

    private static byte[] NpyBytes(string descr, string fortran, string shape, byte[] data, int version = 1, string? headerOverride = null)
    {
        string dict = headerOverride ?? $"{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': {shape}, }}";
        int pre = version == 1 ? 10 : 12;
        int pad = (64 - (pre + dict.Length + 1) % 64) % 64;
        var header = Encoding.Latin1.GetBytes(dict + new string(' ', pad) + "\n");
        var ms = new MemoryStream();
        ms.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)version, 0 });
        if (version == 1) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)header.Length); ms.Write(b); }
        else { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)header.Length); ms.Write(b); }
        ms.Write(header);
        ms.Write(data);
        return ms.ToArray();
    }

    private static byte[] F8(params double[] v)
    {
        var b = new byte[v.Length * 8];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(i * 8), v[i]);
        return b;
    }

    private static byte[] F4(params float[] v)
    {
        var b = new byte[v.Length * 4];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(i * 4), v[i]);
        return b;
    }

    [Fact]
    public void Npy_ReadsFloat64AndFloat32_2DAnd3D_Versions1And2()
    {
        var a = Npy(NpyBytes("<f8", "False", "(2, 3)", F8(1, 2, 3, 4, 5, 6)));
        Assert.Single(a);
        Assert.Equal(3, a[0].Experts);
        Assert.Equal(6.0, a[0][1, 2]);
        var b = Npy(NpyBytes("<f4", "False", "(2, 1, 2)", F4(0.5f, 1.5f, 2.5f, 3.5f), version: 2));
        Assert.Equal(2, b.Count);
        Assert.Equal(3.5, b[1][0, 1]);
        var ms = new MemoryStream();
        NpyScoreWriter.Write(ms, b, float32: true);
        var c = Npy(ms.ToArray());
        Assert.Equal(b[1].Data, c[1].Data);
        ms = new MemoryStream();
        NpyScoreWriter.Write(ms, a);
        Assert.Equal(a[0].Data, Npy(ms.ToArray())[0].Data);
    }

    [Theory]
    [InlineData("magic")]
    [InlineData("version")]
    [InlineData("dtype-int")]
    [InlineData("dtype-bigendian")]
    [InlineData("dtype-f2")]
    [InlineData("fortran")]
    [InlineData("rank1")]
    [InlineData("rank4")]
    [InlineData("truncated-data")]
    [InlineData("truncated-header")]
    [InlineData("extra-bytes")]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("no-shape")]
    [InlineData("bad-shape")]
    [InlineData("empty")]
    public void Npy_BadInput_ClearError(string kind)
    {
        byte[] bytes = kind switch
        {
            "magic" => Encoding.ASCII.GetBytes("token,e0\n0,1\n"),
            "version" => NpyBytes("<f8", "False", "(1, 1)", F8(1)).Select((v, i) => i == 6 ? (byte)9 : v).ToArray(),
            "dtype-int" => NpyBytes("<i4", "False", "(1, 1)", new byte[4]),
            "dtype-bigendian" => NpyBytes(">f8", "False", "(1, 1)", F8(1)),
            "dtype-f2" => NpyBytes("<f2", "False", "(1, 1)", new byte[2]),
            "fortran" => NpyBytes("<f8", "True", "(1, 1)", F8(1)),
            "rank1" => NpyBytes("<f8", "False", "(3,)", F8(1, 2, 3)),
            "rank4" => NpyBytes("<f8", "False", "(1, 1, 1, 1)", F8(1)),
            "truncated-data" => NpyBytes("<f8", "False", "(2, 2)", F8(1, 2, 3)),
            "truncated-header" => NpyBytes("<f8", "False", "(2, 2)", F8(1, 2, 3, 4))[..30],
            "extra-bytes" => NpyBytes("<f8", "False", "(1, 1)", F8(1, 2)),
            "nan" => NpyBytes("<f8", "False", "(1, 2)", F8(1, double.NaN)),
            "inf" => NpyBytes("<f4", "False", "(1, 2)", F4(float.PositiveInfinity, 1)),
            "no-shape" => NpyBytes("", "", "", F8(1), headerOverride: "{'descr': '<f8', 'fortran_order': False, }"),
            "bad-shape" => NpyBytes("<f8", "False", "(a, 2)", F8(1, 2)),
            _ => Array.Empty<byte>(),
        };
        string expected = kind switch
        {
            "magic" or "empty" => "magic",
            "version" => "version",
            "dtype-int" or "dtype-bigendian" or "dtype-f2" => "dtype",
            "fortran" => "C order",
            "rank1" or "rank4" => "2-D",
            "truncated-data" or "truncated-header" => "truncated",
            "extra-bytes" => "end of file",
            "nan" or "inf" => "finite",
            _ => "shape",
        };
        var ex = Assert.Throws<InstanceFormatException>(() => Npy(bytes));
        Assert.Contains("s.npy", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Npy_ArbitraryBytes_OnlyFormatErrors()
    {
        var rng = new Rng(99);
        var good = NpyBytes("<f8", "False", "(2, 2)", F8(1, 2, 3, 4));
        for (int rep = 0; rep < 500; rep++)
        {
            var b = (byte[])good.Clone();
            int flips = 1 + rng.NextInt(4);
            for (int f = 0; f < flips; f++) b[rng.NextInt(b.Length)] = (byte)rng.NextInt(256);
            if (rng.NextBernoulli(0.3)) b = b[..rng.NextInt(b.Length)];
            try { Npy(b); }
            catch (InstanceFormatException) { }
        }
    }
}
