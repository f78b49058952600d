using System.Globalization;
using System.Text;
using System.Text.Json;
using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;

namespace OnlineAlgos.Scheduling.Formats;

/// <summary>
/// Reads the scheduling JSON instance format <c>onlinealgos.scheduling/1</c> (FORMATS.md, instances/README.md):
/// <c>{"format": "onlinealgos.scheduling/1", "revealOperationCount": false, "jobs": [{"id": "a", "release": 0,
/// "operations": [1, "5/2"], "estimate": 3}]}</c>. Numbers are JSON numbers (decimal literals read exactly) or
/// strings <c>"p/q"</c>; releases and sizes must be &gt;= 0, estimates &gt; 0 (optional, all or none), operation lists
/// non-empty, ids (strings or integers; default = position) unique, and integer ids strictly increasing. Numbers have
/// at most 1000 characters and lie within the double range (checked before the exact parse, so a 300,000-digit literal
/// or <c>1e999999999</c> costs nothing), and (max release + total work) × jobs stays finite in double. Every violation
/// raises <see cref="InstanceFormatException"/> with the JSON path (or line and byte for syntax errors, depth beyond
/// 64, invalid UTF-8 and lone surrogates).
/// </summary>
public static class SchedulingJsonReader
{
    /// <summary>The format tag this reader accepts.</summary>
    public const string FormatTag = "onlinealgos.scheduling/1";

    /// <summary>Reads an instance from text; <paramref name="source"/> names the input in error messages.</summary>
    public static SchedulingInstance<Rational> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var doc = InstanceJson.Parse(reader.ReadToEnd(), source);
        return Build(doc, source);
    }

    /// <summary>Reads an instance from UTF-8 bytes (invalid byte sequences are an error naming line and byte).</summary>
    public static SchedulingInstance<Rational> Read(Stream stream, string source)
    {
        using var doc = InstanceJson.Parse(InstanceJson.ReadAll(stream, source), source);
        return Build(doc, source);
    }

    private static SchedulingInstance<Rational> Build(JsonDocument doc, string source)
    {
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw Err(source, "$", "a JSON object with \"format\" and \"jobs\"");
        CheckNames(root, source, "$");
        if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || InstanceJson.GetString(format, source, "$.format") != FormatTag)
            throw Err(source, "$.format", $"\"{FormatTag}\"");
        bool reveal = RevealOperationCount(root, source);
        if (!root.TryGetProperty("jobs", out var jobsEl) || jobsEl.ValueKind != JsonValueKind.Array)
            throw Err(source, "$.jobs", "an array of jobs");
        return new SchedulingInstance<Rational>(Jobs(jobsEl, source), reveal);
    }

    private static bool RevealOperationCount(JsonElement root, string source)
    {
        if (!root.TryGetProperty("revealOperationCount", out var rev)) return false;
        if (rev.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw Err(source, "$.revealOperationCount", "true or false");
        return rev.GetBoolean();
    }

    // The jobs array: unique ids, estimates on all jobs or none, and a total flow time within the double range.
    private static List<SchedulingJob<Rational>> Jobs(JsonElement jobsEl, string source)
    {
        var jobs = new List<SchedulingJob<Rational>>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long? lastIntId = null;
        int estimates = 0;
        int index = 0;
        double maxRelease = 0, work = 0;
        foreach (var jobEl in jobsEl.EnumerateArray())
        {
            string path = $"$.jobs[{index}]";
            if (jobEl.ValueKind != JsonValueKind.Object) throw Err(source, path, "a job object {\"id\", \"release\", \"operations\"}");
            CheckNames(jobEl, source, path);
            string id = JobId(jobEl, index, path, source, ids, ref lastIntId);
            if (!jobEl.TryGetProperty("release", out var relEl)) throw Err(source, path + ".release", "a release date >= 0");
            var release = Number(relEl, source, path + ".release", allowZero: true, out double releaseApprox);
            var ops = Operations(jobEl, path, source, ref work);
            Rational? estimate = null;
            if (jobEl.TryGetProperty("estimate", out var estEl))
            {
                estimate = Number(estEl, source, path + ".estimate", allowZero: false);
                estimates++;
            }
            // Every instance is also run in double: the last completion (at most max release + total work) times
            // the number of jobs bounds the total flow time, and it must stay finite.
            maxRelease = Math.Max(maxRelease, releaseApprox);
            jobs.Add(new SchedulingJob<Rational>(id, release, ops, estimate));
            index++;
        }
        if (estimates != 0 && estimates != jobs.Count)
            throw Err(source, "$.jobs", "an \"estimate\" on every job or on none");
        if (!double.IsFinite((maxRelease + work) * jobs.Count))
            throw Err(source, "$.jobs", "a total flow time within the double range ((max release + total work) x jobs below 1.8e308)");
        return jobs;
    }

    // A job's id: a string, or an integer (integer ids strictly increasing); the index when absent; unique.
    private static string JobId(JsonElement jobEl, int index, string path, string source, HashSet<string> ids, ref long? lastIntId)
    {
        string id = index.ToString(CultureInfo.InvariantCulture);
        if (jobEl.TryGetProperty("id", out var idEl))
        {
            if (idEl.ValueKind == JsonValueKind.String) id = InstanceJson.GetString(idEl, source, path + ".id");
            else if (idEl.ValueKind == JsonValueKind.Number && idEl.TryGetInt64(out long intId))
            {
                if (lastIntId is { } last && intId <= last)
                    throw Err(source, path + ".id", $"integer ids in strictly increasing order (got {intId} after {last})");
                lastIntId = intId;
                id = intId.ToString(CultureInfo.InvariantCulture);
            }
            else throw Err(source, path + ".id", "a string or an integer");
        }
        if (!ids.Add(id)) throw Err(source, path + ".id", $"a unique id ('{id}' appears twice)");
        return id;
    }

    // A job's non-empty operation sizes; their double values are added to work.
    private static List<Rational> Operations(JsonElement jobEl, string path, string source, ref double work)
    {
        if (!jobEl.TryGetProperty("operations", out var opsEl) || opsEl.ValueKind != JsonValueKind.Array)
            throw Err(source, path + ".operations", "an array of operation sizes");
        var ops = new List<Rational>();
        int k = 0;
        foreach (var opEl in opsEl.EnumerateArray())
        {
            ops.Add(Number(opEl, source, $"{path}.operations[{k++}]", allowZero: true, out double size));
            work += size;
        }
        if (ops.Count == 0) throw Err(source, path + ".operations", "a non-empty list of operation sizes");
        return ops;
    }

    private static Rational Number(JsonElement el, string source, string path, bool allowZero) => Number(el, source, path, allowZero, out _);

    private static Rational Number(JsonElement el, string source, string path, bool allowZero, out double approx)
    {
        string what = allowZero ? "a number >= 0 (JSON number or \"p/q\" string)" : "a number > 0 (JSON number or \"p/q\" string)";
        Rational value;
        string? problem;
        string? shown;
        if (el.ValueKind == JsonValueKind.Number)
        {
            var raw = InstanceJson.NumberText(el, source, path, what);
            Span<char> chars = stackalloc char[raw.Length];
            for (int i = 0; i < raw.Length; i++) chars[i] = (char)raw[i]; // JSON numbers are ASCII
            if (ExactNumber.TryParse(chars, out value, out approx, out problem)) shown = null;
            else shown = chars.ToString();
        }
        else if (el.ValueKind == JsonValueKind.String)
        {
            string text = InstanceJson.GetString(el, source, path);
            shown = ExactNumber.TryParse(text, out value, out approx, out problem) ? null : text;
        }
        else throw Err(source, path, what);
        if (shown is not null)
            throw Err(source, path, (problem ?? what) + $", got \"{Truncate(shown)}\"");
        if (Rational.IsNegative(value) || (!allowZero && Rational.IsZero(value)))
            throw Err(source, path, what + $", got {Truncate(value.ToString())}");
        return value;
    }

    // Property lookup unescapes names, and a lone surrogate escape in any name ("\ud800") would throw there.
    private static void CheckNames(JsonElement obj, string source, string path)
    {
        foreach (var prop in obj.EnumerateObject()) InstanceJson.Name(prop, source, path);
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";

    private static InstanceFormatException Err(string source, string path, string expected) => new(source, path, "expected " + expected);
}
