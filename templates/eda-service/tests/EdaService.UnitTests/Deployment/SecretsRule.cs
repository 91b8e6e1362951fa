using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdaService.UnitTests.Deployment;

/// <summary>No secret in a settings file: those files are committed and copied into the published image.</summary>
internal static partial class SecretsRule
{
    public const string Lesson =
        "secrets never live in appsettings*.json (they are committed and baked into the image): use `dotnet user-secrets set` in " +
        "Development and environment variables or managed identity (FullyQualifiedNamespace with DefaultAzureCredential) in production";

    public static IReadOnlyList<string> Check(string file, string json)
    {
        var violations = new List<string>();
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Walk(document.RootElement, "");
        return violations;

        void Walk(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        var name = path.Length == 0 ? property.Name : $"{path}:{property.Name}";
                        if (SecretName().IsMatch(property.Name) && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 })
                        {
                            violations.Add($"{file}: {name} has a value. Lesson: {Lesson}.");
                        }
                        else
                        {
                            Walk(property.Value, name);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, path);
                    }

                    break;
                case JsonValueKind.String when SecretValue().IsMatch(element.GetString()!):
                    violations.Add($"{file}: {path} holds a credential. Lesson: {Lesson}.");
                    break;
            }
        }
    }

    [GeneratedRegex("(ConnectionString|Password|Secret|SharedAccessKey|ApiKey|Token)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(Password|Pwd|SharedAccessKey|AccountKey)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SecretValue();
}
