using EdaService.KillSwitch;
using Rebus.Exceptions;
using Rebus.Retry.FailFast;

namespace EdaService.UnitTests.KillSwitch;

public sealed class FailureClassifierTests
{
    private static readonly FailureClassifier Classifier = new(new FailFastChecker());

    [Fact]
    public void A_handler_failure_counts() =>
        Assert.True(Classifier.Counts(new InvalidOperationException("timeout"), "id", deserialized: true, CancellationToken.None));

    [Fact]
    public void A_fail_fast_exception_such_as_a_validation_rejection_does_not_count() =>
        Assert.False(Classifier.Counts(new RejectedByValidationException(), "id", deserialized: true, CancellationToken.None));

    [Fact]
    public void Exceptions_rebus_is_configured_to_fail_fast_on_do_not_count()
    {
        var classifier = new FailureClassifier(new FailFastOnArgumentException());

        Assert.False(classifier.Counts(new ArgumentException("bad order"), "id", deserialized: true, CancellationToken.None));
    }

    [Fact]
    public void A_body_that_cannot_be_deserialized_does_not_count() =>
        Assert.False(Classifier.Counts(new FormatException("Could not deserialize JSON text"), "id", deserialized: false, CancellationToken.None));

    [Fact]
    public void A_format_exception_from_a_handler_counts() =>
        Assert.True(Classifier.Counts(new FormatException("bad response from a dependency"), "id", deserialized: true, CancellationToken.None));

    [Fact]
    public void Cancellation_counts_only_while_the_bus_is_not_stopping()
    {
        Assert.False(Classifier.Counts(new OperationCanceledException(), "id", deserialized: true, new CancellationToken(canceled: true)));
        Assert.True(Classifier.Counts(new TaskCanceledException("HTTP timeout"), "id", deserialized: true, CancellationToken.None));
    }

    private sealed class FailFastOnArgumentException : IFailFastChecker
    {
        public bool ShouldFailFast(string messageId, Exception exception) => exception is ArgumentException;
    }
}

/// <summary>Stands in for the validation building block's rejection, which implements Rebus's <see cref="IFailFastException"/>.</summary>
internal sealed class RejectedByValidationException() : Exception("rejected by validation"), IFailFastException;
