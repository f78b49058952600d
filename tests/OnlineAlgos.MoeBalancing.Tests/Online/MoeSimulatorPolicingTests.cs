using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Online;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Online;

/// <summary>
/// <see cref="MoeSimulator"/> polices the routing model: deliberately broken routers (plain top-K with one fault each)
/// are caught with <see cref="ModelViolationException"/> naming the step; the honest router reproduces the built-in
/// routing exactly.
/// </summary>
public class MoeSimulatorPolicingTests
{
    private enum Fault { None, ExtraExpert, Duplicate, Drop, WrongLoads, OutsideGroups }

    /// <summary>Biased top-K (TopKRouter, or GroupLimitedRouter under a group limit); at step 3 (the third call) it
    /// commits its fault on token 0.</summary>
    private sealed class Router(Fault fault, GroupLimit? groups) : IExpertRouter
    {
        private int _calls;
        public string Name => "broken-" + fault;

        public void Route(ScoreMatrix batch, ReadOnlySpan<double> bias, int k, Span<int> assignment, Span<int> loads)
        {
            if (groups is null) TopKRouter.Route(batch, bias, k, assignment, loads);
            else GroupLimitedRouter.Route(batch, bias, k, groups.Groups, groups.TopGroups, assignment, loads);
            if (++_calls != 3) return;
            switch (fault)
            {
                case Fault.ExtraExpert: assignment[0] = batch.Experts; break; // a (K+1)-th expert index: out of range
                case Fault.Duplicate: loads[assignment[1]]--; assignment[1] = assignment[0]; loads[assignment[0]]++; break;
                case Fault.Drop: loads[assignment[0]]--; assignment[0] = -1; break;
                case Fault.WrongLoads: loads[0]++; break;
                case Fault.OutsideGroups:
                    // Token 0's experts spread over K = 3 groups while only 1 may be used.
                    loads[assignment[0]]--; loads[assignment[1]]--; loads[assignment[2]]--;
                    assignment[0] = 0; assignment[1] = 2; assignment[2] = 4;
                    loads[0]++; loads[2]++; loads[4]++;
                    break;
            }
        }
    }

    private static SimulationSettings Settings(Fault fault, GroupLimit? groups = null) =>
        new(Tokens: 16, K: 3, Steps: 5, Groups: groups) { Router = new Router(fault, groups) };

    [Fact]
    public void The_honest_router_gives_the_built_in_routings_metrics()
    {
        var own = MoeSimulator.Run(new IidSigmoidGenerator(8), new AlfLbBalancer(8, 0.01), Settings(Fault.None), new Rng(7));
        var builtIn = MoeSimulator.Run(new IidSigmoidGenerator(8), new AlfLbBalancer(8, 0.01), new SimulationSettings(16, 3, 5), new Rng(7));
        Assert.Equal(builtIn, own);
    }

    [Theory]
    [InlineData((int)Fault.ExtraExpert, "is not one of the 8 experts")]
    [InlineData((int)Fault.Duplicate, "twice")]
    [InlineData((int)Fault.Drop, "expert -1")]
    [InlineData((int)Fault.WrongLoads, "reported load")]
    public void A_broken_router_is_caught_at_its_step(int fault, string rule)
    {
        var ex = Assert.Throws<ModelViolationException>(() =>
            MoeSimulator.Run(new IidSigmoidGenerator(8), new AlfLbBalancer(8, 0.01), Settings((Fault)fault), new Rng(7)));
        Assert.Equal(3, ex.Step);
        Assert.Contains(rule, ex.Rule, StringComparison.Ordinal);
        Assert.Equal("broken-" + (Fault)fault, ex.Algorithm);
    }

    [Fact]
    public void A_router_leaving_the_allowed_groups_is_caught()
    {
        // 4 groups of 2 experts, 2 kept, K = 3: token 0 on experts 0, 2, 4 uses groups 0, 1, 2 (steps 1-2 route
        // group-limited and pass).
        var ex = Assert.Throws<ModelViolationException>(() =>
            MoeSimulator.Run(new IidSigmoidGenerator(8), new AlfLbBalancer(8, 0.01), Settings(Fault.OutsideGroups, new GroupLimit(4, 2)), new Rng(7)));
        Assert.Equal(3, ex.Step);
        Assert.Contains("beyond the 2 allowed", ex.Rule, StringComparison.Ordinal);
    }
}
