namespace OnlineAlgos.Core;

/// <summary>
/// One cell of a sweep: a point of the parameter grid and a replicate. <see cref="Index"/> is its position in the
/// grid's fixed order and <see cref="Id"/> its stable name (<c>name=value;name=value#replicate</c>); both depend only
/// on the grid, so shards, restarts and merges agree on them.
/// </summary>
public sealed record SweepCell(int Index, string Id, IReadOnlyList<KeyValuePair<string, string>> Parameters, int Replicate)
{
    /// <summary>The value of a parameter of this cell.</summary>
    public string this[string name]
    {
        get
        {
            foreach (var kv in Parameters)
                if (kv.Key == name) return kv.Value;
            throw new KeyNotFoundException($"cell {Id} has no parameter '{name}'");
        }
    }

    /// <summary>The cell's independent random stream under a study seed.</summary>
    public Rng CreateRng(ulong studySeed) => Rng.ForCell(studySeed, Id, Replicate);
}
