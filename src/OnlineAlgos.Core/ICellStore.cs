namespace OnlineAlgos.Core;

/// <summary>
/// Where a sweep keeps finished cells. <see cref="Append"/> must make the record durable before it returns (append and
/// flush), so an interrupted sweep loses no finished cell; <see cref="Finished"/> lets a restart skip them. The file
/// implementation lives outside Core (Core does no I/O); <see cref="MemoryCellStore"/> serves tests and library use.
/// </summary>
public interface ICellStore
{
    /// <summary>Results already stored (from an earlier, interrupted run).</summary>
    IReadOnlyList<CellResult> Finished();

    /// <summary>Stores one finished cell durably. Called under the runner's lock, one call at a time.</summary>
    void Append(CellResult result);
}

/// <summary>An in-memory <see cref="ICellStore"/>.</summary>
public sealed class MemoryCellStore : ICellStore
{
    private readonly List<CellResult> _results = new();

    /// <inheritdoc/>
    public IReadOnlyList<CellResult> Finished() => _results.ToArray();

    /// <inheritdoc/>
    public void Append(CellResult result) => _results.Add(result);
}
