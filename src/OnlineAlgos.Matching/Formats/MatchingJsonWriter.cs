using System.Globalization;
using System.Text;
using OnlineAlgos.Matching.Model;

namespace OnlineAlgos.Matching.Formats;

/// <summary>Writes an instance in the <c>onlinealgos.matching/1</c> JSON format, one step per line, numbers in
/// round-trip form, edges in increasing node order; <see cref="MatchingJsonReader"/> reads it back exactly.</summary>
public static class MatchingJsonWriter
{
    /// <summary>Writes the instance.</summary>
    public static void Write(TextWriter writer, MatchingInstance instance)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToText(instance));
    }

    /// <summary>The instance as JSON text (ends with a newline).</summary>
    public static string ToText(MatchingInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var sb = new StringBuilder();
        sb.Append("{\n  \"format\": \"").Append(MatchingJsonReader.FormatTag).Append("\",\n");
        sb.Append("  \"offline\": ").Append(instance.OfflineCount.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        if (instance.IsVertexWeighted)
        {
            sb.Append("  \"vertexWeights\": [");
            var vw = instance.VertexWeights;
            for (int i = 0; i < vw.Length; i++) sb.Append(i > 0 ? ", " : "").Append(Num(vw[i]));
            sb.Append("],\n");
        }
        sb.Append("  \"steps\": [");
        var steps = instance.Steps();
        for (int t = 0; t < steps.Count; t++)
        {
            sb.Append(t > 0 ? ",\n    " : "\n    ").Append("{ \"types\": [");
            for (int j = 0; j < steps[t].Count; j++)
            {
                var ty = steps[t][j];
                sb.Append(j > 0 ? ", " : " ").Append("{ \"p\": ").Append(Num(ty.Probability)).Append(", \"edges\": {");
                for (int k = 0; k < ty.Edges.Count; k++)
                    sb.Append(k > 0 ? ", " : " ").Append('"').Append(ty.Edges[k].Node.ToString(CultureInfo.InvariantCulture)).Append("\": ").Append(Num(ty.Edges[k].Weight));
                sb.Append(ty.Edges.Count > 0 ? " } }" : "} }");
            }
            sb.Append(" ] }");
        }
        sb.Append(steps.Count > 0 ? "\n  ]\n}\n" : "]\n}\n");
        return sb.ToString();
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
