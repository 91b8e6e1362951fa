using EdaService.Contracts;
using EdaService.Data;
using FluentValidation;

namespace EdaService.Validation.Validators;

/// <summary>Rules of an incoming cancellation; its version must follow <see cref="OrderPlaced"/> (version 1).</summary>
internal sealed class OrderCancelledValidator : AbstractValidator<OrderCancelled>
{
    public OrderCancelledValidator()
    {
        RuleFor(m => m.OrderId).NotEmpty().WithMessage("must not be the empty GUID: it is the key of the stored order");
        RuleFor(m => m.Version).GreaterThan(Order.PlacedVersion).WithMessage($"must be above {Order.PlacedVersion}: version 1 is OrderPlaced");
        RuleFor(m => m.CancelledAt).GreaterThan(OrderRules.EarliestInstant).WithMessage(OrderRules.EarliestInstantMessage);
    }
}
