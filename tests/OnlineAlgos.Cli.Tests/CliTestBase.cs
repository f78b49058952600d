using OnlineAlgos.Cli;

namespace OnlineAlgos.Cli.Tests;

public abstract class CliTestBase : IDisposable
{
    protected string Dir { get; } = Path.Combine(Path.GetTempPath(), "oa-cli-" + Guid.NewGuid().ToString("N"));

    protected CliTestBase() => Directory.CreateDirectory(Dir);

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, new CliContext(o, e, interactive: false));
        return (code, o.ToString(), e.ToString());
    }

    protected string File(string name, string content)
    {
        string p = Path.Combine(Dir, name);
        System.IO.File.WriteAllText(p, content);
        return p;
    }

    protected string File(string name, byte[] content)
    {
        string p = Path.Combine(Dir, name);
        System.IO.File.WriteAllBytes(p, content);
        return p;
    }
}
