namespace OnlineAlgos.Core;

/// <summary>
/// What a family's registry says about one algorithm: its CLI name, role, whether it uses coins, its guarantee (as
/// readable text and, where one is claimed, as checkable data), the source, whether it is a reconstruction, a one-line
/// summary and its complexity. README's feature tables and <c>onlinealgos algorithms</c> are generated from these.
/// </summary>
/// <param name="Family">Family as the CLI spells it: <c>paging</c>, <c>matching</c>, <c>scheduling</c>, <c>sgc</c>, <c>moe</c>.</param>
/// <param name="Name">The name the family's commands and registry accept (lower case).</param>
/// <param name="Role">Online algorithm or offline benchmark.</param>
/// <param name="Randomized">Whether it draws random coins.</param>
/// <param name="Summary">One line: what it does.</param>
/// <param name="GuaranteeText">The claimed guarantee as readable text (e.g. <c>ALG &lt;= k*OPT</c>); empty when none.</param>
/// <param name="Source">Citation of the algorithm and its guarantee.</param>
/// <param name="Reconstructed">True when the algorithm (not only a tie rule) is our reconstruction.</param>
/// <param name="Complexity">Time per step or in total, e.g. <c>O(1) per request</c>.</param>
public sealed record AlgorithmInfo(
    string Family,
    string Name,
    AlgorithmRole Role,
    bool Randomized,
    string Summary,
    string GuaranteeText,
    string Source,
    bool Reconstructed,
    string Complexity)
{
    /// <summary>The guarantee as data for the instance parameters (e.g. <c>k</c>); null when none is claimed or it
    /// cannot be checked instance by instance.</summary>
    public Func<IReadOnlyDictionary<string, double>, Guarantee>? GuaranteeFor { get; init; }
}
