namespace EdaTemplates.Tests.Fixture;

/// <summary>Tests that need the packed and installed template; the harness's own self-tests stay outside it.</summary>
[CollectionDefinition(Name)]
public sealed class TemplatePackCollection : ICollectionFixture<TemplatePackFixture>
{
    public const string Name = "template pack";
}
