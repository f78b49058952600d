using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Experiments;

namespace OnlineAlgos.Experiments.Tests.MoeBalancing;

/// <summary>Runs a MoE study in memory, as the CLI's runner does minus the files, and reads its tables back.</summary>
internal static class MoeStudyHarness
{
    public static readonly StudyOptions Quick = new(20261126, Quick: true, DataDirectory: null);

    public sealed record Run(IReadOnlyList<CellResult> Results, StudyOutput Output)
    {
        /// <summary>Every table rendered as CSV, by file stem (what <c>run</c> writes to &lt;stem&gt;.csv).</summary>
        public Dictionary<string, string> Csv => Output.Tables.ToDictionary(t => t.FileStem, t => t.Table.Render(TableFormat.Csv));

        public Table Table(string stem) => Output.Tables.Single(t => t.FileStem == stem).Table;
    }

    public static Run Execute(IStudy study, int threads, StudyOptions? options = null)
    {
        var o = options ?? Quick;
        var results = SweepRunner.Run(study.Grid(o).Cells(), Shard.All, new MemoryCellStore(), c => study.RunCell(c, o), threads);
        return new Run(results, study.Summarize(results, o));
    }

    /// <summary>The formatted value of column <paramref name="column"/> in the row whose first cells are <paramref name="key"/>.</summary>
    public static double Value(Table table, string column, params string[] key)
    {
        int c = table.Columns.Select(x => x.Name).ToList().IndexOf(column);
        if (c < 0) throw new ArgumentException($"no column '{column}' in '{table.Title}'");
        var row = table.FormattedRows().Single(r => key.Select((k, i) => r[i] == k).All(b => b));
        return double.Parse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static IEnumerable<double> Column(Table table, string column)
    {
        int c = table.Columns.Select(x => x.Name).ToList().IndexOf(column);
        if (c < 0) throw new ArgumentException($"no column '{column}' in '{table.Title}'");
        return table.FormattedRows().Select(r => double.Parse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
