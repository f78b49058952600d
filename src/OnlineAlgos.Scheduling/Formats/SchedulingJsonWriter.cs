using OnlineAlgos.Core;
using System.Globalization;
using System.Numerics;
using System.Text;
using OnlineAlgos.Scheduling.Model;

namespace OnlineAlgos.Scheduling.Formats;

/// <summary>Writes an instance in the <c>onlinealgos.scheduling/1</c> JSON format; rationals that are not integers
/// are written as <c>"p/q"</c> strings, doubles as round-trip JSON numbers, so reading back gives the same instance.</summary>
public static class SchedulingJsonWriter
{
    /// <summary>The instance as JSON text (one job per line).</summary>
    public static string ToJson<T>(SchedulingInstance<T> instance) where T : struct, INumber<T>
    {
        var sb = new StringBuilder();
        sb.Append("{\n  \"format\": \"").Append(SchedulingJsonReader.FormatTag).Append("\",\n");
        if (instance.RevealOperationCount) sb.Append("  \"revealOperationCount\": true,\n");
        sb.Append("  \"jobs\": [");
        for (int j = 0; j < instance.JobCount; j++)
        {
            sb.Append(j == 0 ? "\n" : ",\n");
            sb.Append("    { \"id\": ").Append(Quote(instance.Id(j))).Append(", \"release\": ").Append(Num(instance.Release(j))).Append(", \"operations\": [");
            var ops = instance.Operations(j);
            for (int i = 0; i < ops.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Num(ops[i]));
            }
            sb.Append(']');
            if (instance.HasEstimates) sb.Append(", \"estimate\": ").Append(Num(instance.Estimate(j)));
            sb.Append(" }");
        }
        sb.Append(instance.JobCount > 0 ? "\n  ]\n}\n" : "]\n}\n");
        return sb.ToString();
    }

    /// <summary>Writes the JSON text to a writer.</summary>
    public static void Write<T>(TextWriter writer, SchedulingInstance<T> instance) where T : struct, INumber<T> =>
        writer.Write(ToJson(instance));

    private static string Num<T>(T value) where T : struct, INumber<T>
    {
        if (value is Rational r)
            return Rational.IsInteger(r) ? r.ToString() : "\"" + r.ToString() + "\"";
        if (value is double d) return d.ToString("R", CultureInfo.InvariantCulture);
        return value.ToString(null, CultureInfo.InvariantCulture);
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
