using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EdaService.Validation;

/// <summary>
/// Compares a raw JSON body with the shape the deserializer would bind, and lists every difference. Without it a
/// missing <c>Total</c> deserializes as 0, a null id as the empty GUID and a local timestamp as UTC: partial events
/// would be stored as if they were complete. A field is required when the message's constructor takes it without a
/// default (or it is marked <c>required</c>); it may be null only when its type is nullable.
/// </summary>
internal sealed class WireFormatChecker(JsonSerializerOptions serializerOptions, ValidationOptions options)
{
    public void Check(JsonElement value, Type type, string path, List<string> failures)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            CheckTimestamp(value, path, failures);
        }
        else if (JsonScalars.TryCheck(type, value, out var problem))
        {
            if (problem is not null)
            {
                failures.Add($"{path}: {problem}");
            }
        }
        else if (serializerOptions.GetTypeInfo(type) is { Kind: JsonTypeInfoKind.Object } objectInfo)
        {
            CheckObject(value, objectInfo, path, failures);
        }
        else if (serializerOptions.GetTypeInfo(type) is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } elementType })
        {
            CheckArray(value, elementType, path, failures);
        }

        // Enums, dictionaries and custom converters are left to the deserializer; a mismatch is still a rejection.
    }

    private void CheckTimestamp(JsonElement value, string path, List<string> failures)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            failures.Add($"{path}: must be a timestamp string, not {JsonScalars.Describe(value)}");
        }
        else if (TimestampChecker.Check(value.GetString()!, options.NonUtcOffsets) is { } problem)
        {
            failures.Add($"{path}: {problem}");
        }
        else if (!value.TryGetDateTimeOffset(out _))
        {
            failures.Add($"{path}: '{value.GetString()}' is not a valid date and time");
        }
    }

    private void CheckObject(JsonElement value, JsonTypeInfo info, string path, List<string> failures)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            failures.Add($"{(path.Length == 0 ? "body" : path)}: must be a JSON object, not {JsonScalars.Describe(value)}");
            return;
        }

        var comparer = serializerOptions.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var declared = info.Properties.Select(p => p.Name).ToHashSet(comparer);
        var seen = new HashSet<string>(comparer);
        var rejectUnknown = options.UnknownProperties == UnknownPropertyPolicy.Reject && !info.Properties.Any(p => p.IsExtensionData);
        foreach (var property in value.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                // The deserializer keeps the last one; a check of the first would pass what the handler never sees.
                failures.Add($"{Join(path, property.Name)}: appears more than once");
            }
            else if (rejectUnknown && !declared.Contains(property.Name))
            {
                failures.Add($"{Join(path, property.Name)}: not a property of {info.Type.Name} " +
                             $"({ValidationOptions.SectionName}:{nameof(ValidationOptions.UnknownProperties)} is {options.UnknownProperties})");
            }
        }

        foreach (var property in info.Properties.Where(p => !p.IsExtensionData))
        {
            CheckProperty(value, property, Join(path, property.Name), comparer, failures);
        }
    }

    private void CheckProperty(JsonElement body, JsonPropertyInfo property, string path, StringComparer comparer, List<string> failures)
    {
        JsonElement? found = null;
        string? differentCase = null;
        foreach (var candidate in body.EnumerateObject())
        {
            if (comparer.Equals(candidate.Name, property.Name))
            {
                found = candidate.Value;
            }
            else if (string.Equals(candidate.Name, property.Name, StringComparison.OrdinalIgnoreCase))
            {
                differentCase = candidate.Name;
            }
        }

        if (found is not { } element)
        {
            if (property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false })
            {
                var hint = differentCase is null ? "" : $" (found '{differentCase}': names are case-sensitive)";
                failures.Add($"{path}: missing from the message body{hint}");
            }
        }
        else if (element.ValueKind == JsonValueKind.Null)
        {
            if (!(property.AssociatedParameter?.IsNullable ?? property.IsSetNullable))
            {
                failures.Add($"{path}: must not be null");
            }
        }
        else
        {
            Check(element, property.PropertyType, path, failures);
        }
    }

    private void CheckArray(JsonElement value, Type elementType, string path, List<string> failures)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            failures.Add($"{path}: must be an array, not {JsonScalars.Describe(value)}");
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind == JsonValueKind.Null && Nullable.GetUnderlyingType(elementType) is null)
            {
                failures.Add($"{itemPath}: must not be null");
            }
            else if (item.ValueKind != JsonValueKind.Null)
            {
                Check(item, elementType, itemPath, failures);
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
