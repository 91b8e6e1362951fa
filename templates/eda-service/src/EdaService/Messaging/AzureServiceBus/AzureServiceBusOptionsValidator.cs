using Microsoft.Extensions.Options;

namespace EdaService.Messaging.AzureServiceBus;

/// <summary>Stops startup with the setting named, instead of failing on the first connection attempt.</summary>
internal sealed class AzureServiceBusOptionsValidator : IValidateOptions<AzureServiceBusOptions>
{
    private const string Section = AzureServiceBusOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AzureServiceBusOptions options)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasNamespace = !string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace);
        if (hasConnectionString == hasNamespace)
        {
            return ValidateOptionsResult.Fail(
                $"Set exactly one of {Section}:{nameof(options.ConnectionString)} (shared access key) or " +
                $"{Section}:{nameof(options.FullyQualifiedNamespace)} (DefaultAzureCredential).");
        }

        if (hasNamespace && options.FullyQualifiedNamespace!.Contains("://", StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail(
                $"{Section}:{nameof(options.FullyQualifiedNamespace)} is a host name such as my-namespace.servicebus.windows.net, without a scheme.");
        }

        return Enum.IsDefined(options.Tier)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Section}:{nameof(options.Tier)} must be Standard or Premium.");
    }
}
