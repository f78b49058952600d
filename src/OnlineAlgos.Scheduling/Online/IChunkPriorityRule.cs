using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// Priority strategy of <see cref="ChunkedExploreScheduler{T}"/> (spec §2.1 step 4): the key of a job from its current
/// chunk seen as a robust job; smallest key runs. The SODA'26 robust rule is NOT FOUND; plug it in here.
/// </summary>
public interface IChunkPriorityRule<T> where T : struct, INumber<T>
{
    /// <summary>Key of a job; must depend only on the arguments (revealed data).</summary>
    /// <param name="estimate">Chunk estimate E_c = leader size L.</param>
    /// <param name="operationsInChunk">Operations in the chunk so far.</param>
    /// <param name="chunkService">Service P_c received inside the chunk.</param>
    /// <param name="remaining">Exactly known remaining work q_j of the current operation.</param>
    T Key(T estimate, int operationsInChunk, T chunkService, T remaining);
}

/// <summary>Reconstructed placeholder (spec §2.1 step 4): q_j while the chunk holds one operation, P_c + q_j (the
/// chunk's known lower bound) once it holds two or more.</summary>
public sealed class LowerBoundChunkPriority<T> : IChunkPriorityRule<T> where T : struct, INumber<T>
{
    /// <inheritdoc/>
    public T Key(T estimate, int operationsInChunk, T chunkService, T remaining) =>
        operationsInChunk <= 1 ? remaining : chunkService + remaining;
}
