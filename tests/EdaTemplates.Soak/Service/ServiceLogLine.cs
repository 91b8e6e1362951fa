using System.Text.Json;

namespace EdaTemplates.Soak.Service;

/// <summary>One line of the service's JSON console log (Logging:Console:FormatterName=json), reduced to what the soak reads.</summary>
internal sealed record ServiceLogLine(string Category, string Level, string Message, IReadOnlyDictionary<string, string> State)
{
    public static ServiceLogLine? Parse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var state = new Dictionary<string, string>();
            if (root.TryGetProperty("State", out var stateElement) && stateElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in stateElement.EnumerateObject())
                {
                    state[property.Name] = property.Value.ToString();
                }
            }

            return new ServiceLogLine(
                root.TryGetProperty("Category", out var category) ? category.GetString() ?? "" : "",
                root.TryGetProperty("LogLevel", out var level) ? level.GetString() ?? "" : "",
                root.TryGetProperty("Message", out var message) ? message.GetString() ?? "" : "",
                state);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool IsApplicationStarted => Category == "Microsoft.Hosting.Lifetime" && Message.StartsWith("Application started", StringComparison.Ordinal);

    public bool IsKillSwitchTransition => Category.EndsWith(".KillSwitch.KillSwitchStateMachine", StringComparison.Ordinal)
                                          && State.ContainsKey("From") && State.ContainsKey("To");

    public bool IsIgnoredDuplicate => Message.StartsWith("Ignored duplicate message", StringComparison.Ordinal);

    public bool IsStaleVersion => Category.EndsWith(".Ordering.OrderChanges", StringComparison.Ordinal) && Message.Contains("ignored version", StringComparison.Ordinal);

    public bool IsGapDeferral => Category.EndsWith(".Ordering.GapDeferral", StringComparison.Ordinal);
}
