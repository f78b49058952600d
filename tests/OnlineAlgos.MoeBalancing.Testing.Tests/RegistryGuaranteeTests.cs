using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Online;
using OnlineAlgos.MoeBalancing.Testing;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Testing.Tests;

/// <summary>The registry carries weak duality as data for every additive-bias balancer, and it is the guarantee the
/// kit checks; balancers whose bias is not additive (D is not their dual) carry none.</summary>
public class RegistryGuaranteeTests
{
    private static readonly Dictionary<string, double> NoParameters = new();

    [Theory]
    [InlineData("alf-lb")]
    [InlineData("alf-lb-zero-mean")]
    [InlineData("alf-lb-annealed")]
    [InlineData("proportional")]
    [InlineData("ogd")]
    [InlineData("top-k")]
    public void Additive_balancers_carry_weak_duality_and_pass_it(string name)
    {
        var g = MoeAlgorithms.All.Single(a => a.Name == name).GuaranteeFor!(NoParameters);
        Assert.Same(MoeChecks.DualAtLeastOpt, g);
        Assert.Equal(Objective.Maximize, g.Objective);
        MoeChecks.DualAtLeastOptimum(name, steps: 10, maxTest: 40);
    }

    [Theory]
    [InlineData("multiplicative")]
    [InlineData("aux-loss")]
    [InlineData("expert-choice")]
    public void Non_additive_balancers_carry_none(string name) =>
        Assert.Null(MoeAlgorithms.All.Single(a => a.Name == name).GuaranteeFor);
}
