namespace EdaTemplates.Tests.Variants;

/// <summary>One set of `dotnet new eda-service` options. Equality is by option values, so duplicates collapse.</summary>
public sealed record Variant(
    TransportKind Transport,
    DatabaseKind Database,
    bool Outbox,
    bool Idempotency,
    bool Ordering,
    bool KillSwitch,
    bool PeekLock,
    bool IntegrationTests,
    bool Validation)
{
    /// <summary>The template's documented defaults.</summary>
    public static Variant Defaults { get; } = new(TransportKind.AzureServiceBus, DatabaseKind.SqlServer, Outbox: true, Idempotency: true, Ordering: true, KillSwitch: true, PeekLock: true, IntegrationTests: true, Validation: true);

    public string Name => $"{TransportSlug}-{Database.ToString().ToLowerInvariant()}-{SwitchesSlug}";

    /// <summary>
    /// Only options that differ from the defaults are passed, so the defaults variant passes none and
    /// thereby checks the template's own defaults.
    /// </summary>
    public IReadOnlyList<string> CliArguments
    {
        get
        {
            var arguments = new List<string>();
            if (Transport != Defaults.Transport)
            {
                arguments.AddRange(["--transport", Transport.ToString()]);
            }

            if (Database != Defaults.Database)
            {
                arguments.AddRange(["--database", Database.ToString()]);
            }

            AddSwitch(arguments, "--outbox", Outbox, Defaults.Outbox);
            AddSwitch(arguments, "--idempotency", Idempotency, Defaults.Idempotency);
            AddSwitch(arguments, "--ordering", Ordering, Defaults.Ordering);
            AddSwitch(arguments, "--kill-switch", KillSwitch, Defaults.KillSwitch);
            AddSwitch(arguments, "--peek-lock", PeekLock, Defaults.PeekLock);
            AddSwitch(arguments, "--integration-tests", IntegrationTests, Defaults.IntegrationTests);
            AddSwitch(arguments, "--validation", Validation, Defaults.Validation);
            return arguments;
        }
    }

    public Variant WithAllSwitchesOff() => this with { Outbox = false, Idempotency = false, Ordering = false, KillSwitch = false, PeekLock = false, IntegrationTests = false, Validation = false };

    public override string ToString() => Name;

    private string TransportSlug => Transport switch
    {
        TransportKind.AzureServiceBus => "asb",
        TransportKind.Database => "db",
        _ => throw new InvalidOperationException($"Unknown transport {Transport}"),
    };

    private string SwitchesSlug
    {
        get
        {
            if (this == Defaults)
            {
                return "defaults";
            }

            var off = new List<string>();
            if (!Outbox)
            {
                off.Add("outbox-off");
            }

            if (!Idempotency)
            {
                off.Add("idempotency-off");
            }

            if (!Ordering)
            {
                off.Add("ordering-off");
            }

            if (!KillSwitch)
            {
                off.Add("kill-switch-off");
            }

            if (!PeekLock)
            {
                off.Add("peek-lock-off");
            }

            if (!IntegrationTests)
            {
                off.Add("integration-tests-off");
            }

            if (!Validation)
            {
                off.Add("validation-off");
            }

            if (off.Count == 0)
            {
                return "all-on";
            }

            return this == WithAllSwitchesOff() ? "all-off" : string.Join('-', off);
        }
    }

    private static void AddSwitch(List<string> arguments, string option, bool value, bool defaultValue)
    {
        if (value != defaultValue)
        {
            arguments.AddRange([option, value ? "true" : "false"]);
        }
    }
}
