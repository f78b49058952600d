namespace OnlineAlgos.Paging.Model;

/// <summary>Helpers for one-bit prediction vectors: polarity conversion at the input boundary and counting.</summary>
public static class BitPredictions
{
    /// <summary>Bits in the internal convention (1 = evictable): a copy, inverted when the source wrote 1 = keep.</summary>
    public static byte[] ToInternal(ReadOnlySpan<byte> bits, BitPolarity polarity)
    {
        var result = bits.ToArray();
        if (polarity == BitPolarity.Keep) Invert(result);
        return result;
    }

    /// <summary>Flips every bit in place (0 ↔ 1).</summary>
    public static void Invert(Span<byte> bits)
    {
        for (int t = 0; t < bits.Length; t++) bits[t] = (byte)(bits[t] ^ 1);
    }

    /// <summary>Number of ones.</summary>
    public static long CountOnes(ReadOnlySpan<byte> bits)
    {
        long c = 0;
        foreach (byte b in bits) c += b;
        return c;
    }
}
