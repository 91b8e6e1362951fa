namespace EdaTemplates.Soak.Cluster;

/// <summary>Finds PostgreSQL's server binaries the way tests/run-tests.sh does: initdb on PATH, else the newest Debian install.</summary>
public static class PostgresBinaries
{
    public static string? Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(directory, "initdb");
            if (File.Exists(initdb))
            {
                var resolved = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
                var binaries = Path.GetDirectoryName(resolved)!;
                if (File.Exists(Path.Combine(binaries, "postgres")))
                {
                    return binaries;
                }
            }
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    /// <summary>Why the soak cannot run here, or null when it can.</summary>
    public static string? MissingReason()
    {
        if (Find() is null)
        {
            return "PostgreSQL server binaries (initdb, postgres) are not installed; install the postgresql package";
        }

        return Environment.IsPrivilegedProcess && !File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal))
            ? "running as root without a 'postgres' user to run PostgreSQL as"
            : null;
    }
}
