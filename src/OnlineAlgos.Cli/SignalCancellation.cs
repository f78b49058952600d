using System.Runtime.InteropServices;

namespace OnlineAlgos.Cli;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM (what Slurm sends at a time limit) into one cancellation of the context's token:
/// a running study stops promptly, keeps its finished cells and the process exits 130 (SIGINT) or 143 (SIGTERM). A
/// command that does not observe the token, or a second signal, ends the process at once with the same code.
/// </summary>
public sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly List<PosixSignalRegistration> _registrations = new();
    private int _signals;

    /// <summary>Registers the handlers; <see cref="Token"/> is cancelled on the first signal.</summary>
    public SignalCancellation()
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Handle(c, 130)));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Handle(c, 143)));
    }

    /// <summary>Cancelled on the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>The context whose <see cref="CliContext.InterruptExitCode"/> and
    /// <see cref="CliContext.ObservesCancellation"/> the handler uses (set once the context exists).</summary>
    public CliContext? Context { get; set; }

    private void Handle(PosixSignalContext c, int code)
    {
        c.Cancel = true;
        var ctx = Context;
        if (ctx is not null) ctx.InterruptExitCode = code;
        if (Interlocked.Increment(ref _signals) > 1 || ctx is null || !ctx.ObservesCancellation)
        {
            ctx?.Error.Flush();
            Environment.Exit(code);
        }
        _cts.Cancel();
    }

    /// <summary>Unregisters the handlers.</summary>
    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _cts.Dispose();
    }
}
