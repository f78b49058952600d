using OnlineAlgos.Core;
using System.Globalization;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>Which scheme a replay runs.</summary>
public enum SgcSchemeKind
{
    /// <summary>No coding: each worker computes 1/n, the master waits for everyone.</summary>
    Uncoded,
    /// <summary>Gradient coding with tolerance s (T = 0).</summary>
    Gc,
    /// <summary>Selective-reattempt SGC (B, W, lambda), T = B.</summary>
    SrSgc,
    /// <summary>Multiplexed SGC (B, W, lambda), T = W-2+B.</summary>
    MSgc,
}

/// <summary>
/// A scheme with its parameters (validated): GC uses <see cref="S"/>; SR-SGC and M-SGC use (B, W, lambda).
/// Names and <c>key=value;key=value</c> parameter text follow FORMATS.md (<c>uncoded</c>, <c>gc</c>, <c>sr-sgc</c>, <c>m-sgc</c>).
/// </summary>
public sealed record SgcSchemeSpec
{
    private SgcSchemeSpec(SgcSchemeKind kind, int n, int s, int b, int w, int lambda)
    {
        Kind = kind; Workers = n; S = s; B = b; W = w; Lambda = lambda;
    }

    /// <summary>Scheme kind.</summary>
    public SgcSchemeKind Kind { get; }
    /// <summary>Workers n.</summary>
    public int Workers { get; }
    /// <summary>GC tolerance (SR-SGC: its derived s; M-SGC: 0).</summary>
    public int S { get; }
    /// <summary>Burst length B (0 for GC/uncoded).</summary>
    public int B { get; }
    /// <summary>Window W (0 for GC/uncoded).</summary>
    public int W { get; }
    /// <summary>lambda (0 for GC/uncoded).</summary>
    public int Lambda { get; }

    /// <summary>Uncoded baseline.</summary>
    public static SgcSchemeSpec Uncoded(int n) => new(SgcSchemeKind.Uncoded, Check(n), 0, 0, 0, 0);

    /// <summary>GC with tolerance s (0 &lt;= s &lt;= n-1).</summary>
    public static SgcSchemeSpec Gc(int n, int s)
    {
        SchemeLoads.Gc(Check(n), s);
        return new(SgcSchemeKind.Gc, n, s, 0, 0, 0);
    }

    /// <summary>SR-SGC; throws when B does not divide W-1 or s &gt; n-1.</summary>
    public static SgcSchemeSpec SrSgc(int n, int b, int w, int lambda)
    {
        var m = new BurstyModel(Check(n), b, w, lambda);
        SchemeLoads.SrSgc(m);
        return new(SgcSchemeKind.SrSgc, n, SchemeLoads.SrSgcS(b, w, lambda), b, w, lambda);
    }

    /// <summary>M-SGC.</summary>
    public static SgcSchemeSpec MSgc(int n, int b, int w, int lambda)
    {
        _ = new BurstyModel(Check(n), b, w, lambda);
        return new(SgcSchemeKind.MSgc, n, 0, b, w, lambda);
    }

    private static int Check(int n) => n >= 1 ? n : throw new ArgumentException($"n must be >= 1, got {n}");

    /// <summary>The bursty model (SR-SGC, M-SGC).</summary>
    public BurstyModel Model => new(Workers, B, W, Lambda);

    /// <summary>Delay T.</summary>
    public int Delay => Kind switch { SgcSchemeKind.SrSgc => B, SgcSchemeKind.MSgc => W - 2 + B, _ => 0 };

    /// <summary>Exact load.</summary>
    public Rational Load => Kind switch
    {
        SgcSchemeKind.Uncoded => new Rational(1, Workers),
        SgcSchemeKind.Gc => SchemeLoads.Gc(Workers, S),
        SgcSchemeKind.SrSgc => SchemeLoads.SrSgc(Model),
        _ => SchemeLoads.MSgc(Model),
    };

    /// <summary>FORMATS.md name.</summary>
    public string Name => SgcAlgorithms.Schemes[(int)Kind];

    /// <summary>Parameters as <c>key=value;key=value</c>.</summary>
    public string ParamsText => Kind switch
    {
        SgcSchemeKind.Uncoded => string.Create(CultureInfo.InvariantCulture, $"n={Workers}"),
        SgcSchemeKind.Gc => string.Create(CultureInfo.InvariantCulture, $"n={Workers};s={S}"),
        SgcSchemeKind.SrSgc => string.Create(CultureInfo.InvariantCulture, $"n={Workers};B={B};W={W};lambda={Lambda};s={S};T={Delay}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"n={Workers};B={B};W={W};lambda={Lambda};T={Delay}"),
    };

    /// <summary>A fresh state machine for <paramref name="jobs"/> jobs (counting only; no gradient code).</summary>
    public ISequentialGradientScheme CreateScheme(int jobs) => Kind switch
    {
        SgcSchemeKind.Uncoded => new GcScheme(Workers, 0, jobs),
        SgcSchemeKind.Gc => new GcScheme(Workers, S, jobs),
        SgcSchemeKind.SrSgc => new SelectiveReattemptSgcScheme(Model, jobs),
        _ => new MultiplexedSgcScheme(Model, jobs),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Name}({ParamsText})";
}
