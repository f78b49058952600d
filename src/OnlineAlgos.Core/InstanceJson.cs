using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace OnlineAlgos.Core;

/// <summary>
/// The guarded first steps every JSON instance reader shares, so that no bytes make a reader crash or hang: invalid
/// UTF-8 (or, for text, invalid UTF-16: a lone surrogate), syntax errors and nesting deeper than <see cref="MaxDepth"/>
/// become an <see cref="InstanceFormatException"/> naming the line (and the byte or character in the message); strings and property names holding a lone
/// surrogate escape (<c>"\ud800"</c>) and numbers longer than <see cref="MaxNumberLength"/> characters or beyond the
/// double range become one naming the JSON path. Each check is O(input) and allocates nothing per element.
/// </summary>
public static class InstanceJson
{
    /// <summary>Deepest accepted nesting of arrays and objects.</summary>
    public const int MaxDepth = 64;

    /// <summary>Longest accepted number literal, in characters (a guard against multi-megabyte literals).</summary>
    public const int MaxNumberLength = 1000;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Reads a whole stream; an I/O error becomes an <see cref="InstanceFormatException"/>.</summary>
    public static byte[] ReadAll(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var ms = new MemoryStream();
        try
        {
            stream.CopyTo(ms);
        }
        catch (IOException e)
        {
            throw new InstanceFormatException(source, 0, "a readable stream (" + e.Message + ")", e);
        }
        return ms.ToArray();
    }

    /// <summary>
    /// Parses UTF-8 bytes (a leading byte-order mark is allowed; comments are skipped, trailing commas are not). The
    /// caller disposes the document.
    /// </summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string source)
    {
        var span = utf8.Span;
        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            int index = 0;
            try
            {
                _ = StrictUtf8.GetCharCount(span);
            }
            catch (DecoderFallbackException e)
            {
                index = Math.Max(0, e.Index);
            }
            var (line, column) = LineAndColumn(span, index);
            throw new InstanceFormatException(source, line, string.Create(CultureInfo.InvariantCulture, $"line {line}, byte {column}"),
                "UTF-8 text (found an invalid byte sequence)");
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            long line = (e.LineNumber ?? -1) + 1;
            string where = line > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {line}, byte {(e.BytePositionInLine ?? 0) + 1}") : "$";
            throw new InstanceFormatException(source, line, where, "well-formed JSON (" + FirstSentence(e.Message) + ")", e);
        }
    }

    /// <summary>Parses text; a lone surrogate character is an error naming line and character (never replaced silently).</summary>
    public static JsonDocument Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            int index = Math.Clamp(e.Index, 0, text.Length);
            int line = 1, start = 0;
            for (int i = 0; i < index; i++) if (text[i] == '\n') { line++; start = i + 1; }
            throw new InstanceFormatException(source, line, string.Create(CultureInfo.InvariantCulture, $"line {line}, character {index - start + 1}"),
                "valid UTF-16 text (found a lone surrogate)", e);
        }
        return Parse(bytes, source);
    }

    /// <summary>The string value of <paramref name="element"/> (which must be a JSON string); a lone surrogate escape is an error at <paramref name="path"/>.</summary>
    public static string GetString(JsonElement element, string source, string path)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new InstanceFormatException(source, path, "a string of valid UTF-16 (found a lone surrogate escape such as \\ud800)", e);
        }
    }

    /// <summary>The name of <paramref name="property"/>; a lone surrogate escape is an error at <paramref name="parentPath"/>.</summary>
    public static string Name(JsonProperty property, string source, string parentPath)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException e)
        {
            throw new InstanceFormatException(source, parentPath, "property names of valid UTF-16 (found a lone surrogate escape such as \\ud800)", e);
        }
    }

    /// <summary>
    /// The UTF-8 text of the number <paramref name="element"/> (its kind must be <see cref="JsonValueKind.Number"/>),
    /// checked to be at most <see cref="MaxNumberLength"/> characters; no allocation.
    /// </summary>
    public static ReadOnlySpan<byte> NumberText(JsonElement element, string source, string path, string what)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length > MaxNumberLength)
            throw new InstanceFormatException(source, path, string.Create(CultureInfo.InvariantCulture,
                $"{what} written with at most {MaxNumberLength} characters, found a number of {raw.Length}"));
        return raw;
    }

    /// <summary>The finite double value of the number <paramref name="element"/> (length-checked as in <see cref="NumberText"/>); anything else is an error naming <paramref name="what"/>.</summary>
    public static double FiniteDouble(JsonElement element, string source, string path, string what)
    {
        if (element.ValueKind != JsonValueKind.Number)
            throw new InstanceFormatException(source, path, what + " (a JSON number), found " + Describe(element));
        var raw = NumberText(element, source, path, what);
        if (!element.TryGetDouble(out double v) || !double.IsFinite(v))
            throw new InstanceFormatException(source, path, what + " (a finite number within the double range), found the out-of-range number " + Truncate(Encoding.UTF8.GetString(raw)));
        return v;
    }

    /// <summary>A short description of what an element is, for error messages ("an array", "the string \"x\"").</summary>
    public static string Describe(JsonElement found) => found.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the string " + Truncate(found.GetRawText()),
        JsonValueKind.Number => "the number " + Truncate(found.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => found.GetRawText(),
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";

    private static (long Line, long Column) LineAndColumn(ReadOnlySpan<byte> bytes, int index)
    {
        long line = 1, lineStart = 0;
        for (int i = 0; i < index && i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
        return (line, index - lineStart + 1);
    }

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (i < 0) i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).TrimEnd('.', ' ', '|');
    }
}
