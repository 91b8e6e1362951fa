using System.Text.RegularExpressions;

namespace EdaService.Validation;

/// <summary>
/// Judges a timestamp by its raw JSON string. System.Text.Json gives a value without an offset the server's own offset
/// (under TZ=UTC it then looks exactly like 'Z'), and accepts <c>-00:00</c> and date-only strings: after
/// deserialization a local time can no longer be told from UTC, so this runs before it.
/// </summary>
internal static partial class TimestampChecker
{
    /// <summary>Null when <paramref name="raw"/> is an acceptable instant; otherwise why not.</summary>
    public static string? Check(string raw, NonUtcOffsetPolicy policy)
    {
        if (DateOnlyFormat().IsMatch(raw))
        {
            return $"'{raw}' is a date without a time of day; send an instant in UTC, e.g. {raw}T00:00:00Z";
        }

        var match = TimestampFormat().Match(raw);
        if (!match.Success)
        {
            return $"'{raw}' is not an ISO 8601 timestamp such as 2026-03-01T10:00:00Z";
        }

        var offset = match.Groups["offset"];
        if (!offset.Success)
        {
            return $"'{raw}' has no offset, so it is a local time of an unknown zone; write it in UTC with 'Z'";
        }

        return offset.Value switch
        {
            "Z" or "+00:00" => null,
            "-00:00" => $"'{raw}' has offset -00:00, which RFC 3339 defines as 'local offset unknown'; write it in UTC with 'Z'",
            _ when policy == NonUtcOffsetPolicy.NormalizeToUtc => null,
            _ => $"'{raw}' has offset {offset.Value}; only UTC is accepted ({ValidationOptions.SectionName}:{nameof(ValidationOptions.NonUtcOffsets)} is {policy}); write it in UTC with 'Z'",
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyFormat();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?<offset>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampFormat();
}
