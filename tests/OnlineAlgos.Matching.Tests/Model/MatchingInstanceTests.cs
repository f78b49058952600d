using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;
using Xunit;

namespace OnlineAlgos.Matching.Tests.Model;

public class MatchingInstanceTests
{
    [Fact]
    public void ValidatesProgrammaticConstruction()
    {
        Assert.Throws<ArgumentException>(() => MatchingInstance.Bernoulli(new[] { 1.2 }, new double[,] { { 1 } }));
        Assert.Throws<ArgumentException>(() => MatchingInstance.Bernoulli(new[] { 0.5 }, new double[,] { { -1 } }));
        Assert.Throws<ArgumentException>(() => new MatchingInstance(1, new[] { new[] { new ArrivalType(0.5, new[] { new MatchingEdge(1, 1) }) } }));
        Assert.Throws<ArgumentException>(() => new MatchingInstance(1, new[] { new[] { new ArrivalType(0.6, Array.Empty<MatchingEdge>()), new ArrivalType(0.6, Array.Empty<MatchingEdge>()) } }));
        Assert.Throws<ArgumentException>(() => MatchingInstance.Bernoulli(new[] { 0.5 }, new double[,] { { 1, 2 } }, new[] { 1.0, 1.0 }));
    }

    [Fact]
    public void StoresEdgesHeaviestFirstWithLowerNodeOnTies()
    {
        var inst = MatchingInstance.Bernoulli(new[] { 1.0 }, new double[,] { { 0.5, 2, 0, 2, 1 } });
        Assert.Equal(4, inst.EdgeCount);
        Assert.Equal(new[] { 1, 3, 4, 0 }, inst.EdgeNodes.ToArray());
        Assert.Equal(new[] { 2, 2, 1, 0.5 }, inst.EdgeWeights.ToArray());
    }

    [Fact]
    public void SplitsIntoConnectedComponents()
    {
        // nodes 0,1 linked through step 0; node 2 alone with steps 1 and 3; node 3 isolated; step 2 empty.
        var w = new double[,] { { 1, 1, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 0 }, { 0, 0, 2, 0 } };
        var comps = InstanceComponents.Compute(MatchingInstance.Bernoulli(new[] { 1.0, 0.5, 0.5, 0.5 }, w));
        Assert.Equal(2, comps.Count);
        Assert.Equal(new[] { 0, 1 }, comps[0].OfflineNodes);
        Assert.Equal(new[] { 0 }, comps[0].Steps);
        Assert.Equal(new[] { 2 }, comps[1].OfflineNodes);
        Assert.Equal(new[] { 1, 3 }, comps[1].Steps);
    }

    [Fact]
    public void RealizationEnumerationSumsToOneAndSamplingMatchesIt()
    {
        var inst = MatchingInstance.Bernoulli(new[] { 0.3, 1.0, 0.0 }, new double[,] { { 1 }, { 1 }, { 1 } });
        double total = 0;
        int count = 0;
        Realization.Enumerate(inst, new[] { 0, 1, 2 }, (p, _) => { total += p; count++; });
        Assert.Equal(1, total, 12);
        Assert.Equal(2, count); // zero-probability branches are skipped
        Assert.Equal(8, Realization.Count(inst, new[] { 0, 1, 2 }));
        // Sampling: step 0 arrives w.p. 0.3. N = 20,000, 4 standard errors (sd 0.458/sqrt(N) = 0.0032).
        var rng = new Core.Rng(3);
        var types = new int[3];
        int arrivals = 0;
        for (int s = 0; s < 20000; s++)
        {
            Realization.Sample(inst, rng, types);
            if (types[0] >= 0) arrivals++;
            Assert.True(types[1] >= 0);
            Assert.Equal(-1, types[2]);
        }
        Assert.InRange(arrivals / 20000.0, 0.3 - 0.013, 0.3 + 0.013);
    }

    [Fact]
    public void GeneratorsProduceValidInstancesOfTheRequestedShape()
    {
        var rng = new Core.Rng(9);
        var ba = RandomInstances.BarabasiAlbert(rng, 10, 6, 8);
        for (int t = 0; t < 10; t++) Assert.Equal(6, ba.EdgeStart(t + 1) - ba.EdgeStart(t)); // b capped at n
        var geo = RandomInstances.Geometric(rng, 10, 10, 0.25);
        Assert.Equal(25, geo.EdgeCount);
        var vw = RandomInstances.ErdosRenyi(rng, 8, 5, 0.5, ArrivalDistribution.Rare, vertexWeighted: true);
        Assert.True(vw.IsVertexWeighted);
        for (int t = 0; t < 8; t++) Assert.InRange(vw.ArrivalProbability(t), 0, 0.3);
        for (int e = 0; e < vw.EdgeCount; e++) Assert.Equal(vw.VertexWeights[vw.EdgeNode(e)], vw.EdgeWeight(e));
    }
}
