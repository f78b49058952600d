using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// How the generic code treats a number type: exact types (anything but float/double/Half) compare exactly; binary
/// floating types snap remaining work to 0 within a relative tolerance and compare priority keys with a relative
/// tolerance before the tie rule decides (spec §4.3, double-mode pitfalls). The branches on typeof(T) are folded away
/// by the JIT, so the exact path pays nothing.
/// </summary>
public static class NumericPolicy<T> where T : INumber<T>
{
    /// <summary>True for exact number types.</summary>
    public static bool IsExact => !(typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half));

    /// <summary>Relative tolerance used in floating mode (1e-12 for double; 1e-5 for float/Half).</summary>
    public static double Tolerance => typeof(T) == typeof(double) ? 1e-12 : 1e-5;

    /// <summary>Remaining work <paramref name="remaining"/> of an operation of size <paramref name="size"/> that counts as done.</summary>
    public static bool IsDone(T remaining, T size)
    {
        if (IsExact) return T.IsZero(remaining) || T.IsNegative(remaining);
        double r = double.CreateTruncating(remaining);
        return r <= Tolerance * Math.Max(1.0, Math.Abs(double.CreateTruncating(size)));
    }

    /// <summary>Compares two keys; in floating mode values within the relative tolerance are equal.</summary>
    public static int Compare(T a, T b)
    {
        if (IsExact) return a.CompareTo(b);
        double x = double.CreateTruncating(a), y = double.CreateTruncating(b);
        double scale = Math.Max(1.0, Math.Max(Math.Abs(x), Math.Abs(y)));
        if (Math.Abs(x - y) <= Tolerance * scale) return 0;
        return x < y ? -1 : 1;
    }
}

/// <summary>Compensated (Neumaier) sum in floating mode, plain exact sum otherwise.</summary>
public struct CompensatedSum<T> where T : INumber<T>
{
    private T _sum;
    private T _compensation;

    /// <summary>Adds a term.</summary>
    public void Add(T x)
    {
        if (NumericPolicy<T>.IsExact) { _sum += x; return; }
        T t = _sum + x;
        if (T.Abs(_sum) >= T.Abs(x)) _compensation += (_sum - t) + x;
        else _compensation += (x - t) + _sum;
        _sum = t;
    }

    /// <summary>The sum so far.</summary>
    public readonly T Value => NumericPolicy<T>.IsExact ? _sum : _sum + _compensation;
}
