using OnlineAlgos.Cli;

using var signals = new SignalCancellation();
var ctx = new CliContext(Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected, signals.Token);
signals.Context = ctx;
return CliApp.Run(args, ctx);
