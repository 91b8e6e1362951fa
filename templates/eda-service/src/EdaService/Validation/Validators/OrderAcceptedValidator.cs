using EdaService.Contracts;
using FluentValidation;

namespace EdaService.Validation.Validators;

/// <summary>What this service promises its consumers about <see cref="OrderAccepted"/>; checked before it is published.</summary>
internal sealed class OrderAcceptedValidator : AbstractValidator<OrderAccepted>
{
    public OrderAcceptedValidator()
    {
        RuleFor(m => m.OrderId).NotEmpty().WithMessage("must not be the empty GUID");
        RuleFor(m => m.CustomerId).NotEmpty().WithMessage("must not be empty")
            .MaximumLength(OrderRules.CustomerIdMaxLength).WithMessage($"must be at most {OrderRules.CustomerIdMaxLength} characters");
        RuleFor(m => m.Total).GreaterThanOrEqualTo(0).WithMessage("must not be negative")
            .PrecisionScale(OrderRules.TotalPrecision, OrderRules.TotalScale, ignoreTrailingZeros: true)
            .WithMessage(OrderRules.TotalPrecisionMessage);
        RuleFor(m => m.AcceptedAt).GreaterThan(OrderRules.EarliestInstant).WithMessage(OrderRules.EarliestInstantMessage);
    }
}
