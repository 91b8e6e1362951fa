using EdaService.Contracts;
using FluentValidation;

namespace EdaService.Validation.Validators;

/// <summary>
/// Business rules of an incoming order. They run after the wire format check, so every field here was present in the
/// body with the right type (and a UTC timestamp): a rule never judges a default the producer did not send.
/// </summary>
/// <remarks>
/// Validators live in the service, not in the contracts assembly: every producer references the contracts, and a
/// FluentValidation dependency there would pin their FluentValidation version. Producers learn about rejections
/// from <see cref="MessageRejected"/>.
/// </remarks>
internal sealed class OrderPlacedValidator : AbstractValidator<OrderPlaced>
{
    public OrderPlacedValidator()
    {
        RuleFor(m => m.OrderId).NotEmpty().WithMessage("must not be the empty GUID: it is the key of the stored order");
        RuleFor(m => m.CustomerId).NotEmpty().WithMessage("must not be empty")
            .MaximumLength(OrderRules.CustomerIdMaxLength).WithMessage($"must be at most {OrderRules.CustomerIdMaxLength} characters");
        RuleFor(m => m.Total).GreaterThanOrEqualTo(0).WithMessage("must not be negative")
            .PrecisionScale(OrderRules.TotalPrecision, OrderRules.TotalScale, ignoreTrailingZeros: true)
            .WithMessage(OrderRules.TotalPrecisionMessage);
        RuleFor(m => m.PlacedAt).GreaterThan(OrderRules.EarliestInstant).WithMessage(OrderRules.EarliestInstantMessage);
    }
}
