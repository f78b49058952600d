using System.Globalization;
using System.Text;

namespace OnlineAlgos.Core;

/// <summary>Output formats of <see cref="Table"/>.</summary>
public enum TableFormat
{
    /// <summary>Comma-separated values.</summary>
    Csv,
    /// <summary>GitHub Markdown.</summary>
    Markdown,
    /// <summary>LaTeX booktabs.</summary>
    Latex,
    /// <summary>An HTML fragment: a <c>table</c> with a caption, and the column legend below it.</summary>
    Html,
}
