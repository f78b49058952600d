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
        progress?.Invoke(done, total);
        Parallel.ForEach(
            pending,
            new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            cell =>
            {
                var values = compute(cell);
                var result = new CellResult(cell.Index, cell.Id, values);
                lock (gate)
                {
                    store.Append(result);
                    results[cell.Id] = result;
                    done++;
                    progress?.Invoke(done, total);
                }
            });
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
    public static IReadOnlyList<CellResult> Merge(IReadOnlyList<SweepCell> cells, IEnumerable<CellResult> shardResults)
    {
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
                throw new InvalidOperationException($"cell '{c.Id}' (index {c.Index}) is missing: run its shard ({c.Index} mod n) first");
        return byIndex.Values.ToList();
    }
}
