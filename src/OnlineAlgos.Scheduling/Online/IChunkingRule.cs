using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// Chunking strategy of <see cref="ChunkedExploreScheduler{T}"/> (spec §2.1 step 2): when a job's next operation of
/// size <c>revealed</c> becomes known, join it to the current virtual chunk or open a new chunk with it as leader.
/// The paper's rule is NOT FOUND; plug it in here.
/// </summary>
public interface IChunkingRule<T> where T : struct, INumber<T>
{
    /// <summary>True to join the current chunk, false to split.</summary>
    /// <param name="leader">Size L of the chunk's first operation.</param>
    /// <param name="operationsInChunk">Operations already in the chunk (&gt;= 1).</param>
    /// <param name="revealed">Size of the operation just revealed.</param>
    bool Join(T leader, int operationsInChunk, T revealed);
}

/// <summary>Reconstructed default (spec §2.1): join iff revealed &lt;= theta·L, theta &gt;= 1.</summary>
public sealed class ThresholdChunkingRule<T> : IChunkingRule<T> where T : struct, INumber<T>
{
    /// <summary>Creates the rule.</summary>
    public ThresholdChunkingRule(T theta)
    {
        if (theta < T.One) throw new ArgumentOutOfRangeException(nameof(theta), "theta must be >= 1");
        Theta = theta;
    }

    /// <summary>Join threshold factor.</summary>
    public T Theta { get; }
    /// <inheritdoc/>
    public bool Join(T leader, int operationsInChunk, T revealed) => revealed <= Theta * leader;
}
