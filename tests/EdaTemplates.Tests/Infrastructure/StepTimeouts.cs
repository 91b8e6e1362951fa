namespace EdaTemplates.Tests.Infrastructure;

/// <summary>Upper bounds for each child process; generous because a cold NuGet cache on a 2-core machine is slow.</summary>
public static class StepTimeouts
{
    public static readonly TimeSpan Pack = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan TemplateCommand = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Restore = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Build = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan UnitTests = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan IntegrationTests = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan DockerProbe = TimeSpan.FromSeconds(30);
}
