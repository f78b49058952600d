using System.Globalization;

namespace OnlineAlgos.Core;

/// <summary>
/// A deterministic slice of a sweep: shard <c>i/n</c> (0 ≤ i &lt; n) takes the cells whose index ≡ i (mod n), so the
/// n shards partition the cells and interleave cheap and expensive ones. Use it as a Slurm job array:
/// <c>--shard $SLURM_ARRAY_TASK_ID/N</c>.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole sweep.</summary>
    public static Shard All => new(0, 1);

    /// <summary>Whether the cell belongs to this shard.</summary>
    public bool Contains(SweepCell cell) => cell.Index % Count == Index;

    /// <summary>Parses <c>i/n</c>; throws <see cref="FormatException"/> with a clear message otherwise.</summary>
    public static Shard Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || n < 1 || i >= n)
            throw new FormatException($"--shard expects i/n with 0 <= i < n (e.g. 0/4), got '{text}'");
        return new Shard(i, n);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
