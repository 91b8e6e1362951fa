namespace EdaTemplates.Soak.Downstream;

/// <summary>An event as it came off the queue: the soak has no reference to the generated contracts, only their JSON.</summary>
internal sealed record RawEvent(string Type, byte[] Body);
