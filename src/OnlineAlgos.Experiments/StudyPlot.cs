using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>A plot and its file stem; the runner saves it as PNG with the given size.</summary>
public sealed record StudyPlot(string FileStem, ScottPlot.Plot Plot, int Width = 900, int Height = 600);
