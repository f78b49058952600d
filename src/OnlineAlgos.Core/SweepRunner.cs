namespace OnlineAlgos.Core;

/// <summary>
/// Runs the cells of one shard of a sweep in parallel, skipping cells the store already holds, and hands each finished
/// cell to the store at once. Results depend only on (seed, cell), never on the thread count or the order cells finish.
/// </summary>
public static class SweepRunner
{
    /// <summary>
    /// Runs every cell of <paramref name="shard"/> not yet in <paramref name="store"/>. <paramref name="compute"/> maps a
    /// cell to its record values; <paramref name="progress"/> (optional) is called after each cell with (done, total).
    /// Returns all results of the shard (earlier and new) sorted by cell index.
    /// </summary>
    public static IReadOnlyList<CellResult> Run(
        IReadOnlyList<SweepCell> cells,
        Shard shard,
        ICellStore store,
        Func<SweepCell, IReadOnlyList<string>> compute,
        int threads = 1,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(compute);
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), "at least one thread");
        var byId = new Dictionary<string, SweepCell>(StringComparer.Ordinal);
        foreach (var c in cells) byId[c.Id] = c;
        var results = StoredResults(store, byId);
        var pending = PendingCells(cells, shard, results, out int total);
        var run = new PendingRun(store, compute, results, total - pending.Count, total, progress, cancellationToken);
        progress?.Invoke(run.Done, total);
        if (pending.Count > 0) run.Run(pending, threads);
        return ShardResults(results, shard, byId);
    }

    // The results the store already holds, by cell id; each must be a cell of this sweep (same id and index).
    private static Dictionary<string, CellResult> StoredResults(ICellStore store, Dictionary<string, SweepCell> byId)
    {
        var results = new Dictionary<string, CellResult>(StringComparer.Ordinal);
        foreach (var r in store.Finished())
        {
            if (!byId.TryGetValue(r.CellId, out var cell) || cell.Index != r.Index)
                throw new InvalidOperationException(
                    $"the results store holds cell '{r.CellId}' (index {r.Index}), which is not a cell of this sweep: was it written with other parameters?");
            results[r.CellId] = r;
        }
        return results;
    }

    // The shard's cells without a result, in grid order; total = the shard's cells.
    private static List<SweepCell> PendingCells(IReadOnlyList<SweepCell> cells, Shard shard, Dictionary<string, CellResult> results, out int total)
    {
        var pending = new List<SweepCell>();
        total = 0;
        foreach (var c in cells)
        {
            if (!shard.Contains(c)) continue;
            total++;
            if (!results.ContainsKey(c.Id)) pending.Add(c);
        }
        return pending;
    }

    // The shard's results (earlier and new) sorted by cell index.
    private static List<CellResult> ShardResults(Dictionary<string, CellResult> results, Shard shard, Dictionary<string, SweepCell> byId)
    {
        var list = new List<CellResult>(results.Count);
        foreach (var r in results.Values)
            if (shard.Contains(byId[r.CellId])) list.Add(r);
        list.Sort((a, b) => a.Index.CompareTo(b.Index));
        return list;
    }

    // The parallel computation of the pending cells: each finished cell is stored, recorded and reported under one lock.
    private sealed class PendingRun
    {
        private readonly ICellStore _store;
        private readonly Func<SweepCell, IReadOnlyList<string>> _compute;
        private readonly Dictionary<string, CellResult> _results;
        private readonly int _total;
        private readonly Action<int, int>? _progress;
        private readonly CancellationToken _cancellationToken;
        private readonly object _gate = new();
        private bool _abandoned;

        public PendingRun(ICellStore store, Func<SweepCell, IReadOnlyList<string>> compute, Dictionary<string, CellResult> results,
            int done, int total, Action<int, int>? progress, CancellationToken cancellationToken)
        {
            _store = store;
            _compute = compute;
            _results = results;
            Done = done;
            _total = total;
            _progress = progress;
            _cancellationToken = cancellationToken;
        }

        public int Done { get; private set; }

        public void Run(List<SweepCell> pending, int threads)
        {
            // The loop runs on its own task so that cancellation returns at once instead of waiting for the cells in
            // flight (a long cell could otherwise delay a Ctrl-C or a Slurm SIGTERM by minutes). Cells that finish
            // after cancellation are dropped, never stored half-way: the flag is set under the store's lock.
            var loop = Task.Run(() => Parallel.ForEach(
                pending,
                new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = _cancellationToken },
                ComputeCell), CancellationToken.None);
            try
            {
                loop.Wait(_cancellationToken);
            }
            catch (OperationCanceledException)
            {
                lock (_gate) _abandoned = true;
                throw;
            }
            catch (AggregateException e)
            {
                lock (_gate) _abandoned = true;
                ThrowFirstFailure(e);
            }
        }

        private void ComputeCell(SweepCell cell)
        {
            if (Volatile.Read(ref _abandoned)) return;
            var values = _compute(cell);
            var result = new CellResult(cell.Index, cell.Id, values);
            lock (_gate)
            {
                if (_abandoned || _cancellationToken.IsCancellationRequested) return;
                _store.Append(result);
                _results[cell.Id] = result;
                Done++;
                _progress?.Invoke(Done, _total);
            }
        }

        // The first failure of a cell, as the study threw it (not wrapped), so callers can report it plainly; a loop
        // that only was cancelled throws OperationCanceledException.
        private void ThrowFirstFailure(AggregateException e)
        {
            Exception? failure = null;
            foreach (var x in e.Flatten().InnerExceptions)
                if (x is not OperationCanceledException) { failure = x; break; }
            if (failure is null) throw new OperationCanceledException(_cancellationToken);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>
    /// Combines the results of shards into the result list of the whole sweep, sorted by cell index. Duplicates must
    /// agree; a missing cell is an error naming it (so a merge never silently yields a partial table).
    /// </summary>
    /// <param name="cells">The cells of the whole sweep, in grid order.</param>
    /// <param name="shardResults">The records of all shards.</param>
    /// <param name="shards">How many shards the sweep was split into (only to name the shard of a missing cell).</param>
    public static IReadOnlyList<CellResult> Merge(IReadOnlyList<SweepCell> cells, IEnumerable<CellResult> shardResults, int shards = 1)
    {
        if (shards < 1) throw new ArgumentOutOfRangeException(nameof(shards), "at least one shard");
        var byIndex = new SortedDictionary<int, CellResult>();
        foreach (var r in shardResults)
        {
            if (r.Index < 0 || r.Index >= cells.Count || cells[r.Index].Id != r.CellId)
                throw new InvalidOperationException($"result for cell '{r.CellId}' (index {r.Index}) does not belong to this sweep");
            if (byIndex.TryGetValue(r.Index, out var prior))
            {
                if (!prior.Values.SequenceEqual(r.Values, StringComparer.Ordinal))
                    throw new InvalidOperationException($"two shards disagree on cell '{r.CellId}'");
                continue;
            }
            byIndex[r.Index] = r;
        }
        foreach (var c in cells)
            if (!byIndex.ContainsKey(c.Index))
                throw new InvalidOperationException(shards == 1
                    ? $"cell '{c.Id}' (index {c.Index}) is missing: run the sweep again to compute it"
                    : $"cell '{c.Id}' (index {c.Index}) is missing: run shard {c.Index % shards}/{shards} ({c.Index} mod {shards} = {c.Index % shards}) first");
        return byIndex.Values.ToList();
    }
}
