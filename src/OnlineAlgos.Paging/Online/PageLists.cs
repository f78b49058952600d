using System.Runtime.CompilerServices;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Intrusive doubly linked lists over dense page ids, shared by the O(1) paging algorithms: <c>prev</c>/<c>next</c>
/// arrays of length pageCount + (number of lists), list heads are sentinels at indices pageCount, pageCount+1, ….
/// A page is in at most one list at a time. Append puts a page at the tail (most recent end).
/// </summary>
internal static class PageLists
{
    /// <summary>Makes <paramref name="sentinel"/> an empty list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear(int[] prev, int[] next, int sentinel) => prev[sentinel] = next[sentinel] = sentinel;

    /// <summary>Removes page <paramref name="p"/> from its list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unlink(int[] prev, int[] next, int p)
    {
        next[prev[p]] = next[p];
        prev[next[p]] = prev[p];
    }

    /// <summary>Appends page <paramref name="p"/> at the tail of the list headed by <paramref name="list"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Append(int[] prev, int[] next, int list, int p)
    {
        int tail = prev[list];
        next[tail] = p;
        prev[p] = tail;
        next[p] = list;
        prev[list] = p;
    }
}
