using System.Text;

namespace OnlineAlgos.GradientCoding.Model;

/// <summary>
/// Who straggles when: a boolean rounds x workers matrix (0-based). A straggler loses its whole round's output
/// (spec §1). Immutable after construction; stored row-major in one array.
/// </summary>
public sealed class StragglerPattern
{
    private readonly bool[] _cells;

    /// <summary>Wraps a row-major rounds x workers matrix (copied).</summary>
    public StragglerPattern(int rounds, int workers, ReadOnlySpan<bool> cells)
    {
        if (rounds < 0) throw new ArgumentOutOfRangeException(nameof(rounds), "rounds must be >= 0");
        if (workers < 1) throw new ArgumentOutOfRangeException(nameof(workers), "workers must be >= 1");
        if (cells.Length != rounds * workers) throw new ArgumentException("cells must have rounds*workers entries", nameof(cells));
        Rounds = rounds;
        Workers = workers;
        _cells = cells.ToArray();
    }

    /// <summary>A pattern with no stragglers.</summary>
    public static StragglerPattern Clean(int rounds, int workers) => new(rounds, workers, new bool[rounds * workers]);

    /// <summary>Builds a pattern from per-round straggler sets.</summary>
    public static StragglerPattern FromSets(int workers, IReadOnlyList<int[]> sets)
    {
        var cells = new bool[sets.Count * workers];
        for (int r = 0; r < sets.Count; r++)
            foreach (int i in sets[r])
            {
                if ((uint)i >= (uint)workers) throw new ArgumentOutOfRangeException(nameof(sets), $"worker {i} out of range in round {r}");
                cells[r * workers + i] = true;
            }
        return new StragglerPattern(sets.Count, workers, cells);
    }

    /// <summary>Number of rounds.</summary>
    public int Rounds { get; }

    /// <summary>Number of workers n.</summary>
    public int Workers { get; }

    /// <summary>True when worker <paramref name="worker"/> straggles in round <paramref name="round"/>.</summary>
    public bool this[int round, int worker] => _cells[round * Workers + worker];

    /// <summary>The straggler flags of one round.</summary>
    public ReadOnlySpan<bool> Round(int round) => _cells.AsSpan(round * Workers, Workers);

    /// <summary>Number of stragglers in a round.</summary>
    public int CountInRound(int round)
    {
        int c = 0;
        foreach (bool b in Round(round)) if (b) c++;
        return c;
    }

    /// <summary>The first <paramref name="rounds"/> rounds (or fewer when shorter).</summary>
    public StragglerPattern Prefix(int rounds)
    {
        int r = Math.Min(rounds, Rounds);
        return new StragglerPattern(r, Workers, _cells.AsSpan(0, r * Workers));
    }

    /// <summary>Pattern text in the <c>round,worker,straggler</c> CSV format (FORMATS.md).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder("round,worker,straggler\n");
        for (int r = 0; r < Rounds; r++)
            for (int i = 0; i < Workers; i++)
                sb.Append(r).Append(',').Append(i).Append(',').Append(this[r, i] ? '1' : '0').Append('\n');
        return sb.ToString();
    }

    /// <summary>Compact text, one line per round listing the stragglers (for messages).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("n=").Append(Workers).Append(" rounds=").Append(Rounds);
        for (int r = 0; r < Rounds; r++)
        {
            sb.Append(" | r").Append(r).Append(':');
            bool first = true;
            for (int i = 0; i < Workers; i++)
                if (this[r, i]) { sb.Append(first ? "" : ",").Append(i); first = false; }
        }
        return sb.ToString();
    }
}
