using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Online;

namespace OnlineAlgos.Bench.GradientCoding;

/// <summary>Issue 6 targets: CRC decoding coefficients for n = 256 in &lt; 5 ms.</summary>
[MemoryDiagnoser]
public class SgcDecodeBenchmarks
{
    private CyclicRepetitionCode _code = null!;
    private bool[] _returned = null!;
    private readonly double[] _a = new double[256];

    [Params(15, 27)]
    public int S { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(42);
        _code = new CyclicRepetitionCode(256, S, rng);
        _returned = new bool[256];
        Array.Fill(_returned, true);
        var idx = new int[256];
        for (int i = 0; i < 256; i++) idx[i] = i;
        rng.Shuffle(idx.AsSpan());
        for (int t = 0; t < S; t++) _returned[idx[t]] = false;
    }

    [Benchmark]
    public DecodeResult CrcDecodeCoefficients256() => _code.Decode(_returned, _a);
}

/// <summary>Issue 6 targets: combining 256 partial gradients of 270k floats in &lt; 50 ms.</summary>
[MemoryDiagnoser]
public class SgcCombineBenchmarks
{
    private const int Dim = 269_998; // the paper's CNN
    private readonly List<float[]> _parts = new();
    private readonly double[] _coef = new double[256];
    private readonly double[] _outD = new double[Dim];
    private readonly float[] _outF = new float[Dim];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(7);
        for (int i = 0; i < 256; i++)
        {
            var f = new float[Dim];
            for (int k = 0; k < Dim; k++) f[k] = (float)rng.NextGaussian();
            _parts.Add(f);
            _coef[i] = rng.NextGaussian() * 1000;
        }
    }

    [Benchmark]
    public void CombineDouble256x270k() => GradientCombiner.CombineDouble(_parts, _coef, _outD);

    [Benchmark]
    public void CombineSingle256x270k() => GradientCombiner.CombineSingle(_parts, _coef, _outF);
}

/// <summary>Issue 6 targets: replay of 256 workers x 500 rounds including decoding in &lt; 2 s.</summary>
[MemoryDiagnoser]
public class SgcReplayBenchmarks
{
    private StragglerTrace _trace = null!;
    private CyclicRepetitionCode _code = null!;

    [GlobalSetup]
    public void Setup()
    {
        _trace = new SyntheticTraceGenerator().Generate(256, 500, 0, new Rng(3));
        _code = new CyclicRepetitionCode(256, 27, new Rng(4));
    }

    [Benchmark]
    public double ReplayAllSchemes256x500()
    {
        double t = 0;
        t += SgcReplay.Run(SgcSchemeSpec.Gc(256, 15), _trace, 1.0, 496).Runtime;
        t += SgcReplay.Run(SgcSchemeSpec.SrSgc(256, 2, 3, 23), _trace, 1.0, 496).Runtime;
        t += SgcReplay.Run(SgcSchemeSpec.MSgc(256, 1, 2, 27), _trace, 1.0, 496).Runtime;
        t += SgcReplay.Run(SgcSchemeSpec.Uncoded(256), _trace, 1.0, 496).Runtime;
        return t;
    }

    /// <summary>GC s = 27 (cyclic repetition) replayed over 500 rounds, with decoding coefficients for every job.</summary>
    [Benchmark]
    public double ReplayGcWithCrcDecoding256x500()
    {
        var spec = SgcSchemeSpec.Gc(256, 27);
        var res = SgcReplay.Run(spec, _trace, 1.0, 500);
        var scheme = new GcScheme(256, 27, 500, _code);
        var pattern = _trace.DerivePattern(1.0);
        var clean = new bool[256];
        var coef = new List<(int, double)>();
        double worst = 0;
        for (int r = 0; r < 500; r++)
        {
            scheme.PlanRound(r);
            scheme.CompleteRound(res.WaitOut[r] ? clean : pattern.Round(r));
            worst = Math.Max(worst, scheme.DecodeCoefficients(r, coef).Residual);
        }
        return res.Runtime + worst;
    }
}
