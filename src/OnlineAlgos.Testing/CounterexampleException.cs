using System.Globalization;
using System.Text;

namespace OnlineAlgos.Testing;

/// <summary>
/// Thrown by <see cref="CompetitiveCheck{TInstance}.Verify"/> when a guarantee fails: carries the shrunk instance, its
/// text in the family's file format (ready to save under <c>instances/</c> and replay), both costs, the measures and
/// FsCheck's replay seed.
/// </summary>
public sealed class CounterexampleException : Exception
{
    /// <summary>The shrunk instance object.</summary>
    public object? Instance { get; }
    /// <summary>The shrunk instance in the family's file format.</summary>
    public string InstanceText { get; } = "";
    /// <summary>Cost (value) of the online algorithm on the shrunk instance.</summary>
    public double AlgorithmCost { get; }
    /// <summary>Offline benchmark on the shrunk instance.</summary>
    public double OptimumCost { get; }
    /// <summary>FsCheck's report (first line: "Falsifiable, after N tests (S shrinks) (seed,gamma).").</summary>
    public string FsCheckReport { get; } = "";
    /// <summary>The (seed, gamma) pair to pass to <c>Verify(replay: ...)</c>, parsed from the report; null if absent.</summary>
    public (ulong Seed, ulong Gamma)? Replay { get; }

    /// <summary>Creates the exception.</summary>
    public CounterexampleException(string algorithm, Guarantee guarantee, object? instance, string instanceText,
        double algorithmCost, double optimumCost, IReadOnlyDictionary<string, double>? measures, string fsCheckReport)
        : base(Describe(algorithm, guarantee, instanceText, algorithmCost, optimumCost, measures, fsCheckReport))
    {
        Instance = instance;
        InstanceText = instanceText;
        AlgorithmCost = algorithmCost;
        OptimumCost = optimumCost;
        FsCheckReport = fsCheckReport;
        Replay = ParseReplay(fsCheckReport);
    }

    /// <summary>The first "(seed,gamma)" pair of an FsCheck report.</summary>
    public static (ulong Seed, ulong Gamma)? ParseReplay(string report)
    {
        var m = System.Text.RegularExpressions.Regex.Match(report ?? "", @"\((\d+),(\d+)\)");
        if (!m.Success) return null;
        return ConfigExtensions.TryParseReplay(m.Value, out var r, out _) ? r : null;
    }

    /// <summary>Unused: exception conventions.</summary>
    public CounterexampleException() { }
    /// <summary>Unused: exception conventions.</summary>
    public CounterexampleException(string message) : base(message) { }
    /// <summary>Unused: exception conventions.</summary>
    public CounterexampleException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The violation message (also used inside the property so FsCheck's own report carries it).</summary>
    public static string Describe(string algorithm, Guarantee guarantee, string instanceText, double alg, double opt,
        IReadOnlyDictionary<string, double>? measures, string? fsCheckReport = null)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{algorithm} violates {guarantee}: ALG = {alg:G17}, OPT = {opt:G17}, bound = {guarantee.Bound(opt, measures):G17}");
        if (measures is not null)
            foreach (var kv in measures.OrderBy(k => k.Key, StringComparer.Ordinal))
                sb.Append(CultureInfo.InvariantCulture, $", {kv.Key} = {kv.Value:G17}");
        sb.Append("\n--- instance (save under instances/ to replay) ---\n").Append(instanceText);
        if (!instanceText.EndsWith('\n')) sb.Append('\n');
        sb.Append("--- end instance ---\n");
        if (!string.IsNullOrEmpty(fsCheckReport))
        {
            if (ParseReplay(fsCheckReport) is { } r)
                sb.Append(CultureInfo.InvariantCulture, $"replay: Verify(maxTest, replay: ({r.Seed}UL, {r.Gamma}UL))\n");
            sb.Append(fsCheckReport);
        }
        return sb.ToString();
    }

    /// <summary>Writes the instance text to a file (e.g. under <c>instances/</c>) for a regression test.</summary>
    public void SaveInstance(string path) => File.WriteAllText(path, InstanceText);
}
