namespace OnlineAlgos.Experiments;

/// <summary>Positions of a study's record columns by name, so a study reads a cell's values as
/// <c>values[columns["jobs"]]</c> instead of by a bare index. O(1) per lookup.</summary>
public sealed class CellColumns
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="columns"/> (a study's <see cref="IStudy.RecordColumns"/>).</summary>
    /// <exception cref="ArgumentException">A column name appears twice.</exception>
    public CellColumns(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        for (int i = 0; i < columns.Count; i++)
            if (!_index.TryAdd(columns[i], i)) throw new ArgumentException($"column '{columns[i]}' appears twice", nameof(columns));
    }

    /// <summary>The position of column <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public int this[string name] => _index.TryGetValue(name, out int i) ? i
        : throw new KeyNotFoundException($"no record column '{name}'; known: {string.Join(", ", _index.Keys)}");
}
