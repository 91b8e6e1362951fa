using System.Text.Json;

namespace EdaService.Validation;

/// <summary>
/// The JSON a scalar property accepts, judged the way System.Text.Json will read it, so a number sent as a string, a
/// GUID sent as a number or a number too large for its type is named field by field instead of failing deserialization.
/// </summary>
internal static class JsonScalars
{
    private static readonly Dictionary<Type, (string Expected, Func<JsonElement, bool> Fits)> Rules = new()
    {
        [typeof(string)] = ("a string", e => e.ValueKind == JsonValueKind.String),
        [typeof(Guid)] = ("a GUID string", e => e.ValueKind == JsonValueKind.String && e.TryGetGuid(out _)),
        [typeof(bool)] = ("true or false", e => e.ValueKind is JsonValueKind.True or JsonValueKind.False),
        [typeof(decimal)] = ("a number", e => e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out _)),
        [typeof(double)] = ("a number", e => e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) && double.IsFinite(d)),
        [typeof(int)] = ("a whole number", e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out _)),
        [typeof(long)] = ("a whole number", e => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out _)),
    };

    /// <summary>False when <paramref name="type"/> is not a scalar this table knows; otherwise whether the value fits.</summary>
    public static bool TryCheck(Type type, JsonElement value, out string? problem)
    {
        problem = null;
        if (!Rules.TryGetValue(type, out var rule))
        {
            return false;
        }

        if (!rule.Fits(value))
        {
            problem = $"must be {rule.Expected}, not {Describe(value)}";
        }

        return true;
    }

    /// <summary>The value's kind, and the start of its text for scalars, for a reason an operator can act on.</summary>
    public static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        var shown = raw.Length > 40 ? raw[..40] + "..." : raw;
        return value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string {shown}",
            JsonValueKind.Number => $"the number {shown}",
            _ => shown,
        };
    }
}
