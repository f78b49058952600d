using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>
/// Reconstructed: a stand-in for the paper's chunk-based O(m^2) algorithm (Lindermayr et al., arXiv 2602.12716), whose
/// chunking rule, chunk estimate, priority rule and constants could NOT be read. This skeleton (spec §2.1) has the same
/// information access pattern: each job's revealed operations are bundled into virtual chunks by an
/// <see cref="IChunkingRule{T}"/>, each chunk is treated as a robust job with estimate = its leader's size, and an
/// <see cref="IChunkPriorityRule{T}"/> picks the job to run at rate 1 (ties by the tie rule). No guarantee is claimed.
/// With one operation per job and the defaults it is SRPT (optimal). Counters: chunks per job and operations per chunk
/// (hypothetical stand-ins for the paper's m1, m2, not their definitions). O(log n) per event.
/// </summary>
public sealed class ChunkedExploreScheduler<T> : PriorityRuleScheduler<T> where T : struct, INumber<T>
{
    private readonly IChunkingRule<T> _chunking;
    private readonly IChunkPriorityRule<T> _priority;
    private T[] _leader = Array.Empty<T>();
    private T[] _chunkStart = Array.Empty<T>(); // attained service when the chunk opened
    private int[] _opsInChunk = Array.Empty<int>();
    private int[] _chunks = Array.Empty<int>();

    /// <summary>The skeleton with the defaults of spec §2.1 (threshold chunking with theta, lower-bound priority).</summary>
    public ChunkedExploreScheduler(T theta, TieRule tieRule = TieRule.ReleaseAscending)
        : this(new ThresholdChunkingRule<T>(theta), new LowerBoundChunkPriority<T>(), tieRule) { }

    /// <summary>The skeleton with pluggable rules.</summary>
    public ChunkedExploreScheduler(IChunkingRule<T> chunking, IChunkPriorityRule<T> priority, TieRule tieRule = TieRule.ReleaseAscending)
        : base(tieRule)
    {
        _chunking = chunking;
        _priority = priority;
    }

    /// <inheritdoc/>
    public override string Name => "chunked";
    /// <summary>Largest number of chunks of one job so far.</summary>
    public int ChunkCountMax { get; private set; }
    /// <summary>Largest number of operations in one chunk so far.</summary>
    public int OpsPerChunkMax { get; private set; }
    /// <summary>Total chunks opened.</summary>
    public long ChunkTotal { get; private set; }
    /// <summary>Chunks opened for job j in the last run.</summary>
    public int ChunkCount(int job) => _chunks[job];

    /// <inheritdoc/>
    public override void Start(SchedulerView<T> view)
    {
        base.Start(view);
        int n = view.IdCapacity;
        _leader = new T[n];
        _chunkStart = new T[n];
        _opsInChunk = new int[n];
        _chunks = new int[n];
        ChunkCountMax = OpsPerChunkMax = 0;
        ChunkTotal = 0;
    }

    /// <inheritdoc/>
    public override void OnRelease(int job, SchedulerView<T> view)
    {
        _chunks[job] = 0;
        OpenChunk(job, view);
        base.OnRelease(job, view);
    }

    /// <inheritdoc/>
    public override void OnOperationRevealed(int job, SchedulerView<T> view)
    {
        if (_chunking.Join(_leader[job], _opsInChunk[job], view.OperationSize(job)))
        {
            _opsInChunk[job]++;
            OpsPerChunkMax = Math.Max(OpsPerChunkMax, _opsInChunk[job]);
        }
        else OpenChunk(job, view);
        base.OnOperationRevealed(job, view);
    }

    private void OpenChunk(int job, SchedulerView<T> view)
    {
        _leader[job] = view.OperationSize(job);
        _chunkStart[job] = view.Attained(job);
        _opsInChunk[job] = 1;
        _chunks[job]++;
        ChunkTotal++;
        ChunkCountMax = Math.Max(ChunkCountMax, _chunks[job]);
        OpsPerChunkMax = Math.Max(OpsPerChunkMax, 1);
    }

    /// <inheritdoc/>
    protected override T ComputeKey(int job, SchedulerView<T> view) =>
        _priority.Key(_leader[job], _opsInChunk[job], view.Attained(job) - _chunkStart[job], view.OperationRemaining(job));
}
