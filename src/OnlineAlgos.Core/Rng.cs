using System.Runtime.CompilerServices;

namespace OnlineAlgos.Core;

/// <summary>
/// Seeded pseudo-random stream (xoshiro256**, seeded through SplitMix64). All randomness in the toolkit flows through
/// an explicit <see cref="Rng"/>, so a result depends only on its seed, never on the thread count or on cell order.
/// </summary>
/// <remarks>
/// <see cref="ForCell"/> derives an independent stream from (study seed, cell id, replicate) by hashing the three with
/// a stable hash (FNV-1a over UTF-16 code units, then SplitMix64); the derivation is part of the reproducibility
/// contract and must not change. Not thread-safe: one instance per worker. Not cryptographic.
/// </remarks>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpare;

    /// <summary>Creates a stream from a 64-bit seed.</summary>
    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1;
    }

    /// <summary>The independent stream of one replicate of one sweep cell.</summary>
    public static Rng ForCell(ulong studySeed, string cellId, int replicate) =>
        new(DeriveSeed(studySeed, cellId, replicate));

    /// <summary>Stable 64-bit seed for (study seed, cell id, replicate).</summary>
    public static ulong DeriveSeed(ulong studySeed, string cellId, int replicate)
    {
        ArgumentNullException.ThrowIfNull(cellId);
        ulong h = 14695981039346656037UL;
        foreach (char c in cellId)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        ulong x = studySeed ^ 0x9E3779B97F4A7C15UL;
        ulong a = SplitMix64(ref x);
        x = a ^ h;
        ulong b = SplitMix64(ref x);
        x = b ^ (ulong)(uint)replicate * 0xD1B54A32D192ED03UL;
        return SplitMix64(ref x);
    }

    /// <summary>A new stream split off this one (advances this stream).</summary>
    public Rng Split() => new(NextUInt64());

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Next 64 uniformly random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, maxExclusive) without modulo bias (Lemire's method).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), "must be positive");
        ulong m = (ulong)maxExclusive;
        UInt128 p = (UInt128)NextUInt64() * m;
        ulong low = (ulong)p;
        if (low < m)
        {
            ulong threshold = (0UL - m) % m;
            while (low < threshold)
            {
                p = (UInt128)NextUInt64() * m;
                low = (ulong)p;
            }
        }
        return (int)(p >> 64);
    }

    /// <summary>Uniform integer in [minInclusive, maxExclusive).</summary>
    public int NextInt(int minInclusive, int maxExclusive) => minInclusive + NextInt(maxExclusive - minInclusive);

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool NextBernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal variate (Marsaglia polar method).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * f;
        _hasSpare = true;
        return u * f;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
