using OnlineAlgos.Core;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>Factory choosing the gradient code for (n, s): fractional repetition when (s+1) | n (exact, integer
/// coefficients, as the spec recommends), else cyclic repetition drawn from the given Rng.</summary>
public static class GradientCodes
{
    /// <summary>FRC when (s+1) | n, else CRC.</summary>
    public static IGradientCode Create(int n, int s, Rng rng) =>
        n % (s + 1) == 0 ? new FractionalRepetitionCode(n, s) : new CyclicRepetitionCode(n, s, rng);
}
