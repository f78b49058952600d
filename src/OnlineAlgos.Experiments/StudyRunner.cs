using System.Globalization;
using System.Text;
using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>
/// Runs a study's sweep (one shard or all of it) with resume, and writes its tables (CSV, Markdown, LaTeX) and plots
/// (PNG, and SVG + PDF at two- and one-column width, see <see cref="PlotExport"/>). Layout under the output folder:
/// <c>cells/&lt;study&gt;[.shard-i-of-n].csv</c> (cell records, appended as cells finish) and, once every cell is
/// present, <c>&lt;stem&gt;.csv|.md|.tex</c> per table and <c>&lt;stem&gt;.png|.svg|.pdf</c>,
/// <c>&lt;stem&gt;-1col.svg|.pdf</c> per plot.
/// </summary>
public static class StudyRunner
{
    /// <summary>Where a shard's cell records live.</summary>
    public static string CellFile(string outDir, IStudy study, Shard shard) =>
        Path.Combine(outDir, "cells", shard.Count == 1 ? $"{study.Name}.csv" : $"{study.Name}.shard-{shard.Index}-of-{shard.Count}.csv");

    /// <summary>
    /// Runs the cells of <paramref name="shard"/> not yet on disk; when the shard is the whole sweep, also writes the
    /// outputs. Returns the written output files and the summary (none for a partial shard).
    /// </summary>
    public static StudyRunResult Run(IStudy study, StudyOptions options, string outDir, Shard shard, int threads,
        Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var cells = study.Grid(options).Cells();
        IReadOnlyList<CellResult> results;
        using (var store = new FileCellStore(CellFile(outDir, study, shard), study.RecordColumns))
            results = SweepRunner.Run(cells, shard, store, c => study.RunCell(c, options), threads, progress, cancellationToken);
        if (shard.Count != 1) return new StudyRunResult(Array.Empty<string>(), null);
        return WriteOutputs(study, options, SweepRunner.Merge(cells, results), outDir);
    }

    /// <summary>Combines shard record files into the full outputs (identical to an unsharded run).</summary>
    public static StudyRunResult Merge(IStudy study, StudyOptions options, string outDir, IEnumerable<string> shardFiles)
    {
        var cells = study.Grid(options).Cells();
        var all = new List<CellResult>();
        foreach (var f in shardFiles)
        {
            if (!File.Exists(f)) throw new FileNotFoundException($"shard file '{f}' does not exist", f);
            all.AddRange(FileCellStore.ReadAll(f, study.RecordColumns));
        }
        var merged = SweepRunner.Merge(cells, all);
        // Also leave the merged records where an unsharded run keeps them, so a later 'run' resumes from them.
        string full = CellFile(outDir, study, Shard.All);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var sb = new StringBuilder(FileCellStore.Header(study.RecordColumns)).Append('\n');
        foreach (var r in merged) sb.Append(r.ToLine()).Append('\n');
        WriteAtomic(full, sb.ToString());
        return WriteOutputs(study, options, merged, outDir);
    }

    /// <summary>Writes tables and plots of a complete result set; returns the paths written and the summary.</summary>
    public static StudyRunResult WriteOutputs(IStudy study, StudyOptions options, IReadOnlyList<CellResult> results, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var output = study.Summarize(results, options);
        var written = new List<string>();
        foreach (var t in output.Tables)
        {
            foreach (var (ext, fmt) in new[] { (".csv", TableFormat.Csv), (".md", TableFormat.Markdown), (".tex", TableFormat.Latex) })
            {
                string path = Path.Combine(outDir, t.FileStem + ext);
                WriteAtomic(path, t.Table.Render(fmt, t.FileStem));
                written.Add(path);
            }
        }
        foreach (var p in output.Plots) written.AddRange(PlotExport.Save(p, outDir));
        return new StudyRunResult(written, output);
    }

    /// <summary>Writes through a temporary file and a rename, so no half-written output is left behind.</summary>
    public static void WriteAtomic(string path, string content)
    {
        string tmp = path + ".tmp";
        File.WriteAllText(tmp, content, new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Invariant-culture formatting for record values.</summary>
    public static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Invariant-culture formatting for record values.</summary>
    public static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a record value written by <see cref="Num(double)"/>.</summary>
    public static double ParseNum(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
