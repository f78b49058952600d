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
/// non-empty, ids (strings or integers; default = position) unique, and integer ids strictly increasing. Every
/// violation raises <see cref="InstanceFormatException"/> with the JSON path (or line for syntax errors).
/// </summary>
public static class SchedulingJsonReader
{
    /// <summary>The format tag this reader accepts.</summary>
    public const string FormatTag = "onlinealgos.scheduling/1";

    /// <summary>Reads an instance; <paramref name="source"/> names the input in error messages.</summary>
    public static SchedulingInstance<Rational> Read(TextReader reader, string source)
    {
        string text = reader.ReadToEnd();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new InstanceFormatException(source, (e.LineNumber ?? 0) + 1, $"well-formed JSON ({FirstSentence(e.Message)})");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Err(source, "$", "a JSON object with \"format\" and \"jobs\"");
            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatTag)
                throw Err(source, "$.format", $"\"{FormatTag}\"");
            bool reveal = false;
            if (root.TryGetProperty("revealOperationCount", out var rev))
            {
                if (rev.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw Err(source, "$.revealOperationCount", "true or false");
                reveal = rev.GetBoolean();
            }
            if (!root.TryGetProperty("jobs", out var jobsEl) || jobsEl.ValueKind != JsonValueKind.Array)
                throw Err(source, "$.jobs", "an array of jobs");
            var jobs = new List<SchedulingJob<Rational>>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            long? lastIntId = null;
            int estimates = 0;
            int index = 0;
            foreach (var jobEl in jobsEl.EnumerateArray())
            {
                string path = $"$.jobs[{index}]";
                if (jobEl.ValueKind != JsonValueKind.Object) throw Err(source, path, "a job object {\"id\", \"release\", \"operations\"}");
                string id = index.ToString(CultureInfo.InvariantCulture);
                if (jobEl.TryGetProperty("id", out var idEl))
                {
                    if (idEl.ValueKind == JsonValueKind.String) id = idEl.GetString()!;
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
                if (!jobEl.TryGetProperty("release", out var relEl)) throw Err(source, path + ".release", "a release date >= 0");
                var release = Number(relEl, source, path + ".release", allowZero: true);
                if (!jobEl.TryGetProperty("operations", out var opsEl) || opsEl.ValueKind != JsonValueKind.Array)
                    throw Err(source, path + ".operations", "an array of operation sizes");
                var ops = new List<Rational>();
                int k = 0;
                foreach (var opEl in opsEl.EnumerateArray())
                    ops.Add(Number(opEl, source, $"{path}.operations[{k++}]", allowZero: true));
                if (ops.Count == 0) throw Err(source, path + ".operations", "a non-empty list of operation sizes");
                Rational? estimate = null;
                if (jobEl.TryGetProperty("estimate", out var estEl))
                {
                    estimate = Number(estEl, source, path + ".estimate", allowZero: false);
                    estimates++;
                }
                jobs.Add(new SchedulingJob<Rational>(id, release, ops, estimate));
                index++;
            }
            if (estimates != 0 && estimates != jobs.Count)
                throw Err(source, "$.jobs", "an \"estimate\" on every job or on none");
            return new SchedulingInstance<Rational>(jobs, reveal);
        }
    }

    private static Rational Number(JsonElement el, string source, string path, bool allowZero)
    {
        string what = allowZero ? "a number >= 0 (JSON number or \"p/q\" string)" : "a number > 0 (JSON number or \"p/q\" string)";
        string? text = el.ValueKind switch
        {
            JsonValueKind.Number => el.GetRawText(),
            JsonValueKind.String => el.GetString(),
            _ => null,
        };
        if (text is null || !Rational.TryParse(text, CultureInfo.InvariantCulture, out var value))
            throw Err(source, path, what + (text is null ? "" : $", got \"{text}\""));
        if (Rational.IsNegative(value) || (!allowZero && Rational.IsZero(value)))
            throw Err(source, path, what + $", got {text}");
        return value;
    }

    private static InstanceFormatException Err(string source, string path, string expected) => new(source, path, "expected " + expected);

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message.TrimEnd('.');
    }
}
