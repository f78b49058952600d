using System.Globalization;
using System.Text;
using System.Text.Json;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;

namespace OnlineAlgos.Matching.Formats;

/// <summary>
/// Reads the JSON instance format <c>onlinealgos.matching/1</c> (FORMATS.md, instances/README.md) with
/// System.Text.Json. Every problem is reported as one <see cref="InstanceFormatException"/> with the JSON path
/// (e.g. <c>$.steps[3].types[0].p</c>) and what was expected: syntax errors (with line and byte), unknown or missing
/// properties, probabilities outside [0,1] or summing above 1 in a step, negative or non-finite weights, edges to
/// unknown offline ids, duplicate edges, and vertex weights that disagree with edge weights; also invalid UTF-8,
/// lone surrogates (escaped or in text), nesting deeper than 64 and numbers longer than 1000 characters (via
/// <see cref="InstanceJson"/>).
/// </summary>
public static class MatchingJsonReader
{
    /// <summary>The format tag this reader accepts.</summary>
    public const string FormatTag = "onlinealgos.matching/1";

    /// <summary>Largest accepted number of offline nodes.</summary>
    public const int MaxOffline = 1 << 24;

    /// <summary>Reads an instance from a stream (UTF-8; invalid byte sequences are an error naming line and byte).</summary>
    public static MatchingInstance Read(Stream stream, string sourceName) => Parse(InstanceJson.ReadAll(stream, sourceName), sourceName);

    /// <summary>Reads an instance from text (a lone surrogate character is an error naming line and character).</summary>
    public static MatchingInstance Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ParseText(reader.ReadToEnd(), sourceName);
    }

    /// <summary>Parses an instance from a string.</summary>
    public static MatchingInstance ParseText(string text, string sourceName)
    {
        using var doc = InstanceJson.Parse(text, sourceName);
        return Build(doc.RootElement, sourceName);
    }

    private static MatchingInstance Parse(byte[] bytes, string source)
    {
        using var doc = InstanceJson.Parse(bytes, source);
        return Build(doc.RootElement, source);
    }

    private static MatchingInstance Build(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Error(source, "$", "a JSON object with format, offline and steps", root);
        var (format, offline, steps, vertexWeights) = TopLevelProperties(root, source);
        CheckFormat(format, source);
        int n = OfflineCount(offline, source);
        if (steps is null) throw new InstanceFormatException(source, "$", "a \"steps\" property (array of time steps)");
        if (steps.Value.ValueKind != JsonValueKind.Array) throw Error(source, "$.steps", "an array of time steps", steps.Value);
        double[]? vw = vertexWeights is { } vwe ? VertexWeights(vwe, n, source) : null;

        var list = new List<IReadOnlyList<ArrivalType>>(steps.Value.GetArrayLength());
        int t = 0;
        var seen = new HashSet<int>();
        foreach (var step in steps.Value.EnumerateArray())
        {
            list.Add(Step(step, $"$.steps[{t}]", n, vw, seen, source));
            t++;
        }
        try
        {
            return new MatchingInstance(n, list, vw);
        }
        catch (ArgumentException e)
        {
            // Unreachable when the checks above are complete; kept so no unrelated exception type escapes.
            throw new InstanceFormatException(source, "$", "a valid instance (" + e.Message + ")", e);
        }
    }

    // The root's properties (each at most once, no unknown ones); absent ones are null and checked by the caller.
    private static (JsonElement? Format, JsonElement? Offline, JsonElement? Steps, JsonElement? VertexWeights) TopLevelProperties(
        JsonElement root, string source)
    {
        JsonElement? format = null, offline = null, steps = null, vertexWeights = null;
        foreach (var prop in root.EnumerateObject())
        {
            switch (InstanceJson.Name(prop, source, "$"))
            {
                case "format": format = Once(format, prop, source, "$"); break;
                case "offline": offline = Once(offline, prop, source, "$"); break;
                case "steps": steps = Once(steps, prop, source, "$"); break;
                case "vertexWeights": vertexWeights = Once(vertexWeights, prop, source, "$"); break;
                default:
                    throw new InstanceFormatException(source, "$." + prop.Name, "only the properties format, offline, steps and vertexWeights (unknown property '" + prop.Name + "')");
            }
        }
        return (format, offline, steps, vertexWeights);
    }

    private static void CheckFormat(JsonElement? format, string source)
    {
        if (format is null) throw new InstanceFormatException(source, "$", $"a \"format\": \"{FormatTag}\" property");
        if (format.Value.ValueKind != JsonValueKind.String || InstanceJson.GetString(format.Value, source, "$.format") != FormatTag)
            throw Error(source, "$.format", $"the string \"{FormatTag}\"", format.Value);
    }

    private static int OfflineCount(JsonElement? offline, string source)
    {
        if (offline is null) throw new InstanceFormatException(source, "$", "an \"offline\" property (number of offline nodes)");
        if (offline.Value.ValueKind != JsonValueKind.Number || !offline.Value.TryGetInt32(out int n) || n < 0 || n > MaxOffline)
            throw Error(source, "$.offline", $"an integer number of offline nodes in 0..{MaxOffline}", offline.Value);
        return n;
    }

    // One non-negative weight per offline node.
    private static double[] VertexWeights(JsonElement vwe, int n, string source)
    {
        if (vwe.ValueKind != JsonValueKind.Array) throw Error(source, "$.vertexWeights", $"an array of {n} non-negative numbers", vwe);
        if (vwe.GetArrayLength() != n)
            throw new InstanceFormatException(source, "$.vertexWeights", $"one weight per offline node ({n}), found {vwe.GetArrayLength()}");
        var vw = new double[n];
        int i = 0;
        foreach (var el in vwe.EnumerateArray())
        {
            vw[i] = NonNegative(el, source, $"$.vertexWeights[{i}]", "a vertex weight");
            i++;
        }
        return vw;
    }

    // A step object {"types": [...]}: its arrival types, probabilities summing to at most 1. seen: scratch set of ids.
    private static List<ArrivalType> Step(JsonElement step, string sp, int n, double[]? vw, HashSet<int> seen, string source)
    {
        if (step.ValueKind != JsonValueKind.Object) throw Error(source, sp, "a step object with a \"types\" array", step);
        JsonElement? types = null;
        foreach (var prop in step.EnumerateObject())
        {
            if (InstanceJson.Name(prop, source, sp) == "types") types = Once(types, prop, source, sp);
            else throw new InstanceFormatException(source, sp + "." + prop.Name, "only the property types (unknown property '" + prop.Name + "')");
        }
        if (types is null) throw new InstanceFormatException(source, sp, "a \"types\" array (one or more arrival types)");
        if (types.Value.ValueKind != JsonValueKind.Array || types.Value.GetArrayLength() == 0)
            throw Error(source, sp + ".types", "a non-empty array of arrival types", types.Value);
        var typeList = new List<ArrivalType>();
        double sum = 0;
        int j = 0;
        foreach (var ty in types.Value.EnumerateArray())
        {
            typeList.Add(ArrivalTypeAt(ty, $"{sp}.types[{j}]", n, vw, seen, source, ref sum));
            j++;
        }
        if (sum > 1 + 1e-9) throw new InstanceFormatException(source, sp + ".types", "arrival probabilities summing to at most 1, found " + Show(sum));
        return typeList;
    }

    // An arrival type {"p": ..., "edges": {...}}; its probability is added to sum (before the edges are read, as the
    // sum is only checked once the step is complete).
    private static ArrivalType ArrivalTypeAt(JsonElement ty, string tp, int n, double[]? vw, HashSet<int> seen, string source, ref double sum)
    {
        if (ty.ValueKind != JsonValueKind.Object) throw Error(source, tp, "an arrival type object with p and edges", ty);
        JsonElement? p = null, edges = null;
        foreach (var prop in ty.EnumerateObject())
        {
            switch (InstanceJson.Name(prop, source, tp))
            {
                case "p": p = Once(p, prop, source, tp); break;
                case "edges": edges = Once(edges, prop, source, tp); break;
                default: throw new InstanceFormatException(source, tp + "." + prop.Name, "only the properties p and edges (unknown property '" + prop.Name + "')");
            }
        }
        if (p is null) throw new InstanceFormatException(source, tp, "a \"p\" property (arrival probability)");
        double pv = Number(p.Value, source, tp + ".p", "a probability in [0, 1]");
        if (pv < 0 || pv > 1) throw new InstanceFormatException(source, tp + ".p", "a probability in [0, 1], found " + Show(pv));
        sum += pv;
        if (edges is null) throw new InstanceFormatException(source, tp, "an \"edges\" object mapping offline ids to weights (may be empty)");
        if (edges.Value.ValueKind != JsonValueKind.Object) throw Error(source, tp + ".edges", "an object mapping offline ids to weights", edges.Value);
        return new ArrivalType(pv, Edges(edges.Value, tp, n, vw, seen, source));
    }

    // The edges object: offline ids in 0..n-1, each once, non-negative weights agreeing with vertexWeights.
    private static List<MatchingEdge> Edges(JsonElement edges, string tp, int n, double[]? vw, HashSet<int> seen, string source)
    {
        var edgeList = new List<MatchingEdge>();
        seen.Clear();
        foreach (var prop in edges.EnumerateObject())
        {
            string name = InstanceJson.Name(prop, source, tp + ".edges");
            string ep = $"{tp}.edges['{name}']";
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int node) || node >= n)
                throw new InstanceFormatException(source, ep, n == 0 ? "no edges (the instance has no offline nodes)" : $"an offline id in 0..{n - 1}, found '{name}'");
            if (!seen.Add(node)) throw new InstanceFormatException(source, ep, $"each offline id at most once per type (id {node} repeats)");
            double w = NonNegative(prop.Value, source, ep, "an edge weight");
            if (vw is not null && w != 0 && !MatchingInstance.SameWeight(w, vw[node]))
                throw new InstanceFormatException(source, ep, $"weight {Show(vw[node])} (vertexWeights[{node}]: the instance is vertex-weighted), found {Show(w)}");
            edgeList.Add(new MatchingEdge(node, w));
        }
        return edgeList;
    }

    private static JsonElement Once(JsonElement? existing, JsonProperty prop, string source, string parent)
    {
        if (existing is not null) throw new InstanceFormatException(source, parent + "." + prop.Name, "the property '" + prop.Name + "' only once");
        return prop.Value;
    }

    private static double Number(JsonElement el, string source, string path, string what) => InstanceJson.FiniteDouble(el, source, path, what);

    private static double NonNegative(JsonElement el, string source, string path, string what)
    {
        double v = Number(el, source, path, what + " >= 0");
        if (v < 0) throw new InstanceFormatException(source, path, what + " >= 0, found " + Show(v));
        return v;
    }

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static InstanceFormatException Error(string source, string path, string expected, JsonElement found)
    {
        return new InstanceFormatException(source, path, expected + ", found " + InstanceJson.Describe(found));
    }
}
