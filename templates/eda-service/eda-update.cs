// Updates this service to another version of the EdaTemplates pack, keeping your changes.
//
//   dotnet run eda-update.cs -- [--to <version>] [--add-source <NuGet feed>]...
//
// Run it in the service's root folder (where .eda-service.json is). It regenerates the service twice from the answers
// recorded in .eda-service.json, once with the recorded pack version and once with --to (default: the version of
// EdaTemplates installed with `dotnet new install`), each into a temporary folder with a private template hive. Then,
// file by file, it merges the pack's change into your copy (three-way, `git merge-file`: base = old generation,
// theirs = new generation, yours = this folder). Files new in the pack are added; files the pack deleted are deleted
// only if you never changed them; files the pack did not change are not touched, nor is anything the pack never
// generated. Conflicts are left marked (<<<<<<< yours ... >>>>>>> pack <version>) and listed. Last, .eda-service.json
// records the new version.
//
// Exit codes: 0 updated (or nothing to do), 2 updated with conflicts to resolve, 1 refused: nothing was changed.
// It refuses when the answers file is missing or unreadable, a version cannot be installed or generated, git is
// missing, or the folder is in a git work tree with uncommitted changes (commit first, so the update is one diff you
// can review or undo).
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using static Pack;

try
{
    return Updater.Run(args);
}
catch (RefusedException refused)
{
    Console.Error.WriteLine($"eda-update: refused, nothing was changed: {refused.Message}");
    return 1;
}

internal static class Pack
{
    public const string AnswersFile = ".eda-service.json";
    public const string PackageId = "EdaTemplates";
}

/// <summary>A precondition failed before anything in the service folder was written.</summary>
internal sealed class RefusedException(string message) : Exception(message);

internal static class Updater
{
    public static int Run(string[] args)
    {
        var (targetVersion, sources) = ParseArguments(args);
        var root = Directory.GetCurrentDirectory();
        var answers = Answers.Load(Path.Combine(root, AnswersFile));

        Tools.RequireGit();
        Tools.RequireCleanGitTree(root);
        targetVersion ??= Tools.InstalledPackVersion();
        if (targetVersion == answers.Version)
        {
            Console.WriteLine($"eda-update: this service is already generated with {PackageId} {answers.Version}; nothing to do.");
            return 0;
        }

        var work = Directory.CreateTempSubdirectory("eda-update-");
        try
        {
            var baseTree = Generator.Generate(answers, answers.Version, sources, work.FullName, "base");
            var theirTree = Generator.Generate(answers, targetVersion, sources, work.FullName, "theirs");
            var plan = Merge.Plan(root, baseTree, theirTree);
            var conflicts = Merge.Apply(root, baseTree, theirTree, plan, answers.Version, targetVersion);

            // The new generation's answers: the new version, and the defaults of any option the new pack added.
            File.Copy(Path.Combine(theirTree, AnswersFile), Path.Combine(root, AnswersFile), overwrite: true);

            Merge.Report(plan, answers.Version, targetVersion);
            return conflicts > 0 ? 2 : 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static (string? TargetVersion, List<string> Sources) ParseArguments(string[] args)
    {
        string? target = null;
        var sources = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new RefusedException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--to":
                    target = Value();
                    break;
                case "--add-source":
                    var source = Value();
                    sources.Add(Directory.Exists(source) ? Path.GetFullPath(source) : source);
                    break;
                case "-h" or "--help":
                    Console.WriteLine("Usage: dotnet run eda-update.cs -- [--to <version>] [--add-source <NuGet feed>]...");
                    Environment.Exit(0);
                    break;
                default:
                    throw new RefusedException($"unknown argument '{args[i]}' (use --to <version>, --add-source <feed>)");
            }
        }

        return (target, sources);
    }
}

/// <summary>What .eda-service.json recorded: the pack version, the service name and every option.</summary>
internal sealed record Answers(
    string Version, string Template, string Name, string? UserSecretsId, IReadOnlyList<KeyValuePair<string, string>> Options)
{
    /// <summary>The <c>userSecretsId</c> a generation recorded, or null (packs before 0.2.0 had none).</summary>
    public static string? RecordedUserSecretsId(string path) =>
        File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?["userSecretsId"]?.GetValue<string>() : null;

    public static Answers Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RefusedException($"{path} does not exist. Run this in the root folder of a service made with `dotnet new eda-service` (packs that record answers write it there).");
        }

        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path)) ?? throw new JsonException("empty");
            string Field(string name) => json[name]?.GetValue<string>() is { Length: > 0 } value
                ? value
                : throw new JsonException($"'{name}' is missing or empty");

            if (Field("package") != "EdaTemplates")
            {
                throw new JsonException($"'package' is '{Field("package")}', not EdaTemplates");
            }

            var options = (json["options"] as JsonObject ?? throw new JsonException("'options' is missing"))
                .Select(o => KeyValuePair.Create(o.Key, o.Value?.GetValue<string>() ?? throw new JsonException($"option '{o.Key}' has no value")))
                .ToList();
            return new Answers(Field("version"), Field("template"), Field("name"), json["userSecretsId"]?.GetValue<string>(), options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new RefusedException($"{path} cannot be read: {e.Message}");
        }
    }
}

internal static class Generator
{
    /// <summary>Installs the pack version into a private hive and generates the service with the recorded answers.</summary>
    public static string Generate(Answers answers, string version, IReadOnlyList<string> sources, string work, string label)
    {
        var hive = Path.Combine(work, $"hive-{label}");
        var output = Path.Combine(work, label, answers.Name);
        List<string> install = ["new", "install", $"EdaTemplates@{version}", "--debug:custom-hive", hive];
        foreach (var source in sources)
        {
            install.AddRange(["--add-source", source]);
        }

        var installed = Tools.Run("dotnet", install, work);
        if (installed.ExitCode != 0)
        {
            throw new RefusedException($"EdaTemplates {version} could not be installed (pass --add-source <feed> if it is not on your NuGet sources):{Environment.NewLine}{installed.Output}");
        }

        List<string> generate = ["new", answers.Template, "-n", answers.Name, "-o", output, "--debug:custom-hive", hive, "--no-update-check"];
        foreach (var (option, value) in answers.Options)
        {
            generate.AddRange([$"--{option}", value]);
        }

        var generated = Tools.Run("dotnet", generate, work);
        if (generated.ExitCode != 0)
        {
            throw new RefusedException($"EdaTemplates {version} could not generate the service with the recorded answers:{Environment.NewLine}{generated.Output}");
        }

        KeepUserSecretsId(output, answers.UserSecretsId);
        return output;
    }

    /// <summary>
    /// Every generation draws a fresh user-secrets id; put back the one this service was generated with, or the update
    /// would "change" the project file and cut the developers off from their local secrets.
    /// </summary>
    private static void KeepUserSecretsId(string output, string? recorded)
    {
        var generated = Answers.RecordedUserSecretsId(Path.Combine(output, AnswersFile));
        if (recorded is null || generated is null || recorded == generated)
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
            var text = Encoding.UTF8.GetString(bytes.AsSpan(bom ? Encoding.UTF8.Preamble.Length : 0));
            if (text.Contains(generated, StringComparison.OrdinalIgnoreCase))
            {
                // Same encoding and byte order mark as generated, so nothing but the id differs.
                File.WriteAllText(file, text.Replace(generated, recorded, StringComparison.OrdinalIgnoreCase), new UTF8Encoding(bom));
            }
        }
    }
}

internal enum Change
{
    Update,
    Merge,
    Add,
    Delete,
    KeptYourChangedFile,
    KeptYourDeletion,
}

internal sealed record PlannedChange(string Path, Change Change)
{
    public int Conflicts { get; set; }
}

internal static class Merge
{
    /// <summary>Decides, for every file either generation has, what to do with this folder's copy; writes nothing.</summary>
    public static List<PlannedChange> Plan(string root, string baseTree, string theirTree)
    {
        var plan = new List<PlannedChange>();
        var paths = Files(baseTree).Union(Files(theirTree)).Where(p => p != AnswersFile).Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var old = Read(baseTree, path);
            var theirs = Read(theirTree, path);
            var yours = Read(root, path);
            if (Same(old, theirs) || Same(yours, theirs))
            {
                continue; // the pack did not change it, or you already have the new content
            }

            Change? change = (old, theirs, yours) switch
            {
                (_, null, null) => null,
                (_, null, _) when Same(yours, old) => Change.Delete,
                (_, null, _) => Change.KeptYourChangedFile,
                (null, _, null) => Change.Add,
                (_, _, null) => Change.KeptYourDeletion,
                (_, _, _) when Same(yours, old) => Change.Update,
                _ => Change.Merge,
            };
            if (change is { } c)
            {
                plan.Add(new PlannedChange(path, c));
            }
        }

        return plan;
    }

    /// <summary>Carries out the plan and returns the number of files left with conflict markers.</summary>
    public static int Apply(string root, string baseTree, string theirTree, List<PlannedChange> plan, string oldVersion, string newVersion)
    {
        foreach (var item in plan)
        {
            var target = Path.Combine(root, item.Path);
            switch (item.Change)
            {
                case Change.Update or Change.Add:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(Path.Combine(theirTree, item.Path), target, overwrite: true);
                    break;
                case Change.Delete:
                    File.Delete(target);
                    break;
                case Change.Merge:
                    // A file the pack added where you already had one merges against an empty base: all of it conflicts.
                    var old = Path.Combine(baseTree, item.Path);
                    if (!File.Exists(old))
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(old)!);
                        File.WriteAllBytes(old, []);
                    }

                    item.Conflicts = Tools.MergeFile(target, old, Path.Combine(theirTree, item.Path), oldVersion, newVersion);
                    break;
            }
        }

        return plan.Count(p => p.Conflicts > 0);
    }

    public static void Report(List<PlannedChange> plan, string oldVersion, string newVersion)
    {
        Console.WriteLine($"eda-update: {PackageId} {oldVersion} -> {newVersion}");
        foreach (var item in plan)
        {
            var what = item.Change switch
            {
                Change.Update => "updated",
                Change.Add => "added",
                Change.Delete => "deleted",
                Change.Merge when item.Conflicts > 0 => $"CONFLICT ({item.Conflicts}): resolve the <<<<<<< markers",
                Change.Merge => "merged with your changes",
                Change.KeptYourChangedFile => "kept: the pack deleted it, but you had changed it",
                Change.KeptYourDeletion => "left deleted: you deleted it, the pack changed it",
                _ => item.Change.ToString(),
            };
            Console.WriteLine($"  {item.Path}: {what}");
        }

        var conflicts = plan.Where(p => p.Conflicts > 0).ToList();
        Console.WriteLine(conflicts.Count == 0
            ? $"eda-update: done, {plan.Count} file(s) changed; {AnswersFile} records {newVersion}."
            : $"eda-update: done with conflicts in {conflicts.Count} file(s): {string.Join(", ", conflicts.Select(c => c.Path))}; {AnswersFile} records {newVersion}.");
    }

    private static IEnumerable<string> Files(string tree) =>
        Directory.EnumerateFiles(tree, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(tree, f).Replace(Path.DirectorySeparatorChar, '/'));

    private static byte[]? Read(string tree, string path)
    {
        var file = Path.Combine(tree, path);
        return File.Exists(file) ? File.ReadAllBytes(file) : null;
    }

    private static bool Same(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}

internal static class Tools
{
    public static void RequireGit()
    {
        if (TryRun("git", ["--version"], Directory.GetCurrentDirectory()) is not { ExitCode: 0 })
        {
            throw new RefusedException("git is not on PATH; the update merges files with `git merge-file`.");
        }
    }

    public static void RequireCleanGitTree(string root)
    {
        var status = Run("git", ["status", "--porcelain", "--", "."], root);
        if (status.ExitCode == 0 && status.Output.Trim().Length > 0)
        {
            throw new RefusedException($"the folder has uncommitted changes; commit or stash them first, so the update is one change you can review and undo:{Environment.NewLine}{status.Output}");
        }
    }

    /// <summary>The EdaTemplates version `dotnet new install` put into the user's template hive.</summary>
    public static string InstalledPackVersion()
    {
        var listing = Run("dotnet", ["new", "uninstall"], Directory.GetCurrentDirectory()).Output.Split('\n').Select(l => l.Trim()).ToArray();
        var index = Array.IndexOf(listing, PackageId);
        var version = index >= 0 ? listing.Skip(index + 1).FirstOrDefault(l => l.StartsWith("Version:", StringComparison.Ordinal)) : null;
        return version?["Version:".Length..].Trim()
               ?? throw new RefusedException($"{PackageId} is not installed (`dotnet new install {PackageId}::<version>`); or name the version with --to <version>.");
    }

    /// <summary>Three-way merges into <paramref name="yours"/> and returns the number of conflicts left marked in it.</summary>
    public static int MergeFile(string yours, string old, string theirs, string oldVersion, string newVersion)
    {
        var merged = Run("git", ["merge-file", "-L", "yours", "-L", $"pack {oldVersion}", "-L", $"pack {newVersion}", yours, old, theirs], Directory.GetCurrentDirectory());
        if (merged.ExitCode < 0 || merged.ExitCode > 127)
        {
            throw new InvalidOperationException($"git merge-file failed on {yours} after earlier files were updated:{Environment.NewLine}{merged.Output}");
        }

        return merged.ExitCode;
    }

    public static (int ExitCode, string Output) Run(string file, IReadOnlyList<string> arguments, string workingDirectory) =>
        TryRun(file, arguments, workingDirectory) ?? throw new RefusedException($"could not start {file}");

    private static (int ExitCode, string Output)? TryRun(string file, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The version listing is read as text: keep the CLI's messages in English.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
