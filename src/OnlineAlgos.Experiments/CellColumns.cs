namespace OnlineAlgos.Experiments;

/// <summary>Column positions of a study's cell records by name, so studies read <c>CellResult.Values</c> by column
/// name rather than index. O(columns) to build, O(1) per lookup.</summary>
public sealed class CellColumns
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Indexes the columns (a study's <c>RecordColumns</c>).</summary>
    /// <exception cref="ArgumentException">A column name appears twice.</exception>
    public CellColumns(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        for (int i = 0; i < columns.Count; i++)
            if (!_index.TryAdd(columns[i], i)) throw new ArgumentException($"duplicate column '{columns[i]}'", nameof(columns));
    }

    /// <summary>The position of column <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public int this[string name] =>
        _index.TryGetValue(name, out int i) ? i : throw new KeyNotFoundException($"no cell column '{name}'");
}
