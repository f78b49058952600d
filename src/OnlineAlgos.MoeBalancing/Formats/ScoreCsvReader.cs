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
            if (f.Count != cols.Count)
                throw new InstanceFormatException(source, line, $"{cols.Count} fields ({(hasBatch ? "batch, " : "")}token and {e} scores), found {f.Count}");
            if (hasBatch)
            {
                int b = ParseIndex(f[0], source, line, "batch");
                if (b == batch + 1 && token > 0)
                {
                    batches.Add(new ScoreMatrix(token, e, current.ToArray()));
                    current.Clear();
                    batch = b;
                    token = 0;
                }
                else if (b != batch)
                    throw new InstanceFormatException(source, line, $"batch {batch}{(token > 0 ? $" or {batch + 1}" : "")} (batches numbered 0, 1, ... in order), found {b}");
            }
            if (current.Count > Array.MaxLength - e)
                throw new InstanceFormatException(source, line, $"at most {Array.MaxLength} scores in one batch");
            int tk = ParseIndex(f[first - 1], source, line, "token");
            if (tk != token) throw new InstanceFormatException(source, line, $"token {token} (tokens numbered 0, 1, ... within a batch), found {tk}");
            for (int i = 0; i < e; i++)
            {
                string s = f[first + i].Trim();
                if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    throw new InstanceFormatException(source, line, $"a number for e{i}, found '{s}'");
                if (!double.IsFinite(v))
                    throw new InstanceFormatException(source, line, $"a finite score for e{i}, found '{s}' (NaN and Infinity are not allowed)");
                current.Add(v);
            }
            token++;
        }
        if (token == 0 && batches.Count == 0) throw new InstanceFormatException(source, line + 1, "at least one token row after the header");
        batches.Add(new ScoreMatrix(token, e, current.ToArray()));
        return batches;
    }

    private static int ParseIndex(string s, string source, long line, string what)
    {
        if (!int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            throw new InstanceFormatException(source, line, $"a {what} index (non-negative integer), found '{s}'");
        return v;
    }
}
