using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Formats;

/// <summary>
/// Reads router scores in CSV (FORMATS.md): header <c>token,e0,e1,...,e{E-1}</c>, or <c>batch,token,e0,...</c> for
/// several batches in one file; one row per token. Batches are numbered 0, 1, … in file order and tokens 0, 1, … within
/// each batch. Every score must be a finite number. Any violation raises <see cref="InstanceFormatException"/> naming
/// the line and what was expected. O(file size).
/// </summary>
public static class ScoreCsvReader
{
    /// <summary>The batches of the file (one when there is no <c>batch</c> column).</summary>
    public static IReadOnlyList<ScoreMatrix> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (columns, hasBatch, e) = ReadHeader(reader, source);
        return ReadRows(reader, source, columns, hasBatch, e);
    }

    // Line 1: 'token,e0,...,e{E-1}' or 'batch,token,e0,...' (a BOM and spaces around names allowed); the column
    // count, whether there is a batch column, and E.
    private static (int Columns, bool HasBatch, int Experts) ReadHeader(TextReader reader, string source)
    {
        string? header = reader.ReadLine();
        if (header is null) throw new InstanceFormatException(source, 1, "a header 'token,e0,e1,...' (the file is empty)");
        header = header.TrimStart('\uFEFF');
        var cols = CsvLine.Split(header, source, 1);
        for (int c = 0; c < cols.Count; c++) cols[c] = cols[c].Trim();
        bool hasBatch = cols.Count > 0 && cols[0] == "batch";
        int first = hasBatch ? 2 : 1;
        if (cols.Count <= first - 1 || cols[first - 1] != "token")
            throw new InstanceFormatException(source, 1, hasBatch ? "'token' as the second header column" : "a header starting with 'token' (or 'batch,token')");
        int e = cols.Count - first;
        if (e < 1) throw new InstanceFormatException(source, 1, "at least one expert column e0");
        for (int i = 0; i < e; i++)
            if (cols[first + i] != "e" + i.ToString(CultureInfo.InvariantCulture))
                throw new InstanceFormatException(source, 1, $"header column {first + i + 1} to be 'e{i}', found '{cols[first + i]}'");
        return (cols.Count, hasBatch, e);
    }

    // The token rows after the header (blank lines only at the end), cut into batches by the batch column.
    private static List<ScoreMatrix> ReadRows(TextReader reader, string source, int columns, bool hasBatch, int e)
    {
        int first = hasBatch ? 2 : 1;
        var batches = new List<ScoreMatrix>();
        var current = new List<double>();
        int batch = 0, token = 0;
        long line = 1;
        bool blankSeen = false;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.Length == 0 || text.Trim().Length == 0)
            {
                blankSeen = true;
                continue;
            }
            if (blankSeen) throw new InstanceFormatException(source, line - 1, "no blank line inside the file");
            var f = CsvLine.Split(text, source, line);
            if (f.Count != columns)
                throw new InstanceFormatException(source, line, $"{columns} fields ({(hasBatch ? "batch, " : "")}token and {e} scores), found {f.Count}");
            if (hasBatch && ParseBatch(f[0], source, line, batch, token) is int next)
            {
                batches.Add(new ScoreMatrix(token, e, current.ToArray()));
                current.Clear();
                batch = next;
                token = 0;
            }
            if (current.Count > Array.MaxLength - e)
                throw new InstanceFormatException(source, line, $"at most {Array.MaxLength} scores in one batch");
            int tk = ParseIndex(f[first - 1], source, line, "token");
            if (tk != token) throw new InstanceFormatException(source, line, $"token {token} (tokens numbered 0, 1, ... within a batch), found {tk}");
            ParseScores(f, first, e, source, line, current);
            token++;
        }
        if (token == 0 && batches.Count == 0) throw new InstanceFormatException(source, line + 1, "at least one token row after the header");
        batches.Add(new ScoreMatrix(token, e, current.ToArray()));
        return batches;
    }

    // The row's batch number: null while it stays the current batch, the next number when a new batch starts (only
    // after at least one token of the current one).
    private static int? ParseBatch(string field, string source, long line, int batch, int token)
    {
        int b = ParseIndex(field, source, line, "batch");
        if (b == batch + 1 && token > 0) return b;
        if (b != batch)
            throw new InstanceFormatException(source, line, $"batch {batch}{(token > 0 ? $" or {batch + 1}" : "")} (batches numbered 0, 1, ... in order), found {b}");
        return null;
    }

    // The row's E scores, each a finite number, appended to the batch.
    private static void ParseScores(List<string> f, int first, int e, string source, long line, List<double> current)
    {
        for (int i = 0; i < e; i++)
        {
            string s = f[first + i].Trim();
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw new InstanceFormatException(source, line, $"a number for e{i}, found '{s}'");
            if (!double.IsFinite(v))
                throw new InstanceFormatException(source, line, $"a finite score for e{i}, found '{s}' (NaN and Infinity are not allowed)");
            current.Add(v);
        }
    }

    private static int ParseIndex(string s, string source, long line, string what)
    {
        if (!int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            throw new InstanceFormatException(source, line, $"a {what} index (non-negative integer), found '{s}'");
        return v;
    }
}
