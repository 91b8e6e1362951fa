namespace EdaService.Messaging;

/// <summary>An event type this service subscribes to when the bus starts; building blocks add their own.</summary>
public sealed record Subscription(Type EventType);
