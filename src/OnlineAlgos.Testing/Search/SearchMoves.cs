using OnlineAlgos.Core;

namespace OnlineAlgos.Testing.Search;

/// <summary>
/// A family's search space for <see cref="AdversarialSearch{TInstance}"/>: how to draw a fresh (small, random)
/// instance, how to perturb one (a random shrink or growth move), and the deterministic shrink candidates used by the
/// final shrinking (usually the FsCheck shrinker of the family's generator). All randomness comes from the
/// <see cref="Rng"/> passed in, so a search is a function of its seed.
/// </summary>
/// <typeparam name="TInstance">The family's instance type (immutable: moves return new instances).</typeparam>
/// <param name="Random">A fresh starting instance.</param>
/// <param name="Mutate">One random move (shrink or growth) from an instance; may return the same instance when no
/// move applies.</param>
/// <param name="Shrink">Candidate smaller instances, simplest first.</param>
public sealed record SearchMoves<TInstance>(
    Func<Rng, TInstance> Random,
    Func<TInstance, Rng, TInstance> Mutate,
    Func<TInstance, IEnumerable<TInstance>> Shrink);
