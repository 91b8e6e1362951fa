using Microsoft.Extensions.Options;

namespace EdaService.Data;

/// <summary>Stops startup with the setting named, instead of failing on the first message.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                $"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectionString)} is required: set it in appsettings.json " +
                $"or as the environment variable {DatabaseOptions.SectionName}__{nameof(DatabaseOptions.ConnectionString)}.")
            : ValidateOptionsResult.Success;
}
