namespace EdaService.Validation;

/// <summary>Headers this service adds to a rejected message in the error queue.</summary>
public static class ValidationHeaders
{
    /// <summary>Every rule the message broke, as a JSON array of strings, so operators see all of them at once.</summary>
    public const string Errors = "eda-validation-errors";

    /// <summary>Why the MessageRejected notice could not be published: the producer was not told.</summary>
    public const string NoticeFailure = "eda-rejection-notice-failure";
}
