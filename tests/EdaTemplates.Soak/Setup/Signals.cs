using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EdaTemplates.Soak.Setup;

/// <summary>The POSIX signals the soak sends to its children (Linux numbering, the only platform it runs on).</summary>
internal enum Signal
{
    Quit = 3,
    Term = 15,
    Cont = 18,
    Stop = 19,
}

/// <summary>
/// Sends a signal straight through libc's kill(2): no `kill` process per signal, so a pause or a stop takes effect at
/// the moment the chaos step names, and a failure says which signal and process it was.
/// </summary>
internal static class Signals
{
    public static void Send(Process process, Signal signal)
    {
        if (NativeKill(process.Id, (int)signal) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"Could not send SIG{signal.ToString().ToUpperInvariant()} to process {process.Id}.");
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, and two ints need none.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int signal);
}
