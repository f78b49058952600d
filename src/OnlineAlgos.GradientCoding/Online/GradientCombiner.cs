using System.Numerics;
using System.Numerics.Tensors;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// The master's combining step: decoded gradient = sum_i a_i f_i over the returned partial gradients f_i (float
/// payloads, as the authors' workers ship them). Two paths: <see cref="CombineDouble"/> accumulates in double (use it
/// with CRC coefficients of 1e3-1e5, which amplify float rounding; spec §2.1 numerical notes), and
/// <see cref="CombineSingle"/> accumulates in float with TensorPrimitives.MultiplyAdd (fastest, fine for FRC's 0/1
/// coefficients). O(k dim) for k non-zero coefficients; no allocation.
/// </summary>
public static class GradientCombiner
{
    /// <summary>into = sum_i coefficients[i] * partials[i] (skipping zero coefficients), accumulated in double.</summary>
    public static void CombineDouble(IReadOnlyList<float[]> partials, ReadOnlySpan<double> coefficients, Span<double> into)
    {
        into.Clear();
        int dim = into.Length;
        for (int i = 0; i < partials.Count; i++)
        {
            double a = coefficients[i];
            if (a == 0) continue;
            var f = partials[i].AsSpan(0, dim);
            int k = 0;
            if (Vector.IsHardwareAccelerated)
            {
                int w = Vector<float>.Count;
                var av = new Vector<double>(a);
                var fv = MemoryMarshalCast(f);
                var dv = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector<double>>(into);
                for (int v = 0; v < fv.Length && 2 * v + 1 < dv.Length; v++)
                {
                    Vector.Widen(fv[v], out var lo, out var hi);
                    dv[2 * v] += av * lo;
                    dv[2 * v + 1] += av * hi;
                    k = (v + 1) * w;
                }
            }
            for (; k < dim; k++) into[k] += a * f[k];
        }
    }

    private static ReadOnlySpan<Vector<float>> MemoryMarshalCast(ReadOnlySpan<float> f) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<float, Vector<float>>(f);

    /// <summary>into = sum_i coefficients[i] * partials[i] (skipping zero coefficients), accumulated in float.</summary>
    public static void CombineSingle(IReadOnlyList<float[]> partials, ReadOnlySpan<double> coefficients, Span<float> into)
    {
        into.Clear();
        int dim = into.Length;
        for (int i = 0; i < partials.Count; i++)
        {
            double a = coefficients[i];
            if (a == 0) continue;
            TensorPrimitives.MultiplyAdd(partials[i].AsSpan(0, dim), (float)a, into, into);
        }
    }
}
