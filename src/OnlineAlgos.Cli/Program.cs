using OnlineAlgos.Cli;

var ctx = new CliContext(Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected);
return CliApp.Run(args, ctx);
