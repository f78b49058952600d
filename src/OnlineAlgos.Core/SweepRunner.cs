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

        var results = new Dictionary<string, CellResult>(StringComparer.Ordinal);
        foreach (var r in store.Finished())
        {
            if (!byId.TryGetValue(r.CellId, out var cell) || cell.Index != r.Index)
                throw new InvalidOperationException(
                    $"the results store holds cell '{r.CellId}' (index {r.Index}), which is not a cell of this sweep: was it written with other parameters?");
            results[r.CellId] = r;
        }
        var pending = new List<SweepCell>();
        int total = 0;
        foreach (var c in cells)
        {
            if (!shard.Contains(c)) continue;
            total++;
            if (!results.ContainsKey(c.Id)) pending.Add(c);
        }
        int done = total - pending.Count;
        var gate = new object();
        bool abandoned = false;
        progress?.Invoke(done, total);
        if (pending.Count > 0)
        {
            // The loop runs on its own task so that cancellation returns at once instead of waiting for the cells in
            // flight (a long cell could otherwise delay a Ctrl-C or a Slurm SIGTERM by minutes). Cells that finish
            // after cancellation are dropped, never stored half-way: the flag is set under the store's lock.
            var loop = Task.Run(() => Parallel.ForEach(
                pending,
                new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
                cell =>
                {
                    if (Volatile.Read(ref abandoned)) return;
                    var values = compute(cell);
                    var result = new CellResult(cell.Index, cell.Id, values);
                    lock (gate)
                    {
                        if (abandoned || cancellationToken.IsCancellationRequested) return;
                        store.Append(result);
                        results[cell.Id] = result;
                        done++;
                        progress?.Invoke(done, total);
                    }
                }), CancellationToken.None);
            try
            {
                loop.Wait(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                lock (gate) abandoned = true;
                throw;
            }
            catch (AggregateException e)
            {
                lock (gate) abandoned = true;
                Exception? failure = null;
                foreach (var x in e.Flatten().InnerExceptions)
                    if (x is not OperationCanceledException) { failure = x; break; }
                if (failure is null) throw new OperationCanceledException(cancellationToken);
                // The first failure of a cell, as the study threw it (not wrapped), so callers can report it plainly.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
        var list = new List<CellResult>(results.Count);
        foreach (var r in results.Values)
            if (shard.Contains(byId[r.CellId])) list.Add(r);
        list.Sort((a, b) => a.Index.CompareTo(b.Index));
        return list;
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
