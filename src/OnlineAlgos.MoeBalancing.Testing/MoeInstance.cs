using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Formats;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Testing;

/// <summary>
/// A fixed-score MoE instance for exact property tests (spec §6): integer-valued scores (so all sums are exact in
/// double), K, an integer constant rate u, and the family it was drawn from.
/// </summary>
public sealed record MoeInstance(ScoreMatrix Scores, int K, double Rate, string Family)
{
    /// <summary>Tokens T.</summary>
    public int Tokens => Scores.Tokens;
    /// <summary>Experts E.</summary>
    public int Experts => Scores.Experts;
    /// <summary>Whether L = T·K/E is an integer (BAP feasible).</summary>
    public bool IntegerTarget => (long)Tokens * K % Experts == 0;
    /// <summary>L = T·K/E.</summary>
    public double Target => (double)Tokens * K / Experts;

    /// <summary>A comment line with K, u and family, then the scores in the CSV score format (FORMATS.md).</summary>
    public string ToText()
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        sw.Write(string.Create(CultureInfo.InvariantCulture, $"# moe instance: family={Family} K={K} rate={Rate} (drop this line to read the scores)\n"));
        ScoreCsvWriter.Write(sw, new[] { Scores });
        return sw.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();

    /// <summary>Writes <see cref="ToText"/>.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToText());
    }

    /// <summary>
    /// Parses <see cref="ToText"/> output (used to replay saved counterexamples): the line
    /// <c># moe instance: family=… K=… rate=…</c> (other <c>key=value</c> words are ignored), then one batch of the CSV
    /// score format. O(text length).
    /// </summary>
    /// <exception cref="InstanceFormatException">A missing or malformed parameter line (line 1), K outside 1..E, or a
    /// malformed score table (its line in the whole text).</exception>
    public static MoeInstance Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        int nl = text.IndexOf('\n', StringComparison.Ordinal);
        string first = (nl < 0 ? text : text[..nl]).TrimEnd('\r');
        if (!first.StartsWith('#'))
            throw new InstanceFormatException(source, 1, "a parameter line '# moe instance: family=.. K=.. rate=..'");
        int k = 0;
        double u = double.NaN;
        string family = "saved";
        foreach (var part in first.TrimStart('#').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("K=", StringComparison.Ordinal))
            {
                if (!int.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out k))
                    throw new InstanceFormatException(source, 1, $"K=<positive integer>, got '{part}'");
            }
            else if (part.StartsWith("rate=", StringComparison.Ordinal))
            {
                if (!double.TryParse(part[5..], NumberStyles.Float, CultureInfo.InvariantCulture, out u) || !double.IsFinite(u) || u < 0)
                    throw new InstanceFormatException(source, 1, $"rate=<finite number >= 0>, got '{part}'");
            }
            else if (part.StartsWith("family=", StringComparison.Ordinal)) family = part[7..];
        }
        if (k < 1) throw new InstanceFormatException(source, 1, "the parameter K=<positive integer> on the first line");
        if (double.IsNaN(u)) throw new InstanceFormatException(source, 1, "the parameter rate=<number> on the first line");
        string body = nl < 0 ? "" : text[(nl + 1)..];
        if (EmptyBatch(body) is { } empty) return k > empty.Experts
            ? throw new InstanceFormatException(source, 1, $"K <= E = {empty.Experts}, got K = {k}")
            : new MoeInstance(empty, k, u, family);
        IReadOnlyList<ScoreMatrix> batches;
        try { batches = ScoreCsvReader.Read(new StringReader(body), source); }
        catch (InstanceFormatException e) { throw new InstanceFormatException(source, e.Line > 0 ? e.Line + 1 : 0, e.Expected, e); }
        if (batches.Count != 1) throw new InstanceFormatException(source, 2, $"one batch of scores, got {batches.Count}");
        if (k > batches[0].Experts) throw new InstanceFormatException(source, 1, $"K <= E = {batches[0].Experts}, got K = {k}");
        return new MoeInstance(batches[0], k, u, family);
    }

    // ToText of a batch with no tokens is the header alone (token,e0,..), which the CSV score reader rejects: read it
    // here as a 0-token matrix with E columns so that Parse(ToText(x)) == x also for T = 0.
    private static ScoreMatrix? EmptyBatch(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != 1 || !lines[0].StartsWith("token,", StringComparison.Ordinal)) return null;
        return new ScoreMatrix(0, lines[0].Split(',').Length - 1);
    }

    /// <summary>Value equality: same K, rate, family and every score.</summary>
    public bool Equals(MoeInstance? other) =>
        other is not null && K == other.K && Rate.Equals(other.Rate) && Family == other.Family
        && Tokens == other.Tokens && Experts == other.Experts && Scores.Data.SequenceEqual(other.Scores.Data);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(K, Rate, Family, Tokens, Experts);

    /// <summary>Builds an instance from rows of integer scores.</summary>
    public static MoeInstance FromRows(long[][] rows, int experts, int k, double rate, string family)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var m = new ScoreMatrix(rows.Length, experts);
        for (int t = 0; t < rows.Length; t++)
            for (int i = 0; i < experts; i++) m[t, i] = rows[t][i];
        return new MoeInstance(m, k, rate, family);
    }

    internal long[][] Rows()
    {
        var rows = new long[Tokens][];
        for (int t = 0; t < Tokens; t++)
        {
            rows[t] = new long[Experts];
            for (int i = 0; i < Experts; i++) rows[t][i] = (long)Scores[t, i];
        }
        return rows;
    }
}
