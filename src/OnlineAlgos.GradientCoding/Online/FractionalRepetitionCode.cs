namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// Fractional repetition gradient code (Tandon et al. 2017, §2.1 of the spec): needs (s+1) | n; workers and partitions
/// form n/(s+1) groups of s+1, every worker of group q sends the plain sum of its group's partitions. Any s stragglers
/// leave a survivor per group, so decoding is exact with 0/1 coefficients. Load (s+1)/n (optimal for s per round).
/// Decode O(n).
/// </summary>
public sealed class FractionalRepetitionCode : IGradientCode
{
    private readonly int[] _supports;

    /// <summary>Creates the code; throws when (s+1) does not divide n or s is out of 0..n-1.</summary>
    public FractionalRepetitionCode(int n, int s)
    {
        if (n < 1) throw new ArgumentException($"n must be >= 1, got {n}");
        if (s < 0 || s > n - 1) throw new ArgumentException($"GC needs 0 <= s <= n-1 = {n - 1}, got s={s}");
        if (n % (s + 1) != 0) throw new ArgumentException($"fractional repetition needs (s+1) | n, got n={n}, s={s}");
        Workers = n;
        Tolerance = s;
        _supports = new int[n * (s + 1)];
        for (int i = 0; i < n; i++)
        {
            int group = i / (s + 1);
            for (int k = 0; k <= s; k++) _supports[i * (s + 1) + k] = group * (s + 1) + k;
        }
    }

    /// <inheritdoc />
    public int Workers { get; }

    /// <inheritdoc />
    public int Tolerance { get; }

    /// <inheritdoc />
    public double Coefficient(int worker, int partition) => worker / (Tolerance + 1) == partition / (Tolerance + 1) ? 1.0 : 0.0;

    /// <inheritdoc />
    public ReadOnlySpan<int> Support(int worker) => _supports.AsSpan(worker * (Tolerance + 1), Tolerance + 1);

    /// <inheritdoc />
    public DecodeResult Decode(ReadOnlySpan<bool> returned, Span<double> coefficients)
    {
        int g = Tolerance + 1;
        coefficients.Slice(0, Workers).Clear();
        bool ok = true;
        for (int q = 0; q < Workers / g; q++)
        {
            int pick = -1;
            for (int k = 0; k < g && pick < 0; k++)
                if (returned[q * g + k]) pick = q * g + k;
            if (pick < 0) { ok = false; continue; }
            coefficients[pick] = 1.0;
        }
        return new DecodeResult(ok, ok ? 0.0 : 1.0, false, 1.0);
    }
}
