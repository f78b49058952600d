using System.Globalization;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Testing;

/// <summary>A feasibility instance: a (B, W, lambda) model, a job count J and an admissible straggler pattern.</summary>
/// <param name="Model">The bursty model (n = Model.Workers).</param>
/// <param name="Jobs">Number of jobs J.</param>
/// <param name="Pattern">Straggler pattern (admissible for Model); rounds past its end are clean.</param>
public sealed record SgcInstance(BurstyModel Model, int Jobs, StragglerPattern Pattern)
{
    /// <summary>Text form: a comment line with the parameters, then the pattern CSV (FORMATS.md), so the file can be
    /// saved under instances/gradient-coding and read back with the pattern reader after dropping the comment.</summary>
    public string ToText() =>
        string.Create(CultureInfo.InvariantCulture,
            $"# n={Model.Workers} B={Model.B} W={Model.W} lambda={Model.Lambda} J={Jobs}\n") + Pattern.ToCsv();

    /// <inheritdoc />
    public override string ToString() => $"{Model} J={Jobs} {Pattern}";
}
