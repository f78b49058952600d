using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Formats;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Testing;

/// <summary>A feasibility instance: a (B, W, lambda) model, a job count J and an admissible straggler pattern.
/// Equality is by value (model, J and every pattern cell), so <c>Parse(x.ToText(), …) == x</c>.</summary>
/// <param name="Model">The bursty model (n = Model.Workers).</param>
/// <param name="Jobs">Number of jobs J.</param>
/// <param name="Pattern">Straggler pattern (admissible for Model); rounds past its end are clean.</param>
public sealed record SgcInstance(BurstyModel Model, int Jobs, StragglerPattern Pattern)
{
    /// <summary>Which pattern family of <see cref="SgcGenerators"/> drew the pattern (0-3: random bursty with p = 0.1,
    /// 0.3, 0.6, 1; 4: periodic), or −1 for a parsed or hand-made instance. Not part of equality or the text.</summary>
    public int PatternKind { get; init; } = -1;

    /// <summary>The generator seed of the pattern (shrinks toward 0), or 0 for a parsed or hand-made instance.</summary>
    public ulong Seed { get; init; }

    /// <summary>Text form: a comment line with the parameters, then the pattern CSV (FORMATS.md), so the file can be
    /// saved under instances/gradient-coding and read back with <see cref="Parse"/> (or, after dropping the comment,
    /// with the pattern reader). O(rounds·n).</summary>
    public string ToText() =>
        string.Create(CultureInfo.InvariantCulture,
            $"# n={Model.Workers} B={Model.B} W={Model.W} lambda={Model.Lambda} J={Jobs}\n") + Pattern.ToCsv();

    /// <summary>Writes <see cref="ToText"/>.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToText());
    }

    /// <summary>
    /// Parses <see cref="ToText"/> output: the line <c># n=… B=… W=… lambda=… J=…</c>, then a straggler pattern CSV with
    /// n workers. O(text length).
    /// </summary>
    /// <exception cref="InstanceFormatException">Missing or malformed parameter line (line 1), an invalid model, or a
    /// malformed pattern (its line in the whole text).</exception>
    public static SgcInstance Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        int nl = text.IndexOf('\n', StringComparison.Ordinal);
        string first = (nl < 0 ? text : text[..nl]).TrimEnd('\r');
        if (!first.StartsWith('#'))
            throw new InstanceFormatException(source, 1, "a parameter line '# n=.. B=.. W=.. lambda=.. J=..'");
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in first.TrimStart('#').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !int.TryParse(part[(eq + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
                throw new InstanceFormatException(source, 1, $"key=integer pairs, got '{part}'");
            values[part[..eq]] = v;
        }
        int Get(string key) => values.TryGetValue(key, out int v) ? v
            : throw new InstanceFormatException(source, 1, $"the parameter {key}= on the first line");
        BurstyModel model;
        int jobs = Get("J");
        try { model = new BurstyModel(Get("n"), Get("B"), Get("W"), Get("lambda")); }
        catch (ArgumentException e) { throw new InstanceFormatException(source, 1, "a valid (n, B, W, lambda) model: " + e.Message, e); }
        if (jobs < 0) throw new InstanceFormatException(source, 1, $"J >= 0, got {jobs}");
        StragglerPattern pattern;
        try { pattern = StragglerPatternReader.Read(new StringReader(nl < 0 ? "" : text[(nl + 1)..]), source); }
        catch (InstanceFormatException e) { throw new InstanceFormatException(source, e.Line > 0 ? e.Line + 1 : 0, e.Expected, e); }
        if (pattern.Workers != model.Workers)
            throw new InstanceFormatException(source, 2, $"a pattern over n = {model.Workers} workers, got {pattern.Workers}");
        return new SgcInstance(model, jobs, pattern);
    }

    /// <summary>Value equality: same model, J, pattern size and cells.</summary>
    public bool Equals(SgcInstance? other) =>
        other is not null && Model == other.Model && Jobs == other.Jobs && Pattern.Rounds == other.Pattern.Rounds
        && Pattern.Workers == other.Pattern.Workers && Pattern.ToCsv() == other.Pattern.ToCsv();

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Model, Jobs, Pattern.Rounds, Pattern.Workers);

    /// <inheritdoc />
    public override string ToString() => $"{Model} J={Jobs} {Pattern}";
}
