using System.Text;
using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Online;
using OnlineAlgos.Matching.Online;
using OnlineAlgos.MoeBalancing.Online;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Scheduling.Online;

namespace OnlineAlgos.Experiments;

/// <summary>
/// Every family's registry in one list, in family order (paging, matching, scheduling, sgc, moe): what
/// <c>onlinealgos algorithms</c> prints and what README's feature tables are generated from (a test keeps them equal).
/// </summary>
public static class AlgorithmCatalog
{
    /// <summary>Family names as the CLI spells them, in order.</summary>
    public static IReadOnlyList<string> Families { get; } = ["paging", "matching", "scheduling", "sgc", "moe"];

    /// <summary>All registered algorithms and benchmarks.</summary>
    public static IReadOnlyList<AlgorithmInfo> All { get; } =
        [.. PagingAlgorithms.All, .. MatchingAlgorithms.All, .. SchedulingAlgorithms.All, .. SgcAlgorithms.All, .. MoeAlgorithms.All];

    /// <summary>The entries of one family (empty for an unknown name).</summary>
    public static IReadOnlyList<AlgorithmInfo> Of(string family)
    {
        var list = new List<AlgorithmInfo>();
        foreach (var a in All)
            if (a.Family == family) list.Add(a);
        return list;
    }

    /// <summary>CSV of <c>onlinealgos algorithms</c> (FORMATS.md): <c>family,name,role,randomized,guarantee,source,reconstructed</c>.</summary>
    public static string Csv(IEnumerable<AlgorithmInfo> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sb = new StringBuilder("family,name,role,randomized,guarantee,source,reconstructed\n");
        foreach (var a in entries)
        {
            sb.Append(CsvLine.Escape(a.Family)).Append(',').Append(CsvLine.Escape(a.Name)).Append(',')
              .Append(a.Role == AlgorithmRole.Online ? "online" : "offline").Append(',')
              .Append(a.Randomized ? "yes" : "no").Append(',')
              .Append(CsvLine.Escape(a.GuaranteeText)).Append(',').Append(CsvLine.Escape(a.Source)).Append(',')
              .Append(a.Reconstructed ? "yes" : "no").Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>README's feature table of one family, generated from the registry.</summary>
    public static string Markdown(string family)
    {
        var sb = new StringBuilder();
        sb.Append("| algorithm | name | role | guarantee | source | reconstructed? | complexity |\n");
        sb.Append("|---|---|---|---|---|---|---|\n");
        foreach (var a in Of(family))
        {
            sb.Append("| ").Append(Cell(a.Summary)).Append(" | `").Append(a.Name).Append("` | ")
              .Append(a.Role == AlgorithmRole.Online ? (a.Randomized ? "online, randomized" : "online") : "offline").Append(" | ")
              .Append(Cell(a.GuaranteeText.Length == 0 ? "–" : a.GuaranteeText)).Append(" | ")
              .Append(Cell(a.Source)).Append(" | ").Append(a.Reconstructed ? "**yes**" : "no").Append(" | ")
              .Append(Cell(a.Complexity)).Append(" |\n");
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
