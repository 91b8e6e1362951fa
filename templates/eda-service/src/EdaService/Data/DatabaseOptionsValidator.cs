using Microsoft.Extensions.Options;

namespace EdaService.Data;

/// <summary>Stops startup with the setting named, instead of failing on the first message.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                $"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectionString)} is required: in Development set it with " +
                $"`dotnet user-secrets set \"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectionString)}\" \"...\"`, elsewhere as the " +
                $"environment variable {DatabaseOptions.SectionName}__{nameof(DatabaseOptions.ConnectionString)} (never in appsettings.json).")
            : ValidateOptionsResult.Success;
}
