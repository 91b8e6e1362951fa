using EdaService.Validation.Validators;
using FluentValidation;

namespace EdaService.UnitTests.GuardRails;

/// <summary>Every contract and every handled message type has a validator, so the validation step checks it.</summary>
internal static class ContractValidatorRule
{
    public const string Lesson =
        "every event contract has a FluentValidation validator in src/EdaService/Validation/Validators: incoming messages are " +
        "validated before any handler runs and outgoing ones before they are sent, and a type without a validator is " +
        "rejected when received and refused when sent";

    public static IReadOnlyList<string> Check(IEnumerable<Type> messageTypes, IEnumerable<Type> validatorTypes, IReadOnlyDictionary<string, string> sources)
    {
        var validated = validatorTypes
            .SelectMany(v => v.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();
        return messageTypes.Distinct()
            .Where(type => !validated.Contains(type))
            .Select(type => $"{SourceTree.FileDeclaring(sources, type.Name)}: {type.Name} has no validator. Lesson: {Lesson}.")
            .ToList();
    }

    /// <summary>The validators the service registers: the concrete types in the Validation.Validators namespace.</summary>
    public static IEnumerable<Type> ServiceValidators() =>
        typeof(OrderPlacedValidator).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace == typeof(OrderPlacedValidator).Namespace);
}
