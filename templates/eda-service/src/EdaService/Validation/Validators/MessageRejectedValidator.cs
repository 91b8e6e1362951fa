using EdaService.Contracts;
using FluentValidation;

namespace EdaService.Validation.Validators;

/// <summary>A rejection notice is only useful to the producer when it names the message and why.</summary>
internal sealed class MessageRejectedValidator : AbstractValidator<MessageRejected>
{
    public MessageRejectedValidator()
    {
        RuleFor(m => m.MessageId).NotEmpty().WithMessage("must name the rejected message");
        RuleFor(m => m.MessageType).NotEmpty().WithMessage("must not be empty");
        RuleFor(m => m.SourceQueue).NotEmpty().WithMessage("must not be empty");
        RuleFor(m => m.Reasons).NotEmpty().WithMessage("must list at least one reason");
        RuleForEach(m => m.Reasons).NotEmpty().WithMessage("must not contain empty reasons");
    }
}
