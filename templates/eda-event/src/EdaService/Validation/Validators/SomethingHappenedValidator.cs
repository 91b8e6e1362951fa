using EdaService.Contracts;
#if (OrderChange)
using EdaService.Data;
#endif
using FluentValidation;

namespace EdaService.Validation.Validators;

/// <summary>
/// Business rules of <see cref="SomethingHappened"/>, checked on every one received and before every one sent. A message
/// type without a validator here is rejected: keep one rule per field you add to the record.
/// </summary>
internal sealed class SomethingHappenedValidator : AbstractValidator<SomethingHappened>
{
    public SomethingHappenedValidator()
    {
#if (OrderChange)
        RuleFor(m => m.OrderId).NotEmpty().WithMessage("must not be the empty GUID: it is the key of the stored order");
        RuleFor(m => m.Version).GreaterThan(Order.PlacedVersion).WithMessage($"must be above {Order.PlacedVersion}: version 1 is OrderPlaced");
#else
        RuleFor(m => m.Id).NotEmpty().WithMessage("must not be the empty GUID");
#endif
        RuleFor(m => m.OccurredAt).GreaterThan(DateTimeOffset.UnixEpoch).WithMessage("must be a real instant after 1970, not a default value");
    }
}
