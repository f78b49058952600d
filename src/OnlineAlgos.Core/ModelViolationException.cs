namespace OnlineAlgos.Core;

/// <summary>
/// An online algorithm made a decision its model forbids (a paging cache above k, evicting an absent page, a fault
/// served without loading the page, a matching to an already matched node, work on an unrevealed operation). Thrown by
/// the family's simulator, which owns the state; <see cref="Step"/> names the request or event.
/// </summary>
public sealed class ModelViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelViolationException(string algorithm, long step, string rule)
        : base($"{algorithm} broke the model at step {step}: {rule}")
    {
        Algorithm = algorithm;
        Step = step;
        Rule = rule;
    }

    /// <summary>Exception conventions.</summary>
    public ModelViolationException() : this("algorithm", -1, "model violated") { }
    /// <summary>Exception conventions.</summary>
    public ModelViolationException(string message) : this("algorithm", -1, message) { }
    /// <summary>Exception conventions.</summary>
    public ModelViolationException(string message, Exception inner) : base(message, inner) { Rule = message; }

    /// <summary>Name of the offending algorithm.</summary>
    public string Algorithm { get; } = "algorithm";
    /// <summary>The 0-based step (request, arrival, event) at which the decision was made; −1 when unknown.</summary>
    public long Step { get; } = -1;
    /// <summary>The rule that was broken.</summary>
    public string Rule { get; } = "";
}
