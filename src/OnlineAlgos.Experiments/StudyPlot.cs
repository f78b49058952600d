using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>A plot and its file stem; the runner saves it as PNG with the given pixel size, and as SVG and PDF at
/// two- and one-column width with the same aspect ratio (see <see cref="PlotExport"/>). It owns the plot: the runner
/// disposes it once the files are written.</summary>
public sealed record StudyPlot(string FileStem, ScottPlot.Plot Plot, int Width = 900, int Height = 600) : IDisposable
{
    /// <summary>Releases the plot's drawing resources.</summary>
    public void Dispose() => Plot.Dispose();
}
