using System.Text;

namespace OnlineAlgos.Core;

/// <summary>
/// Parameter grid x replicates = the ordered list of <see cref="SweepCell"/>s of a sweep. Order: the cartesian
/// product of the axes in the order given (last axis fastest), then replicates 0..r−1 innermost.
/// </summary>
public sealed class SweepGrid
{
    private readonly List<(string Name, IReadOnlyList<string> Values)> _axes = new();

    /// <summary>A grid with the given number of replicates per grid point (≥ 1).</summary>
    public SweepGrid(int replicates = 1)
    {
        if (replicates < 1) throw new ArgumentOutOfRangeException(nameof(replicates), "at least one replicate");
        Replicates = replicates;
    }

    /// <summary>Replicates per grid point.</summary>
    public int Replicates { get; }

    /// <summary>Adds an axis; names and values must not contain '=', ';' or '#', and values must be distinct.</summary>
    public SweepGrid Axis(string name, params string[] values) => Axis(name, (IReadOnlyList<string>)values);

    /// <summary>Adds an axis (see the other overload).</summary>
    public SweepGrid Axis(string name, IReadOnlyList<string> values)
    {
        Check(name);
        if (values.Count == 0) throw new ArgumentException($"axis '{name}' has no values", nameof(values));
        foreach (var v in values) Check(v);
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
            throw new ArgumentException($"axis '{name}' repeats a value", nameof(values));
        foreach (var a in _axes)
            if (a.Name == name) throw new ArgumentException($"axis '{name}' given twice", nameof(name));
        _axes.Add((name, values));
        return this;
    }

    private static readonly System.Buffers.SearchValues<char> Reserved = System.Buffers.SearchValues.Create("=;#\n\r,");

    private static void Check(string s)
    {
        if (string.IsNullOrEmpty(s) || s.AsSpan().IndexOfAny(Reserved) >= 0)
            throw new ArgumentException($"'{s}' is not a valid axis name or value (empty, or contains = ; # , or a newline)");
    }

    /// <summary>All cells in grid order.</summary>
    public IReadOnlyList<SweepCell> Cells()
    {
        var cells = new List<SweepCell>();
        int points = 1;
        foreach (var a in _axes) points = checked(points * a.Values.Count);
        var idx = new int[_axes.Count];
        for (int p = 0; p < points; p++)
        {
            int rem = p;
            for (int a = _axes.Count - 1; a >= 0; a--)
            {
                idx[a] = rem % _axes[a].Values.Count;
                rem /= _axes[a].Values.Count;
            }
            var pars = new KeyValuePair<string, string>[_axes.Count];
            var sb = new StringBuilder();
            for (int a = 0; a < _axes.Count; a++)
            {
                pars[a] = new(_axes[a].Name, _axes[a].Values[idx[a]]);
                if (a > 0) sb.Append(';');
                sb.Append(_axes[a].Name).Append('=').Append(_axes[a].Values[idx[a]]);
            }
            string baseId = sb.ToString();
            for (int r = 0; r < Replicates; r++)
                cells.Add(new SweepCell(cells.Count, baseId + "#" + r.ToString(System.Globalization.CultureInfo.InvariantCulture), pars, r));
        }
        return cells;
    }
}
