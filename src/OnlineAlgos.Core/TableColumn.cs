using System.Globalization;
using System.Text;

namespace OnlineAlgos.Core;

/// <summary>A table column: name (also the CSV header), kind and decimals for reals.</summary>
public sealed record TableColumn(string Name, ColumnKind Kind = ColumnKind.Text, int Decimals = 3);
