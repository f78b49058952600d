using System.Globalization;
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
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        sw.Write(string.Create(CultureInfo.InvariantCulture, $"# moe instance: family={Family} K={K} rate={Rate} (drop this line to read the scores)\n"));
        ScoreCsvWriter.Write(sw, new[] { Scores });
        return sw.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();

    /// <summary>Parses <see cref="ToText"/> output (used to replay saved counterexamples).</summary>
    public static MoeInstance Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        int nl = text.IndexOf('\n', StringComparison.Ordinal);
        string first = nl < 0 ? text : text[..nl];
        int k = 0;
        double u = 0;
        string family = "saved";
        foreach (var part in first.TrimStart('#').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("K=", StringComparison.Ordinal)) k = int.Parse(part[2..], CultureInfo.InvariantCulture);
            else if (part.StartsWith("rate=", StringComparison.Ordinal)) u = double.Parse(part[5..], CultureInfo.InvariantCulture);
            else if (part.StartsWith("family=", StringComparison.Ordinal)) family = part[7..];
        }
        var scores = ScoreCsvReader.Read(new StringReader(text[(nl + 1)..]), source)[0];
        return new MoeInstance(scores, k, u, family);
    }

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
