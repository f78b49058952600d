using System.Globalization;
using System.Text;

namespace OnlineAlgos.Core;

/// <summary>How a column's numbers are written: fixed decimals, or an integer, or text as is.</summary>
public enum ColumnKind
{
    /// <summary>Cells are written verbatim.</summary>
    Text,
    /// <summary>Whole numbers, no separators.</summary>
    Integer,
    /// <summary>Fixed number of decimals (<see cref="TableColumn.Decimals"/>).</summary>
    Real,
}
