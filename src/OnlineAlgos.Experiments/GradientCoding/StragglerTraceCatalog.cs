using System.Globalization;
using System.Text.RegularExpressions;
using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Formats;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.Experiments.GradientCoding;

/// <summary>
/// The shipped straggler traces (../shared/data/straggler-traces) grouped into families (same model, batch, region and
/// machine, measured at several loads), with kappa fitted per family as the slope of the median completion time against
/// normalised load (spec §2.4 step 5 and its review note). Without data, a generated family stands in
/// (<see cref="SyntheticTraceGenerator"/>, kappa = its own slope). ResNet traces are excluded (not linear in load).
/// </summary>
public static partial class StragglerTraceCatalog
{
    [GeneratedRegex(@"^(cnn.*)-l(\d+)_(\d+)-(.*)\.csv$")]
    private static partial Regex FileName();

    /// <summary>A load-0 CNN trace with its family's kappa.</summary>
    /// <param name="Label">Short label (machine, region, batch, rounds).</param>
    /// <param name="File">File name (or "generated").</param>
    /// <param name="Kappa">Fitted seconds per unit load.</param>
    public sealed record Entry(string Label, string File, double Kappa);

    /// <summary>The files <see cref="LoadZeroTraces"/> reads (every load of each family that has a load-0 trace and at
    /// least two loads), sorted by path; empty when the folder is absent.</summary>
    public static IReadOnlyList<string> FilesRead(string? dataDirectory)
    {
        var list = new List<string>();
        foreach (var (_, files) in Families(dataDirectory))
            if (files.Exists(f => f.Load == 0) && files.Count >= 2)
                foreach (var f in files) list.Add(f.Path);
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private static SortedDictionary<string, List<(double Load, string Path)>> Families(string? dataDirectory)
    {
        var families = new SortedDictionary<string, List<(double Load, string Path)>>(StringComparer.Ordinal);
        string? dir = dataDirectory is null ? null : Path.Combine(dataDirectory, "straggler-traces");
        if (dir is null || !Directory.Exists(dir)) return families;
        foreach (var path in Directory.GetFiles(dir, "*.csv"))
        {
            var m = FileName().Match(Path.GetFileName(path));
            if (!m.Success) continue;
            double load = double.Parse(m.Groups[2].Value + "." + m.Groups[3].Value, CultureInfo.InvariantCulture);
            string family = m.Groups[1].Value + "-" + m.Groups[4].Value;
            if (!families.TryGetValue(family, out var l)) families[family] = l = new();
            l.Add((load, path));
        }
        return families;
    }

    /// <summary>Load-0 CNN traces of the folder with fitted kappa, sorted by file name; empty when the folder is absent.</summary>
    public static IReadOnlyList<Entry> LoadZeroTraces(string? dataDirectory)
    {
        var list = new List<Entry>();
        var families = Families(dataDirectory);
        if (families.Count == 0) return list;
        foreach (var (family, files) in families)
        {
            var zero = files.Find(f => f.Load == 0);
            if (zero.Path is null || files.Count < 2) continue;
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var (load, path) in files) { xs.Add(load); ys.Add(Read(path).Median()); }
            var t0 = Read(zero.Path);
            list.Add(new Entry(Label(Path.GetFileName(zero.Path), t0.Rounds), Path.GetFileName(zero.Path), Slope(xs, ys)));
        }
        list.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        return list;
    }

    /// <summary>Reads a trace file of the folder.</summary>
    public static StragglerTrace Read(string path)
    {
        using var reader = new StreamReader(path);
        return StragglerTraceReader.Read(reader, path);
    }

    /// <summary>The trace of an entry (file, or generated with a fixed seed when File starts with "generated").</summary>
    public static StragglerTrace Load(Entry e, string? dataDirectory)
    {
        if (e.File.StartsWith("generated", StringComparison.Ordinal))
        {
            int rounds = int.Parse(e.File["generated-".Length..], CultureInfo.InvariantCulture);
            return new SyntheticTraceGenerator().Generate(256, rounds, 0, new Rng(0x5EED + (ulong)rounds));
        }
        return Read(Path.Combine(dataDirectory!, "straggler-traces", e.File));
    }

    /// <summary>Generated stand-ins (10, 20, 30 rounds) used when no data folder exists.</summary>
    public static IReadOnlyList<Entry> Generated() =>
    [
        new("generated n10", "generated-10", new SyntheticTraceGenerator().Kappa),
        new("generated n20", "generated-20", new SyntheticTraceGenerator().Kappa),
        new("generated n30", "generated-30", new SyntheticTraceGenerator().Kappa),
    ];

    private static string Label(string file, int rounds)
    {
        string machine = file.Contains("desktop", StringComparison.Ordinal) ? "desktop" : "mbp";
        string region = file.Contains("Canada", StringComparison.Ordinal) ? "Canada" : file.Contains("London", StringComparison.Ordinal) ? "London" : "Tokyo";
        var b = Regex.Match(file, @"-b(\d+)-");
        return $"{machine} {region} b{b.Groups[1].Value} n{rounds}";
    }

    private static double Slope(List<double> x, List<double> y)
    {
        double mx = x.Average(), my = y.Average(), num = 0, den = 0;
        for (int i = 0; i < x.Count; i++) { num += (x[i] - mx) * (y[i] - my); den += (x[i] - mx) * (x[i] - mx); }
        return den == 0 ? 0 : num / den;
    }
}
