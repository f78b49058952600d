using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>A table with the file stem it is written under (e.g. <c>paging-classical-ratios</c>).</summary>
public sealed record NamedTable(string FileStem, Table Table);
