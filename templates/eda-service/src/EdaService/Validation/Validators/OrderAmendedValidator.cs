using EdaService.Contracts;
using EdaService.Data;
using FluentValidation;

namespace EdaService.Validation.Validators;

/// <summary>Rules of an incoming order change; its version must follow <see cref="OrderPlaced"/> (version 1).</summary>
internal sealed class OrderAmendedValidator : AbstractValidator<OrderAmended>
{
    public OrderAmendedValidator()
    {
        RuleFor(m => m.OrderId).NotEmpty().WithMessage("must not be the empty GUID: it is the key of the stored order");
        RuleFor(m => m.Version).GreaterThan(Order.PlacedVersion).WithMessage($"must be above {Order.PlacedVersion}: version 1 is OrderPlaced");
        RuleFor(m => m.Total).GreaterThanOrEqualTo(0).WithMessage("must not be negative")
            .PrecisionScale(OrderRules.TotalPrecision, OrderRules.TotalScale, ignoreTrailingZeros: true)
            .WithMessage(OrderRules.TotalPrecisionMessage);
        RuleFor(m => m.AmendedAt).GreaterThan(OrderRules.EarliestInstant).WithMessage(OrderRules.EarliestInstantMessage);
    }
}
