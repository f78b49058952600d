using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Online;
using OnlineAlgos.GradientCoding.Testing;
using OnlineAlgos.Testing;
using Xunit;

namespace OnlineAlgos.GradientCoding.Testing.Tests;

/// <summary>The registry carries each scheme's guarantee as data, and it is the one the kit checks: gc (s = λ), sr-sgc
/// and m-sgc decode every job by its deadline on admissible patterns; uncoded has none, and the check shows why.</summary>
public class RegistryGuaranteeTests
{
    private static readonly Dictionary<string, double> NoParameters = new();

    [Theory]
    [InlineData("gc")]
    [InlineData("sr-sgc")]
    [InlineData("m-sgc")]
    public void Coded_schemes_carry_decode_by_deadline_and_pass_it(string name)
    {
        var info = SgcAlgorithms.All.Single(a => a.Name == name);
        var g = info.GuaranteeFor!(NoParameters);
        Assert.Same(SgcAlgorithms.DecodeByDeadline, g);
        Assert.Same(SgcChecks.DecodeByDeadline, g);
        Assert.Equal(Rational.One, g.Ratio);
        SgcChecks.Feasibility(name, 150);
    }

    [Fact]
    public void Uncoded_has_no_guarantee_because_it_misses_deadlines_on_admissible_patterns()
    {
        Assert.Null(SgcAlgorithms.All.Single(a => a.Name == "uncoded").GuaranteeFor);
        Assert.Throws<CounterexampleException>(() =>
            SgcChecks.FeasibilityCheck("uncoded", SgcChecks.Registered("uncoded")).Verify(200));
    }
}
