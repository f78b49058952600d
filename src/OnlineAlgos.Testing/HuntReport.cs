namespace OnlineAlgos.Testing;

/// <summary>What <see cref="CompetitiveCheck{TInstance, TCost}.Hunt"/> tried and found.</summary>
/// <param name="Tests">Random instances FsCheck tried (up to the failing one).</param>
/// <param name="Evaluations">Instances the search phase evaluated (search and shrinking; 0 when it did not run).</param>
/// <param name="Searched">Whether the search phase ran.</param>
/// <param name="Counterexample">The shrunk violation, or null when none was found.</param>
public sealed record HuntReport(int Tests, int Evaluations, bool Searched, CounterexampleException? Counterexample);
