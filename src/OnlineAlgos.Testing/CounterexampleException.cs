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
    /// <summary>FsCheck's report, including its "Replay" seed line.</summary>
    public string FsCheckReport { get; } = "";

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
        if (!string.IsNullOrEmpty(fsCheckReport)) sb.Append(fsCheckReport);
        return sb.ToString();
    }

    /// <summary>Writes the instance text to a file (e.g. under <c>instances/</c>) for a regression test.</summary>
    public void SaveInstance(string path) => File.WriteAllText(path, InstanceText);
}
