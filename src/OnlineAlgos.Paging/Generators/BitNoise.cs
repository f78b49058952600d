using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Generators;

/// <summary>
/// Noise models for one-bit predictions (spec §4.3, §5.2): independent flips with one rate (Cache-Coliseum's grid),
/// separate rates so that η₀ and η₁ move independently, and the adversarial patterns all-0, all-1 and inverted.
/// Rates: <c>q0</c> = probability that a true 1 is reported as 0 (each such flip is one η₀ error), <c>q1</c> =
/// probability that a true 0 is reported as 1 (one η₁ error). O(n); randomness only from the given <see cref="Rng"/>
/// (one uniform draw per request, so runs with equal seeds and lengths flip the same positions).
/// </summary>
public static class BitNoise
{
    /// <summary>Flips each bit independently with probability q.</summary>
    public static byte[] Flip(ReadOnlySpan<byte> truth, double q, Rng rng) => Flip(truth, q, q, rng);

    /// <summary>Flips true 1s with probability q0 and true 0s with probability q1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is outside [0, 1] or NaN.</exception>
    public static byte[] Flip(ReadOnlySpan<byte> truth, double q0, double q1, Rng rng)
    {
        CheckRate(q0, nameof(q0));
        CheckRate(q1, nameof(q1));
        ArgumentNullException.ThrowIfNull(rng);
        var result = new byte[truth.Length];
        for (int t = 0; t < truth.Length; t++)
        {
            byte y = truth[t];
            double u = rng.NextDouble();
            result[t] = u < (y == 1 ? q0 : q1) ? (byte)(y ^ 1) : y;
        }
        return result;
    }

    /// <summary>Every prediction 0 ("keep everything").</summary>
    public static byte[] AllZero(int length) => new byte[length];

    /// <summary>Every prediction 1 ("evict anything").</summary>
    public static byte[] AllOne(int length)
    {
        var b = new byte[length];
        Array.Fill(b, (byte)1);
        return b;
    }

    /// <summary>Every bit inverted (η = n).</summary>
    public static byte[] Inverted(ReadOnlySpan<byte> truth)
    {
        var b = new byte[truth.Length];
        for (int t = 0; t < b.Length; t++) b[t] = (byte)(truth[t] ^ 1);
        return b;
    }

    /// <summary>Throws when a flip rate is not a probability.</summary>
    public static void CheckRate(double q, string name)
    {
        if (!(q >= 0 && q <= 1)) throw new ArgumentOutOfRangeException(name, q, "a flip rate must be in [0, 1]");
    }
}
