using System.Globalization;
using System.Text;

namespace OnlineAlgos.Core;

/// <summary>A table column: name (the CSV header, an identifier), kind, decimals for reals, and an optional
/// display header for Markdown, LaTeX and HTML (words, may use Unicode maths such as σ or η₀; when null the name is
/// shown with underscores read as spaces).</summary>
public sealed record TableColumn(string Name, ColumnKind Kind = ColumnKind.Text, int Decimals = 3, string? Header = null)
{
    /// <summary>The header a reader sees: <see cref="Header"/>, else <see cref="Name"/> with '_' as spaces.</summary>
    public string Display => Header ?? Name.Replace('_', ' ');
}
