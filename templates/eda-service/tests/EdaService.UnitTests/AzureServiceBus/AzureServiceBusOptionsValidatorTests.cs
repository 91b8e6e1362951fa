using EdaService.Messaging.AzureServiceBus;

namespace EdaService.UnitTests.AzureServiceBus;

public sealed class AzureServiceBusOptionsValidatorTests
{
    [Theory]
    [InlineData("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=v", null)]
    [InlineData(null, "x.servicebus.windows.net")]
    public void Exactly_one_way_to_connect_is_valid(string? connectionString, string? fullyQualifiedNamespace)
    {
        var options = new AzureServiceBusOptions { ConnectionString = connectionString, FullyQualifiedNamespace = fullyQualifiedNamespace };

        Assert.True(new AzureServiceBusOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=v", "x.servicebus.windows.net")]
    public void Neither_or_both_is_rejected_naming_both_settings(string? connectionString, string? fullyQualifiedNamespace)
    {
        var options = new AzureServiceBusOptions { ConnectionString = connectionString, FullyQualifiedNamespace = fullyQualifiedNamespace };

        var result = new AzureServiceBusOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("AzureServiceBus:ConnectionString", result.FailureMessage);
        Assert.Contains("AzureServiceBus:FullyQualifiedNamespace", result.FailureMessage);
    }

    [Fact]
    public void A_namespace_with_a_scheme_is_rejected()
    {
        var options = new AzureServiceBusOptions { FullyQualifiedNamespace = "sb://x.servicebus.windows.net" };

        Assert.Contains("AzureServiceBus:FullyQualifiedNamespace", new AzureServiceBusOptionsValidator().Validate(null, options).FailureMessage);
    }
}
