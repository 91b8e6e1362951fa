using Microsoft.Extensions.Options;

namespace EdaService.Validation;

/// <summary>Stops startup with the setting named, instead of rejecting (or accepting) messages by a setting nobody meant.</summary>
internal sealed class ValidationOptionsValidator : IValidateOptions<ValidationOptions>
{
    private const string Section = ValidationOptions.SectionName;

    /// <summary>Smaller than any real event with its envelope; larger than Azure Service Bus Premium allows.</summary>
    public const int MinBodyBytes = 1024;
    public const int MaxBodyBytes = 100 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, ValidationOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.NonUtcOffsets))
        {
            failures.Add($"{Section}:{nameof(options.NonUtcOffsets)} must be {string.Join(" or ", Enum.GetNames<NonUtcOffsetPolicy>())} (it was {options.NonUtcOffsets}).");
        }

        if (!Enum.IsDefined(options.UnknownProperties))
        {
            failures.Add($"{Section}:{nameof(options.UnknownProperties)} must be {string.Join(" or ", Enum.GetNames<UnknownPropertyPolicy>())} (it was {options.UnknownProperties}).");
        }

        if (options.MaxBodyBytes is < MinBodyBytes or > MaxBodyBytes)
        {
            failures.Add($"{Section}:{nameof(options.MaxBodyBytes)} must be between {MinBodyBytes} and {MaxBodyBytes} (it was {options.MaxBodyBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
