using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;
using OnlineAlgos.Matching.Online;
using Xunit;

namespace OnlineAlgos.Matching.Tests.Online;

public class RegistryAndPolicingTests
{
    [Fact]
    public void RegistryListsOnlineAlgorithmsInOutputOrderThenTheBenchmarks()
    {
        Assert.Equal(new[] { "greedy", "threshold-greedy", "balanced-prices", "independent-proposals", "grouped-proposals",
            "pivotal", "pivotal-unscaled", "pivotal-discard", "lp", "online-opt", "offline-opt" }, MatchingAlgorithms.All.Select(a => a.Name));
        Assert.All(MatchingAlgorithms.All, a => Assert.Equal("matching", a.Family));
        Assert.Equal(3, MatchingAlgorithms.All.Count(a => a.Role == AlgorithmRole.Offline));
        // Every online name builds an algorithm that reports that name (the CSV rows are keyed by it).
        var inst = MatchingInstance.Bernoulli(new[] { 0.5, 1.0 }, new double[,] { { 1, 2 }, { 3, 0 } });
        var options = new MatchingAlgorithmOptions(inst, PpswLinearProgram.Solve(inst), new Rng(1));
        foreach (var name in MatchingAlgorithms.OnlineNames)
            Assert.Equal(name, MatchingAlgorithms.Create(name, options).Name);
    }

    [Fact]
    public void UnknownNamesGetOneErrorListingTheKnownOnes()
    {
        var inst = MatchingInstance.Bernoulli(new[] { 1.0 }, new double[,] { { 1 } });
        var e = Assert.Throws<ArgumentException>(() => MatchingAlgorithms.Create("lru", new MatchingAlgorithmOptions(inst)));
        Assert.StartsWith("unknown matching algorithm 'lru'; known: greedy, threshold-greedy, balanced-prices,", e.Message, StringComparison.Ordinal);
        Assert.False(MatchingAlgorithms.TryCreate("online-opt", new MatchingAlgorithmOptions(inst), out _));
        Assert.Contains("needs the LP solution", Assert.Throws<ArgumentException>(() => MatchingAlgorithms.Create("pivotal", new MatchingAlgorithmOptions(inst))).Message, StringComparison.Ordinal);
    }

    // Two certain arrivals, both adjacent to nodes 0 and 1 (weight 1).
    private static readonly MatchingInstance Two = MatchingInstance.Bernoulli(new[] { 1.0, 1.0 }, new double[,] { { 1, 1 }, { 1, 1 } });

    private sealed class Broken(MatchingInstance inst, string rule) : IOnlineMatchingAlgorithm
    {
        public string Name => "broken-" + rule;

        public int Decide(int type, ReadOnlySpan<bool> available, Rng rng, Span<int> discards, out int discardCount)
        {
            discardCount = 0;
            switch (rule)
            {
                case "foreign-edge": return inst.EdgeStart(0);                       // always an edge of step 0's type
                case "taken-node": return EdgeTo(type, 0);                          // node 0 at every arrival
                default: discards[0] = 1; discardCount = 1; return -1;              // discards node 1 at every arrival
            }
        }

        public void Outcomes(int type, ulong available, List<MatchingTransition> outcomes)
        {
            switch (rule)
            {
                case "foreign-edge": outcomes.Add(new MatchingTransition(1, inst.EdgeStart(0), 1UL << inst.EdgeNode(inst.EdgeStart(0)))); break;
                case "taken-node": outcomes.Add(new MatchingTransition(1, EdgeTo(type, 0), 1)); break;
                default: outcomes.Add(new MatchingTransition(1, -1, 2)); break;
            }
        }

        private int EdgeTo(int type, int node)
        {
            for (int e = inst.EdgeStart(type); e < inst.EdgeStart(type + 1); e++)
                if (inst.EdgeNode(e) == node) return e;
            throw new InvalidOperationException("no such edge");
        }
    }

    [Theory]
    [InlineData("foreign-edge", "matched edge 0, which does not belong to the type that arrived")]
    [InlineData("taken-node", "matched offline node 0, which is not available")]
    [InlineData("discard-twice", "discarded node 1, which is not available")]
    public void TheSimulatorCatchesEveryBrokenRuleAtTheStepItIsBroken(string rule, string message)
    {
        var algorithm = new Broken(Two, rule);
        var e = Assert.Throws<ModelViolationException>(() => new MatchingSimulator(Two).Run(algorithm, new[] { 0, 1 }, new Rng(1)));
        Assert.Equal(algorithm.Name, e.Algorithm);
        Assert.Equal(1, e.Step); // step 0 is legal for each of them
        Assert.Equal(message, e.Rule);
    }

    [Theory]
    [InlineData("foreign-edge")]
    [InlineData("taken-node")]
    [InlineData("discard-twice")]
    public void TheExactEvaluatorCatchesTheSameBrokenRules(string rule)
    {
        var e = Assert.Throws<ModelViolationException>(() => ExactEvaluator.Value(Two, new Broken(Two, rule)));
        Assert.Equal(1, e.Step);
    }
}
