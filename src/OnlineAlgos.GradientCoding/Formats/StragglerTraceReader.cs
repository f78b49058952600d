using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Formats;

/// <summary>
/// Reads a straggler trace CSV (FORMATS.md): header naming the columns <c>round,worker,round_started_s,
/// round_finished_s,worker_started_s,worker_finished_s</c> (any order, extra columns ignored), one row per round and
/// worker. Rounds must be 0,1,2,... in non-decreasing file order; each round lists workers 0..n-1 exactly once with the
/// same n in every round; times are finite, non-negative, and worker_finished_s &gt;= worker_started_s.
/// d[r][i] = worker_finished_s - worker_started_s (the worker_* columns use the worker's clock and are not mixed with
/// round_*). Every violation raises <see cref="InstanceFormatException"/> naming the file, line and expectation.
/// </summary>
public static class StragglerTraceReader
{
    /// <summary>The required columns.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["round", "worker", "round_started_s", "round_finished_s", "worker_started_s", "worker_finished_s"];

    /// <summary>Parses the whole trace.</summary>
    public static StragglerTrace Read(TextReader reader, string source)
    {
        string? header = reader.ReadLine();
        if (header is null) throw new InstanceFormatException(source, 1, "a header line " + string.Join(",", Columns) + " (file is empty)");
        var names = CsvLine.Split(header.TrimStart('\uFEFF'), source, 1);
        var index = ColumnIndex(names, source);
        var rounds = new RoundCollector(source);
        long lineNo = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var (round, worker, d) = ParseRow(line, names.Count, index, source, lineNo);
            rounds.Add(round, worker, d, lineNo);
        }
        return rounds.Finish(lineNo);
    }

    // The header position of each required column.
    private static int[] ColumnIndex(List<string> names, string source)
    {
        var index = new int[Columns.Count];
        for (int c = 0; c < Columns.Count; c++)
        {
            index[c] = -1;
            for (int k = 0; k < names.Count; k++)
                if (string.Equals(names[k].Trim(), Columns[c], StringComparison.Ordinal)) { index[c] = k; break; }
            if (index[c] < 0) throw new InstanceFormatException(source, 1, $"a header with column '{Columns[c]}' (required: {string.Join(",", Columns)})");
        }
        return index;
    }

    // One data row: its round, worker and d = worker_finished_s - worker_started_s (every time column is checked).
    private static (int Round, int Worker, double D) ParseRow(string line, int fields, int[] index, string source, long lineNo)
    {
        if (line.Length == 0) throw new InstanceFormatException(source, lineNo, "a data row (blank line)");
        var f = CsvLine.Split(line, source, lineNo);
        if (f.Count != fields) throw new InstanceFormatException(source, lineNo, $"{fields} fields like the header, got {f.Count}");
        int round = ParseInt(f[index[0]], source, lineNo, "round");
        int worker = ParseInt(f[index[1]], source, lineNo, "worker");
        for (int c = 2; c < Columns.Count; c++) ParseTime(f[index[c]], source, lineNo, Columns[c]);
        double ws = ParseTime(f[index[4]], source, lineNo, "worker_started_s");
        double wf = ParseTime(f[index[5]], source, lineNo, "worker_finished_s");
        if (wf < ws) throw new InstanceFormatException(source, lineNo, $"worker_finished_s >= worker_started_s, got {wf.ToString(CultureInfo.InvariantCulture)} < {ws.ToString(CultureInfo.InvariantCulture)}");
        return (round, worker, wf - ws);
    }

    // Collects rows round by round: rounds 0, 1, 2, ... in order, each worker once per round, round 0 fixing n.
    private sealed class RoundCollector
    {
        private readonly string source;
        private readonly List<double> rows = new();
        private readonly List<(int Worker, double D)> current = new();
        private readonly List<bool> seen = new();
        private int workers = -1, currentRound = -1;

        public RoundCollector(string source) => this.source = source;

        public void Add(int round, int worker, double d, long lineNo)
        {
            if (round != currentRound) StartRound(round, lineNo);
            if (workers >= 0 && worker >= workers)
                throw new InstanceFormatException(source, lineNo, $"worker ids 0..{workers - 1} as in round 0 (inconsistent worker count), got worker {worker}");
            if (worker > 1_000_000) throw new InstanceFormatException(source, lineNo, $"a worker id below 1000000, got {worker}");
            while (seen.Count <= worker) seen.Add(false);
            if (seen[worker]) throw new InstanceFormatException(source, lineNo, $"each worker once per round, worker {worker} repeats in round {round}");
            seen[worker] = true;
            current.Add((worker, d));
        }

        // The trace after the last row (lineNo: the last line read).
        public StragglerTrace Finish(long lineNo)
        {
            if (currentRound < 0) throw new InstanceFormatException(source, lineNo, "at least one data row after the header");
            workers = CloseRound(currentRound, workers, lineNo + 1);
            return new StragglerTrace(currentRound + 1, workers, rows.ToArray());
        }

        private void StartRound(int round, long lineNo)
        {
            if (round < currentRound) throw new InstanceFormatException(source, lineNo, $"rounds in order, got round {round} after round {currentRound}");
            if (round != currentRound + 1) throw new InstanceFormatException(source, lineNo, $"round {currentRound + 1} next (rounds 0,1,2,... without gaps), got round {round}");
            if (currentRound >= 0) workers = CloseRound(currentRound, workers, lineNo);
            currentRound = round;
            seen.Clear();
            current.Clear();
        }

        // Checks the finished round's workers against round 0 and appends its d row; the round's worker count.
        private int CloseRound(int round, int n, long at)
        {
            if (n < 0)
            {
                n = current.Count;
                for (int k = 0; k < seen.Count; k++)
                    if (!seen[k]) throw new InstanceFormatException(source, at, $"round 0 to list workers 0..{seen.Count - 1} without gaps, worker {k} missing");
            }
            else if (current.Count != n)
                throw new InstanceFormatException(source, at, $"{n} workers in round {round} as in round 0 (inconsistent worker count), got {current.Count}");
            int offset = rows.Count;
            rows.AddRange(new double[n]);
            foreach (var (w, d) in current) rows[offset + w] = d;
            return n;
        }
    }

    private static int ParseInt(string s, string source, long line, string column)
    {
        if (!int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            throw new InstanceFormatException(source, line, $"column {column}: a non-negative integer, got '{s}'");
        return v;
    }

    private static double ParseTime(string s, string source, long line, string column)
    {
        if (!double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new InstanceFormatException(source, line, $"column {column}: a number of seconds, got '{s}'");
        if (v < 0) throw new InstanceFormatException(source, line, $"column {column}: a non-negative time, got '{s}'");
        return v;
    }
}
