using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>What a study produces: tables (written as CSV, Markdown, LaTeX) and plots (PNG).</summary>
public sealed record StudyOutput(IReadOnlyList<NamedTable> Tables, IReadOnlyList<StudyPlot> Plots);
