using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>
/// How a study's cells were made: study, grid version (a hash of the ordered cell ids and record columns, so it changes
/// with <c>--quick</c>, with the data sets present and with any change of a study's grid), seed, quick/full, shard, a
/// fingerprint of every input file read (empty: generated inputs only, whose settings are fixed by study, grid, seed and
/// tool) and the tool version. Written beside each cell file (<c>cells/&lt;stem&gt;.manifest.json</c>) and, with cell
/// count and wall time, beside each table set (<c>&lt;study&gt;.json</c>). A restart or merge compares manifests with
/// <see cref="Difference"/> and refuses to mix cells made another way.
/// </summary>
/// <param name="Study">Study name.</param>
/// <param name="GridVersion">First 16 hex digits of SHA-256 over the record columns and the ordered cell ids.</param>
/// <param name="GridCells">Number of cells of the whole grid.</param>
/// <param name="Seed">Study seed.</param>
/// <param name="Quick">Small grid (<c>--quick</c>).</param>
/// <param name="Shard">The shard the cells belong to (<c>0/1</c>: the whole sweep).</param>
/// <param name="Inputs">Fingerprints of the input files read, in a fixed order; empty when all inputs are generated.</param>
/// <param name="Tool">The tool's informational version (version and source revision).</param>
public sealed record StudyManifest(string Study, string GridVersion, int GridCells, ulong Seed, bool Quick, Shard Shard,
    IReadOnlyList<InputFingerprint> Inputs, string Tool)
{
    /// <summary>The format tag written as <c>"format"</c>.</summary>
    public const string FormatTag = "onlinealgos.manifest/1";

    /// <summary>The version of this build (assembly informational version, e.g. <c>1.0.0+3f2c…</c>).</summary>
    public static string ToolVersion { get; } =
        "onlinealgos " + (typeof(StudyManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(StudyManifest).Assembly.GetName().Version?.ToString() ?? "unknown");

    /// <summary>The manifest of a run of <paramref name="study"/> with these options on this shard. Hashes the study's
    /// input files (once per process per file).</summary>
    public static StudyManifest For(IStudy study, StudyOptions options, Shard shard, IReadOnlyList<SweepCell> cells)
    {
        var inputs = new List<InputFingerprint>();
        foreach (var f in study.InputFiles(options)) inputs.Add(InputFingerprint.Of(f, options.DataDirectory));
        return new StudyManifest(study.Name, GridHash(study.RecordColumns, cells), cells.Count, options.Seed, options.Quick, shard, inputs, ToolVersion);
    }

    /// <summary>The grid version: SHA-256 (first 16 hex digits) of the record columns and the ordered cell ids.</summary>
    public static string GridHash(IReadOnlyList<string> columns, IReadOnlyList<SweepCell> cells)
    {
        var sb = new StringBuilder(string.Join(",", columns)).Append('\n');
        foreach (var c in cells) sb.Append(c.Id).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }

    /// <summary>
    /// How this manifest (of the stored cells) differs from <paramref name="run"/> (the current run's), as the clause
    /// "made with X, this run has Y"; null when the cells may be reused. Checked in the order study, seed, quick,
    /// inputs, grid, shard, tool, so the first difference named is the one the user most likely changed.
    /// </summary>
    public string? Difference(StudyManifest run)
    {
        if (Study != run.Study) return $"made by study {Study}, this run is {run.Study}";
        if (Seed != run.Seed) return $"made with --seed {Seed}, this run has --seed {run.Seed}";
        if (Quick != run.Quick) return Quick ? "made with --quick, this run has the full grid" : "made with the full grid, this run has --quick";
        if (InputsDifference(run) is { } d) return d;
        if (GridVersion != run.GridVersion || GridCells != run.GridCells)
            return $"made with grid version {GridVersion} ({GridCells} cells), this run has {run.GridVersion} ({run.GridCells} cells)";
        if (Shard != run.Shard) return $"made as shard {Shard}, this run is shard {run.Shard}";
        if (Tool != run.Tool) return $"made with {Tool}, this run is {run.Tool}";
        return null;
    }

    private string? InputsDifference(StudyManifest run)
    {
        if (Inputs.Count == 0 && run.Inputs.Count == 0) return null;
        if (Inputs.Count == 0) return $"made with generated inputs (no data), this run reads {Describe(run.Inputs)}";
        if (run.Inputs.Count == 0) return $"made from {Describe(Inputs)}, this run has generated inputs only (no data)";
        for (int i = 0; i < Math.Min(Inputs.Count, run.Inputs.Count); i++)
        {
            var a = Inputs[i];
            var b = run.Inputs[i];
            if (a.File != b.File) return $"made from {Describe(Inputs)}, this run reads {Describe(run.Inputs)} (first difference: {a.File} vs {b.File})";
            if (a.Sha256 != b.Sha256) return $"made with {a.File} of SHA-256 {a.Sha256[..12]}…, this run reads one of SHA-256 {b.Sha256[..12]}…";
        }
        if (Inputs.Count != run.Inputs.Count) return $"made from {Describe(Inputs)}, this run reads {Describe(run.Inputs)}";
        return null;
    }

    private static string Describe(IReadOnlyList<InputFingerprint> inputs) =>
        inputs.Count == 1 ? inputs[0].File : $"{inputs.Count} data files ({inputs[0].File}, …)";

    /// <summary>Writes the manifest as a JSON object; <paramref name="extra"/> adds fields after the manifest's own.</summary>
    public void WriteJson(Utf8JsonWriter w, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("format", FormatTag);
        w.WriteString("study", Study);
        w.WriteString("grid_version", GridVersion);
        w.WriteNumber("grid_cells", GridCells);
        w.WriteNumber("seed", Seed);
        w.WriteBoolean("quick", Quick);
        w.WriteString("shard", Shard.ToString());
        if (Inputs.Count == 0) w.WriteString("inputs", "generated");
        else
        {
            w.WriteStartArray("inputs");
            foreach (var f in Inputs)
            {
                w.WriteStartObject();
                w.WriteString("file", f.File);
                w.WriteString("sha256", f.Sha256);
                w.WriteNumber("bytes", f.Bytes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteString("tool", Tool);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>The manifest as indented JSON text (with a final newline).</summary>
    public string ToJson(Action<Utf8JsonWriter>? extra = null)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(w, extra);
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>Reads a manifest written by <see cref="ToJson"/>; <paramref name="source"/> names the file in errors
    /// (<see cref="StudyStoreException"/>).</summary>
    public static StudyManifest Parse(string json, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.GetProperty("format").GetString() != FormatTag)
                throw new StudyStoreException($"{source}: not a {FormatTag} manifest; use another --out or --fresh");
            var inputs = new List<InputFingerprint>();
            var inp = root.GetProperty("inputs");
            if (inp.ValueKind == JsonValueKind.Array)
                foreach (var e in inp.EnumerateArray())
                    inputs.Add(new InputFingerprint(e.GetProperty("file").GetString()!, e.GetProperty("sha256").GetString()!, e.GetProperty("bytes").GetInt64()));
            else if (inp.GetString() != "generated")
                throw new StudyStoreException($"{source}: \"inputs\" must be \"generated\" or a list of files; use another --out or --fresh");
            return new StudyManifest(root.GetProperty("study").GetString()!, root.GetProperty("grid_version").GetString()!,
                root.GetProperty("grid_cells").GetInt32(), root.GetProperty("seed").GetUInt64(), root.GetProperty("quick").GetBoolean(),
                Shard.Parse(root.GetProperty("shard").GetString()!), inputs, root.GetProperty("tool").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new StudyStoreException($"{source}: not a readable manifest ({e.Message.Split('\n')[0]}); use another --out or --fresh");
        }
    }

    /// <inheritdoc/>
    public bool Equals(StudyManifest? other) => other is not null && Difference(other) is null;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Study, GridVersion, Seed, Quick, Shard, Tool);

}
