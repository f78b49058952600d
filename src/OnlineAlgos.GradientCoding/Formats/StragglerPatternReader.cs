using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Formats;

/// <summary>
/// Reads a straggler pattern CSV (FORMATS.md): header <c>round,worker,straggler</c>, straggler 0 or 1, rounds and
/// workers 0-based and complete (every round x worker exactly once, any row order). Errors are
/// <see cref="InstanceFormatException"/> with file, line and expectation.
/// </summary>
public static class StragglerPatternReader
{
    /// <summary>Parses the whole pattern.</summary>
    public static StragglerPattern Read(TextReader reader, string source)
    {
        string? header = reader.ReadLine();
        if (header is null) throw new InstanceFormatException(source, 1, "the header round,worker,straggler (file is empty)");
        if (header.TrimStart('\uFEFF').Trim() != "round,worker,straggler")
            throw new InstanceFormatException(source, 1, $"the header round,worker,straggler, got '{header}'");
        var cells = new List<(int R, int W, bool S, long Line)>();
        int maxR = -1, maxW = -1;
        long lineNo = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0) throw new InstanceFormatException(source, lineNo, "a data row (blank line)");
            var f = CsvLine.Split(line, source, lineNo);
            if (f.Count != 3) throw new InstanceFormatException(source, lineNo, $"3 fields round,worker,straggler, got {f.Count}");
            int r = ParseIndex(f[0], source, lineNo, "round");
            int w = ParseIndex(f[1], source, lineNo, "worker");
            string st = f[2].Trim();
            if (st != "0" && st != "1") throw new InstanceFormatException(source, lineNo, $"column straggler: 0 or 1, got '{f[2]}'");
            cells.Add((r, w, st == "1", lineNo));
            maxR = Math.Max(maxR, r); maxW = Math.Max(maxW, w);
        }
        if (cells.Count == 0) throw new InstanceFormatException(source, lineNo, "at least one data row after the header");
        long total = (long)(maxR + 1) * (maxW + 1);
        if (total > 50_000_000) throw new InstanceFormatException(source, lineNo, $"at most 50,000,000 round x worker cells, got {total}");
        // A complete pattern has one row per cell: check that before allocating the grid the largest ids imply.
        if (total > cells.Count)
        {
            // Name the first missing cell from the sorted rows (O(rows log rows), no grid).
            var keys = new long[cells.Count];
            for (int i = 0; i < keys.Length; i++) keys[i] = (long)cells[i].R * (maxW + 1) + cells[i].W;
            Array.Sort(keys);
            long missing = 0;
            foreach (long k in keys) { if (k == missing) missing++; else if (k > missing) break; }
            throw new InstanceFormatException(source, lineNo,
                $"a complete pattern ({maxR + 1} rounds x {maxW + 1} workers, {total} rows; found only {cells.Count}), missing round {missing / (maxW + 1)} worker {missing % (maxW + 1)}");
        }
        var flags = new bool[total];
        var present = new bool[total];
        foreach (var (r, w, s, l) in cells)
        {
            long k = (long)r * (maxW + 1) + w;
            if (present[k]) throw new InstanceFormatException(source, l, $"each (round, worker) once, ({r}, {w}) repeats");
            present[k] = true; flags[k] = s;
        }
        for (long k = 0; k < total; k++)
            if (!present[k])
                throw new InstanceFormatException(source, lineNo, $"a complete pattern ({maxR + 1} rounds x {maxW + 1} workers), missing round {k / (maxW + 1)} worker {k % (maxW + 1)}");
        return new StragglerPattern(maxR + 1, maxW + 1, flags);
    }

    private static int ParseIndex(string s, string source, long line, string column)
    {
        if (!int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v > 10_000_000)
            throw new InstanceFormatException(source, line, $"column {column}: a non-negative integer index, got '{s}'");
        return v;
    }
}
