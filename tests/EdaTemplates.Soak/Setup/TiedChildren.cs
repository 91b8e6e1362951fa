using System.Collections.Concurrent;
using System.Diagnostics;

namespace EdaTemplates.Soak.Setup;

/// <summary>
/// Starts the processes the soak must not leave behind (service instances, PostgreSQL servers) under
/// `setpriv --pdeathsig KILL`, so the kernel kills them when the soak dies, however it dies. An instance orphaned by a
/// stopped run once kept retrying its database port, which the next run's cluster took, and its outbox forwarder sent
/// that run's events to its own old queue cluster: the next soaks reported lost events.
/// The signal follows the thread that started the child, not the process, and the thread pool retires idle threads:
/// every start therefore runs on one thread that lives as long as the soak.
/// </summary>
internal static class TiedChildren
{
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Pending = new();

    static TiedChildren()
    {
        new Thread(StartPending) { IsBackground = true, Name = "soak child starter" }.Start();
    }

    /// <summary>setpriv (util-linux); without it the children are started untied and can outlive a killed soak.</summary>
    public static string? Setpriv { get; } = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="executable"/>, as <paramref name="user"/> when given (the soak must then be root).</summary>
    public static ProcessStartInfo StartInfo(string executable, IEnumerable<string> arguments, string? user = null)
    {
        string[] prefix = (Setpriv, user) switch
        {
            (null, null) => [],
            (null, _) => ["runuser", "-u", user, "--"],
            (_, null) => [Setpriv, "--pdeathsig", "KILL", "--"],
            _ => [Setpriv, "--reuid", user, "--regid", user, "--init-groups", "--pdeathsig", "KILL", "--"],
        };
        var command = prefix.Append(executable).Concat(arguments).ToList();
        var startInfo = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>Starts <paramref name="process"/> on the starter thread and returns once it runs.</summary>
    public static void Start(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Pending.Add((process, started));
        started.Task.GetAwaiter().GetResult();
    }

    private static void StartPending()
    {
        foreach (var (process, started) in Pending.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        }
    }
}
