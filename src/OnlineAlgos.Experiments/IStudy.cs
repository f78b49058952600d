using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>
/// A named study that reproduces a table or figure. A study is a sweep: <see cref="Grid"/> lists its cells,
/// <see cref="RunCell"/> computes one cell (pure, deterministic from <see cref="StudyOptions.Seed"/> and the cell),
/// and <see cref="Summarize"/> turns all finished cells into tables and plots. The runner handles threads, shards,
/// resume and output files.
/// </summary>
public interface IStudy
{
    /// <summary>Command-line name, lower-case with dashes (e.g. <c>paging-classical</c>).</summary>
    string Name { get; }

    /// <summary>One line on what the study shows.</summary>
    string Description { get; }

    /// <summary>Names of the values <see cref="RunCell"/> returns, in order (the columns of the cell records).</summary>
    IReadOnlyList<string> RecordColumns { get; }

    /// <summary>The cells of the sweep. Must depend only on the options (not on the machine or time).</summary>
    SweepGrid Grid(StudyOptions options);

    /// <summary>
    /// The input files <see cref="RunCell"/> reads under these options (real traces under
    /// <see cref="StudyOptions.DataDirectory"/>), in a fixed order; empty when every input is generated. Their content
    /// hashes go into the run's <see cref="StudyManifest"/>, so cells made from other data are never reused.
    /// </summary>
    IReadOnlyList<string> InputFiles(StudyOptions options);

    /// <summary>Computes one cell. Values are formatted with the invariant culture (they are stored as text).</summary>
    IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options);

    /// <summary>Tables and plots from all cells, sorted by cell index.</summary>
    StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options);
}
