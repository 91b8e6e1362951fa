using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EdaService.Validation;

/// <summary>
/// The JSON settings of every message this service reads or writes. Rebus's serializer and the validation share them,
/// so the validation checks exactly the property names and types the deserializer will bind.
/// </summary>
internal static class EventJson
{
    /// <summary>Rebus's System.Text.Json defaults (trailing commas, comments) plus timestamps written in UTC with 'Z'.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions
        {
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new UtcTimestampConverter());
        options.MakeReadOnly();
        return options;
    }
}
