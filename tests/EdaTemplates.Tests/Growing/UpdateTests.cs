using System.Text.Json.Nodes;
using EdaTemplates.Tests.Fixture;
using EdaTemplates.Tests.Infrastructure;
using EdaTemplates.Tests.Layout;

namespace EdaTemplates.Tests.Growing;

/// <summary>
/// `dotnet run eda-update.cs` on a service generated with pack version A, updated to version B: B is this repository
/// with a changed building block, an added and a deleted file; the service carries user edits that must survive and one
/// that conflicts with B.
/// </summary>
[Collection(TemplatePackCollection.Name)]
public sealed class UpdateTests(TemplatePackFixture fixture)
{
    private const string Name = ExpectedLayout.ProjectName;
    private const string VersionA = "0.0.1-updatetest.1";
    private const string VersionB = "0.0.1-updatetest.2";

    private const string ChangedBlock = $"src/{Name}/Idempotency/IdempotencyOptions.cs";
    private const string ConflictingFile = $"src/{Name}/Messaging/MessagingOptions.cs";
    private const string UserEditedFile = $"src/{Name}/Handlers/OrderPlacedHandler.cs";
    private const string UserAddedFile = $"src/{Name}/Handlers/MyOwnNotes.md";
    private const string AddedByPack = "docs/pack-notes.md";
    private const string DeletedByPack = $"src/{Name}/Properties/launchSettings.json";

    private string root = "";
    private string logs = "";

    [Fact]
    public async Task Update_merges_the_pack_change_keeps_user_edits_and_marks_the_conflict()
    {
        root = fixture.CreateScratchDirectory("update");
        logs = Path.Combine(root, "logs");
        var feed = Path.Combine(root, "feed");
        await PackAsync("a", VersionA, _ => { }, feed);
        await PackAsync("b", VersionB, ChangeBuildingBlock, feed);

        var hive = Path.Combine(root, "hive-a");
        await DotnetAsync(root, ["new", "install", Path.Combine(feed, $"EdaTemplates.{VersionA}.nupkg"), "--debug:custom-hive", hive], "install-a");
        var service = Path.Combine(root, Name);
        await DotnetAsync(root, ["new", "eda-service", "-n", Name, "-o", service, "--transport", "Database", "--database", "PostgreSql", "--debug:custom-hive", hive, "--no-update-check"], "new-a");
        await GitAsync(service, ["init", "-q"]);
        await GitAsync(service, ["add", "-A"]);
        await GitAsync(service, ["commit", "-q", "-m", "generated"]);

        // User edits: one next to B's change (must merge), one on the line B changes (must conflict), one B never touches.
        Edit(service, ChangedBlock, "public sealed class IdempotencyOptions", "// Ours: reviewed by the payments team.\npublic sealed class IdempotencyOptions");
        Edit(service, ConflictingFile, "public int Workers { get; set; } = 4;", "public int Workers { get; set; } = 2;");
        Edit(service, UserEditedFile, "public async Task Handle(OrderPlaced message)", "// Ours: the sample handler, kept.\n    public async Task Handle(OrderPlaced message)");
        File.WriteAllText(Path.Combine(service, UserAddedFile), "notes of the team\n");

        var dirty = await UpdateAsync(service, feed, "update-dirty");
        Assert.True(dirty.ExitCode == 1, Describe("a dirty git tree was not refused", dirty));
        Assert.Contains("uncommitted changes", dirty.CombinedOutput, StringComparison.Ordinal);
        Assert.Contains(VersionA, File.ReadAllText(Path.Combine(service, ".eda-service.json")), StringComparison.Ordinal);

        await GitAsync(service, ["add", "-A"]);
        await GitAsync(service, ["commit", "-q", "-m", "user edits"]);
        var before = Snapshot(service);

        var missing = await UpdateAsync(service, feed, "update-missing-version", to: "0.0.1-updatetest.404");
        Assert.True(missing.ExitCode == 1, Describe("a version that cannot be installed was not refused", missing));
        Assert.Contains("could not be installed", missing.CombinedOutput, StringComparison.Ordinal);
        AssertUnchanged(before, Snapshot(service), "after a refused update");

        // Without --to the target is the version `dotnet new install` put into the user's own hive: a private
        // DOTNET_CLI_HOME stands in for the user's home. Nothing installed there yet: refused, nothing changed.
        var asUser = new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = Directory.CreateDirectory(Path.Combine(root, "user-home")).FullName };
        var notInstalled = await UpdateAsync(service, feed, "update-not-installed", to: null, asUser);
        Assert.True(notInstalled.ExitCode == 1, Describe("an update with no --to and no installed pack was not refused", notInstalled));
        Assert.Contains("EdaTemplates is not installed", notInstalled.CombinedOutput, StringComparison.Ordinal);
        AssertUnchanged(before, Snapshot(service), "after a refused update");

        await DotnetAsync(root, ["new", "install", Path.Combine(feed, $"EdaTemplates.{VersionB}.nupkg")], "install-b-as-user", environment: asUser);
        var update = await UpdateAsync(service, feed, "update", to: null, asUser);

        Assert.True(update.ExitCode == 2, Describe("the update did not report its conflict with exit code 2", update));
        Assert.Contains($"{ConflictingFile}: CONFLICT", update.StandardOutput, StringComparison.Ordinal);

        var block = Read(service, ChangedBlock);
        Assert.Contains("CleanupBatchSize { get; set; } = 500;", block, StringComparison.Ordinal);
        Assert.Contains("// Ours: reviewed by the payments team.", block, StringComparison.Ordinal);
        Assert.DoesNotContain("<<<<<<<", block, StringComparison.Ordinal);

        var conflict = Read(service, ConflictingFile);
        Assert.Contains("<<<<<<< yours", conflict, StringComparison.Ordinal);
        Assert.Contains("public int Workers { get; set; } = 2;", conflict, StringComparison.Ordinal);
        Assert.Contains("public int Workers { get; set; } = 8;", conflict, StringComparison.Ordinal);
        Assert.Contains($">>>>>>> pack {VersionB}", conflict, StringComparison.Ordinal);

        Assert.Equal("Added by the pack's next version.\n", Read(service, AddedByPack));
        Assert.False(File.Exists(Path.Combine(service, DeletedByPack)), $"{DeletedByPack}, unchanged by the user and deleted by the pack, is still there");

        var after = Snapshot(service);
        string[] changed = [ChangedBlock, ConflictingFile, AddedByPack, DeletedByPack, ".eda-service.json"];
        AssertUnchanged(before.Where(f => !changed.Contains(f.Key)), after.Where(f => !changed.Contains(f.Key)), "in files the pack did not change");
        Assert.Contains(UserEditedFile, after.Keys);
        Assert.Contains(UserAddedFile, after.Keys);

        var answers = JsonNode.Parse(Read(service, ".eda-service.json"))!;
        Assert.Equal(VersionB, (string?)answers["version"]);
        Assert.Equal("PostgreSql", (string?)answers["options"]!["database"]);
    }

    [Fact]
    public async Task Without_an_answers_file_the_update_refuses()
    {
        root = fixture.CreateScratchDirectory("update-no-answers");
        logs = Path.Combine(root, "logs");
        var service = Path.Combine(root, "service");
        Directory.CreateDirectory(service);
        File.Copy(Path.Combine(fixture.RepositoryRoot, "templates/eda-service/eda-update.cs"), Path.Combine(service, "eda-update.cs"));

        var result = await UpdateAsync(service, feed: null, "update-no-answers", to: "0.0.1");

        Assert.True(result.ExitCode == 1, Describe("the update ran without .eda-service.json", result));
        Assert.Contains(".eda-service.json does not exist", result.CombinedOutput, StringComparison.Ordinal);
        Assert.Equal(["eda-update.cs"], Directory.EnumerateFileSystemEntries(service).Select(Path.GetFileName));
    }

    /// <summary>Version B's changes: a building block's default, a default that the user also changes, a file added and one deleted.</summary>
    private static void ChangeBuildingBlock(string copy)
    {
        var template = Path.Combine(copy, "templates", "eda-service");
        Edit(template, "src/EdaService/Idempotency/IdempotencyOptions.cs", "CleanupBatchSize { get; set; } = 1000;", "CleanupBatchSize { get; set; } = 500;");
        Edit(template, "src/EdaService/Messaging/MessagingOptions.cs", "public int Workers { get; set; } = 4;", "public int Workers { get; set; } = 8;");
        Directory.CreateDirectory(Path.Combine(template, "docs"));
        File.WriteAllText(Path.Combine(template, AddedByPack), "Added by the pack's next version.\n");
        File.Delete(Path.Combine(template, "src/EdaService/Properties/launchSettings.json"));
    }

    private async Task PackAsync(string label, string version, Action<string> change, string feed)
    {
        var copy = Path.Combine(root, $"pack-{label}");
        PackSource.CopyTo(fixture.RepositoryRoot, copy);
        PackSource.SetVersion(copy, version);
        change(copy);
        await DotnetAsync(copy, ["pack", RepositoryLocator.PackProjectFileName, "-o", feed], $"pack-{label}", StepTimeouts.Pack);
    }

    private Task<ProcessResult> UpdateAsync(
        string service, string? feed, string step, string? to = VersionB, IReadOnlyDictionary<string, string?>? environment = null)
    {
        List<string> arguments = ["run", "eda-update.cs", "--"];
        if (to is not null)
        {
            arguments.AddRange(["--to", to]);
        }

        if (feed is not null)
        {
            arguments.AddRange(["--add-source", feed]);
        }

        return DotnetCli.RunAsync(service, arguments, StepTimeouts.Build, Path.Combine(logs, $"{step}.log"), TestContext.Current.CancellationToken, environment);
    }

    private async Task DotnetAsync(
        string directory, IReadOnlyList<string> arguments, string step, TimeSpan? timeout = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var log = Path.Combine(logs, $"{step}.log");
        var result = await DotnetCli.RunAsync(directory, arguments, timeout ?? StepTimeouts.TemplateCommand, log, TestContext.Current.CancellationToken, environment);
        Assert.True(result.Succeeded, DotnetCli.FailureMessage($"dotnet {arguments[0]} failed", result, log));
    }

    private async Task GitAsync(string directory, IReadOnlyList<string> arguments)
    {
        var request = new ProcessRequest("git", ["-c", "user.name=pack tests", "-c", "user.email=pack-tests@example.invalid", .. arguments], directory, StepTimeouts.TemplateCommand);
        var result = await ProcessRunner.RunAsync(request, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, $"git {arguments[0]} failed:{Environment.NewLine}{result.Describe()}");
    }

    private static void Edit(string directory, string path, string from, string to)
    {
        var file = Path.Combine(directory, path);
        var text = File.ReadAllText(file);
        Assert.True(text.Contains(from, StringComparison.Ordinal), $"{file} no longer contains '{from}': update the test's edit");
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static string Read(string service, string path) => File.ReadAllText(Path.Combine(service, path));

    /// <summary>Every file outside .git, with its bytes.</summary>
    private static Dictionary<string, byte[]> Snapshot(string service) =>
        Directory.EnumerateFiles(service, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(service, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(service, f)));

    private static void AssertUnchanged(IEnumerable<KeyValuePair<string, byte[]>> before, IEnumerable<KeyValuePair<string, byte[]>> after, string where)
    {
        var old = before.ToDictionary();
        var now = after.ToDictionary();
        var differences = old.Keys.Union(now.Keys)
            .Where(f => !old.TryGetValue(f, out var a) || !now.TryGetValue(f, out var b) || !a.AsSpan().SequenceEqual(b))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(differences.Length == 0, $"Files changed {where}: {string.Join(", ", differences)}");
    }

    private string Describe(string what, ProcessResult result) => $"{what} (logs: {logs}){Environment.NewLine}{result.Describe()}";
}
