using Rebus.Exceptions;
using Rebus.Retry.FailFast;

namespace EdaService.KillSwitch;

/// <summary>
/// Which failed attempts count. The switch is for failures that stopping can fix (a database or broker down, a
/// dependency timing out, a poison flood); a message that is itself wrong fails the same way later, so it must not
/// stop the service: whatever Rebus fails fast (validation's <see cref="IFailFastException"/>s, FailFastOn rules), a
/// body that could not be deserialized, and cancellation at shutdown.
/// </summary>
internal sealed class FailureClassifier(IFailFastChecker failFast)
{
    /// <param name="deserialized">False while the message body has not been deserialized (Rebus throws <see cref="FormatException"/> for one it cannot read).</param>
    public bool Counts(Exception exception, string messageId, bool deserialized, CancellationToken busStopping)
    {
        if (exception is IFailFastException || failFast.ShouldFailFast(messageId, exception))
        {
            return false;
        }

        if (exception is FormatException && !deserialized)
        {
            return false;
        }

        return !(exception is OperationCanceledException && busStopping.IsCancellationRequested);
    }
}
