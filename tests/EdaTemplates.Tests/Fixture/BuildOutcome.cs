namespace EdaTemplates.Tests.Fixture;

/// <summary>
/// Result of restoring and building a variant once. Build failures are thrown instead, so every
/// test that needs the build fails with the same output.
/// </summary>
public sealed record BuildOutcome(VariantWorkspace Workspace, string? SkipReason)
{
    public static BuildOutcome Built(VariantWorkspace workspace) => new(workspace, SkipReason: null);

    public static BuildOutcome Skipped(VariantWorkspace workspace, string reason) => new(workspace, reason);
}
