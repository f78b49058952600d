namespace OnlineAlgos.MoeBalancing.Model;

/// <summary>
/// One batch of router affinity scores S (T tokens x E experts), stored row-major in one array so a token's row is a
/// contiguous span (the routing hot loop scans rows). Scores are exogenous inputs (spec §1): no router is trained here.
/// </summary>
/// <remarks>
/// <see cref="Data"/> is the backing array and is shared, not copied: generators fill it in place to avoid per-batch
/// allocation. Integer-valued scores (|s| &lt; 2^40) keep every sum exact in double arithmetic, which the exact
/// property tests of spec §6 rely on.
/// </remarks>
public sealed class ScoreMatrix
{
    /// <summary>A zero matrix of the given shape.</summary>
    public ScoreMatrix(int tokens, int experts)
    {
        if (tokens < 0) throw new ArgumentOutOfRangeException(nameof(tokens), "tokens must be >= 0");
        if (experts < 1) throw new ArgumentOutOfRangeException(nameof(experts), "experts must be >= 1");
        Tokens = tokens;
        Experts = experts;
        Data = new double[checked(tokens * experts)];
    }

    /// <summary>Wraps an existing row-major array (not copied); its length must be tokens x experts.</summary>
    public ScoreMatrix(int tokens, int experts, double[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (tokens < 0) throw new ArgumentOutOfRangeException(nameof(tokens), "tokens must be >= 0");
        if (experts < 1) throw new ArgumentOutOfRangeException(nameof(experts), "experts must be >= 1");
        if (data.Length != checked(tokens * experts))
            throw new ArgumentException($"data has {data.Length} values, expected {tokens}x{experts}", nameof(data));
        Tokens = tokens;
        Experts = experts;
        Data = data;
    }

    /// <summary>Number of tokens T (rows).</summary>
    public int Tokens { get; }

    /// <summary>Number of routed experts E (columns).</summary>
    public int Experts { get; }

    /// <summary>Row-major backing array, length T·E.</summary>
    public double[] Data { get; }

    /// <summary>Score s_{t,i}.</summary>
    public double this[int token, int expert]
    {
        get => Data[token * Experts + expert];
        set => Data[token * Experts + expert] = value;
    }

    /// <summary>The scores of one token.</summary>
    public ReadOnlySpan<double> Row(int token) => Data.AsSpan(token * Experts, Experts);

    /// <summary>The scores of one token, writable.</summary>
    public Span<double> RowMut(int token) => Data.AsSpan(token * Experts, Experts);

    /// <summary>A matrix from nested rows (all rows must have the same length).</summary>
    public static ScoreMatrix FromRows(IReadOnlyList<double[]> rows, int experts)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var m = new ScoreMatrix(rows.Count, experts);
        for (int t = 0; t < rows.Count; t++)
        {
            if (rows[t].Length != experts) throw new ArgumentException($"row {t} has {rows[t].Length} values, expected {experts}", nameof(rows));
            rows[t].CopyTo(m.Data, t * experts);
        }
        return m;
    }

    /// <summary>A deep copy.</summary>
    public ScoreMatrix Clone() => new(Tokens, Experts, (double[])Data.Clone());

    /// <summary>The rows of several batches stacked into one matrix (same number of experts).</summary>
    public static ScoreMatrix Concat(IReadOnlyList<ScoreMatrix> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0) throw new ArgumentException("no batches", nameof(batches));
        int e = batches[0].Experts, t = 0;
        foreach (var b in batches)
        {
            if (b.Experts != e) throw new ArgumentException("batches differ in the number of experts", nameof(batches));
            t += b.Tokens;
        }
        var m = new ScoreMatrix(t, e);
        int off = 0;
        foreach (var b in batches)
        {
            b.Data.CopyTo(m.Data, off);
            off += b.Data.Length;
        }
        return m;
    }
}
