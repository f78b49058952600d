using System.Globalization;
using System.Text;
using OnlineAlgos.Core;

namespace OnlineAlgos.Testing;

/// <summary>
/// Thrown by <see cref="CompetitiveCheck{TInstance, TCost}.Verify"/> when a guarantee fails: carries the shrunk
/// instance, its text in the family's file format (ready to save under <c>instances/</c> and replay), both costs (as
/// exact text), the measures and FsCheck's replay seed.
/// </summary>
public sealed class CounterexampleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CounterexampleException(string algorithm, Guarantee guarantee, object? instance, string instanceText,
        string algorithmCost, string optimumCost, string bound, IReadOnlyDictionary<string, double>? measures,
        string fsCheckReport, (ulong Seed, ulong Gamma)? replay)
        : base(Describe(algorithm, guarantee, instanceText, algorithmCost, optimumCost, bound, measures, fsCheckReport, replay))
    {
        ArgumentNullException.ThrowIfNull(guarantee);
        Algorithm = algorithm;
        Guarantee = guarantee;
        Instance = instance;
        InstanceText = instanceText;
        AlgorithmCost = algorithmCost;
        OptimumCost = optimumCost;
        Bound = bound;
        FsCheckReport = fsCheckReport;
        Replay = replay;
    }

    /// <summary>Exception conventions.</summary>
    public CounterexampleException() { }
    /// <summary>Exception conventions.</summary>
    public CounterexampleException(string message) : base(message) { }
    /// <summary>Exception conventions.</summary>
    public CounterexampleException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Name of the algorithm that failed.</summary>
    public string Algorithm { get; } = "";
    /// <summary>The guarantee that failed.</summary>
    public Guarantee? Guarantee { get; }
    /// <summary>The shrunk instance object.</summary>
    public object? Instance { get; }
    /// <summary>The shrunk instance in the family's file format.</summary>
    public string InstanceText { get; } = "";
    /// <summary>Cost (value) of the online algorithm on the shrunk instance, exactly as computed; when the algorithm
    /// threw, the exception's type and message.</summary>
    public string AlgorithmCost { get; } = "";
    /// <summary>Offline benchmark on the shrunk instance.</summary>
    public string OptimumCost { get; } = "";
    /// <summary>The guarantee's right-hand side on the shrunk instance.</summary>
    public string Bound { get; } = "";
    /// <summary>FsCheck's report (first line: "Falsifiable, after N tests (S shrinks) (seed,gamma).").</summary>
    public string FsCheckReport { get; } = "";
    /// <summary>The (seed, gamma) pair to pass to <c>Verify(replay: ...)</c>; null for a replayed instance.</summary>
    public (ulong Seed, ulong Gamma)? Replay { get; }

    /// <summary>The violation message.</summary>
    public static string Describe(string algorithm, Guarantee guarantee, string instanceText, string alg, string opt,
        string bound, IReadOnlyDictionary<string, double>? measures, string? fsCheckReport = null,
        (ulong Seed, ulong Gamma)? replay = null)
    {
        ArgumentNullException.ThrowIfNull(guarantee);
        ArgumentNullException.ThrowIfNull(instanceText);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{algorithm} violates {guarantee}: ALG = {alg}, OPT = {opt}, bound = {bound}");
        if (measures is not null)
        {
            var keys = new List<string>(measures.Keys);
            keys.Sort(StringComparer.Ordinal);
            foreach (var key in keys)
                sb.Append(CultureInfo.InvariantCulture, $", {key} = {measures[key]:G17}");
        }
        sb.Append("\n--- instance (save under instances/ to replay) ---\n").Append(instanceText);
        if (!instanceText.EndsWith('\n')) sb.Append('\n');
        sb.Append("--- end instance ---\n");
        if (replay is { } r)
            sb.Append(CultureInfo.InvariantCulture, $"replay: Verify(maxTest, replay: ({r.Seed}UL, {r.Gamma}UL))\n");
        if (!string.IsNullOrEmpty(fsCheckReport)) sb.Append(fsCheckReport);
        return sb.ToString();
    }

    /// <summary>Writes the instance text to a file (e.g. under <c>instances/</c>) for a regression test.</summary>
    public void SaveInstance(string path) => File.WriteAllText(path, InstanceText);
}
