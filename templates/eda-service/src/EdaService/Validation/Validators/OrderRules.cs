namespace EdaService.Validation.Validators;

/// <summary>Limits shared by the order events; they mirror the Orders table, so a value the database would refuse or round is refused up front.</summary>
internal static class OrderRules
{
    /// <summary>Length of the Orders.CustomerId column: a longer id would fail the insert on every retry.</summary>
    public const int CustomerIdMaxLength = 100;

    /// <summary>Precision of the Orders.Total column: more decimals would be rounded silently.</summary>
    public const int TotalPrecision = 18;
    public const int TotalScale = 2;
    public const string TotalPrecisionMessage = "must fit 18 digits with at most 2 decimals, or the stored total would be rounded";

    /// <summary>Anything earlier is a default value (0001-01-01) rather than a real instant.</summary>
    public static readonly DateTimeOffset EarliestInstant = DateTimeOffset.UnixEpoch;
    public const string EarliestInstantMessage = "must be a real instant after 1970, not a default value";
}
