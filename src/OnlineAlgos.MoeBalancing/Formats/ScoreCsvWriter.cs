using System.Globalization;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Formats;

/// <summary>Writes scores in the CSV format that <see cref="ScoreCsvReader"/> reads (round-trip exact, "R" format).</summary>
public static class ScoreCsvWriter
{
    /// <summary>One batch without a batch column, or several with one.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<ScoreMatrix> batches)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0) throw new ArgumentException("no batches", nameof(batches));
        int e = batches[0].Experts;
        bool multi = batches.Count > 1;
        writer.Write(multi ? "batch,token" : "token");
        for (int i = 0; i < e; i++) writer.Write(",e" + i.ToString(CultureInfo.InvariantCulture));
        writer.Write('\n');
        for (int b = 0; b < batches.Count; b++)
        {
            var m = batches[b];
            if (m.Experts != e) throw new ArgumentException("batches differ in the number of experts", nameof(batches));
            for (int t = 0; t < m.Tokens; t++)
            {
                if (multi) writer.Write(b.ToString(CultureInfo.InvariantCulture) + ",");
                writer.Write(t.ToString(CultureInfo.InvariantCulture));
                var row = m.Row(t);
                for (int i = 0; i < e; i++) writer.Write("," + row[i].ToString("R", CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        }
    }
}
