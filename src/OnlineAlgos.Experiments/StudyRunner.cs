using System.Diagnostics;
using System.Globalization;
using System.Text;
using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>
/// Runs a study's sweep (one shard or all of it) with resume, and writes its tables (CSV, Markdown, LaTeX) and plots
/// (PNG, and SVG + PDF at two- and one-column width, see <see cref="PlotExport"/>). Layout under the output folder:
/// <c>cells/&lt;study&gt;[.shard-i-of-n].csv</c> (cell records, appended as cells finish; beside them
/// <c>.manifest.json</c> and <c>.lock</c>, see <see cref="FileCellStore"/>) and, once every cell is present,
/// <c>&lt;stem&gt;.csv|.md|.tex</c> per table, <c>&lt;stem&gt;.png|.svg|.pdf</c> and <c>&lt;stem&gt;-1col.svg|.pdf</c>
/// per plot, and <c>&lt;study&gt;.json</c> (how they were made).
/// </summary>
public static class StudyRunner
{
    /// <summary>Where a shard's cell records live.</summary>
    public static string CellFile(string outDir, IStudy study, Shard shard) =>
        Path.Combine(outDir, "cells", shard.Count == 1 ? $"{study.Name}.csv" : $"{study.Name}.shard-{shard.Index}-of-{shard.Count}.csv");

    /// <summary>
    /// Runs the cells of <paramref name="shard"/> not yet on disk; when the shard is the whole sweep, also writes the
    /// outputs and their sidecar <c>&lt;study&gt;.json</c>. Returns the written output files and the summary (none for
    /// a partial shard). The cell file is locked for the whole run (one writer); cells made with another configuration
    /// are refused with a <see cref="StudyStoreException"/>, or deleted first when <paramref name="fresh"/>.
    /// Cancellation returns promptly with <see cref="OperationCanceledException"/>; finished cells stay on disk.
    /// </summary>
    public static StudyRunResult Run(IStudy study, StudyOptions options, string outDir, Shard shard, int threads,
        Action<int, int>? progress = null, bool fresh = false, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var cells = study.Grid(options).Cells();
        var manifest = StudyManifest.For(study, options, shard, cells);
        using var store = new FileCellStore(CellFile(outDir, study, shard), study.RecordColumns, manifest, fresh);
        int reused = store.Finished().Count;
        var results = SweepRunner.Run(cells, shard, store, c => study.RunCell(c, options), threads, progress, cancellationToken);
        if (shard.Count != 1) return new StudyRunResult(Array.Empty<string>(), null);
        var merged = SweepRunner.Merge(cells, results);
        return WriteOutputs(study, options, merged, outDir, new OutputProvenance(manifest, clock.Elapsed, merged.Count - reused, 1));
    }

    /// <summary>Combines the cell files of all <paramref name="shards"/> shards (<see cref="CellFile"/>) into the full
    /// outputs (identical to an unsharded run).</summary>
    public static StudyRunResult Merge(IStudy study, StudyOptions options, string outDir, int shards) =>
        Merge(study, options, outDir, Enumerable.Range(0, shards).Select(i => CellFile(outDir, study, new Shard(i, shards))));

    /// <summary>
    /// Combines shard record files into the full outputs (identical to an unsharded run). Each shard's manifest must
    /// match this merge's configuration (seed, grid, inputs, tool), else a <see cref="StudyStoreException"/> names the
    /// shard and the difference. The merged cells are also left where an unsharded run keeps them.
    /// </summary>
    public static StudyRunResult Merge(IStudy study, StudyOptions options, string outDir, IEnumerable<string> shardFiles)
    {
        var clock = Stopwatch.StartNew();
        var cells = study.Grid(options).Cells();
        var full = StudyManifest.For(study, options, Shard.All, cells);
        var all = new List<CellResult>();
        int shards = 1;
        foreach (var f in shardFiles)
        {
            if (!File.Exists(f)) throw new FileNotFoundException($"shard file '{f}' does not exist", f);
            var shard = ShardOf(f);
            shards = Math.Max(shards, shard.Count);
            all.AddRange(FileCellStore.ReadShard(f, study.RecordColumns, full with { Shard = shard }));
        }
        var merged = SweepRunner.Merge(cells, all, shards);
        // Also leave the merged records where an unsharded run keeps them, so a later 'run' resumes from them.
        FileCellStore.WriteAll(CellFile(outDir, study, Shard.All), study.RecordColumns, full, merged);
        return WriteOutputs(study, options, merged, outDir, new OutputProvenance(full, clock.Elapsed, 0, shards));
    }

    private static Shard ShardOf(string cellFile)
    {
        var m = System.Text.RegularExpressions.Regex.Match(Path.GetFileName(cellFile), @"\.shard-(\d+)-of-(\d+)\.csv$");
        return m.Success ? Shard.Parse(m.Groups[1].Value + "/" + m.Groups[2].Value) : Shard.All;
    }

    /// <summary>Writes tables and plots of a complete result set; returns the paths written and the summary.</summary>
    public static StudyRunResult WriteOutputs(IStudy study, StudyOptions options, IReadOnlyList<CellResult> results, string outDir) =>
        WriteOutputs(study, options, results, outDir, new OutputProvenance(
            StudyManifest.For(study, options, Shard.All, study.Grid(options).Cells()), TimeSpan.Zero, 0, 1));

    /// <summary>
    /// Writes tables and plots of a complete result set, then the sidecar <c>&lt;study&gt;.json</c> (the manifest plus
    /// cell count, cells computed by this run, shards merged, wall time and the files written); returns the paths
    /// written (sidecar last) and the summary.
    /// </summary>
    public static StudyRunResult WriteOutputs(IStudy study, StudyOptions options, IReadOnlyList<CellResult> results, string outDir, OutputProvenance provenance)
    {
        Directory.CreateDirectory(outDir);
        StudyOutput output;
        try
        {
            output = study.Summarize(results, options);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new StudyStoreException($"{study.Name}: a stored cell value could not be read ({e.Message}); run with --fresh");
        }
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
        foreach (var p in output.Plots)
            using (p) written.AddRange(PlotExport.Save(p, outDir));
        string sidecar = Path.Combine(outDir, study.Name + ".json");
        var files = written.Select(Path.GetFileName).ToList();
        WriteAtomic(sidecar, provenance.Manifest.ToJson(w =>
        {
            w.WriteNumber("cells", results.Count);
            w.WriteNumber("cells_computed", provenance.CellsComputed);
            w.WriteNumber("shards_merged", provenance.ShardsMerged);
            w.WriteNumber("wall_time_s", Math.Round(provenance.WallTime.TotalSeconds, 3));
            w.WriteString("finished_utc", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteStartArray("files");
            foreach (var f in files) w.WriteStringValue(f);
            w.WriteEndArray();
        }));
        written.Add(sidecar);
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
