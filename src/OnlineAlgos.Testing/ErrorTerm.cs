using System.Globalization;
using System.Text;

namespace OnlineAlgos.Testing;

/// <summary>An additive error term of a guarantee: coefficient · measure (e.g. (k−1)·η₀).</summary>
public sealed record ErrorTerm(string Measure, double Coefficient);
