namespace EdaTemplates.Tests.Infrastructure;

public static class DockerProbe
{
    /// <summary>True when `docker info` succeeds, i.e. a daemon is reachable for Testcontainers.</summary>
    public static async Task<bool> IsUsableAsync(string workingDirectory)
    {
        var request = new ProcessRequest("docker", ["info"], workingDirectory, StepTimeouts.DockerProbe);
        try
        {
            var result = await ProcessRunner.RunAsync(request, CancellationToken.None);
            return result.Succeeded;
        }
        catch (InvalidOperationException)
        {
            // No docker executable at all.
            return false;
        }
    }
}
