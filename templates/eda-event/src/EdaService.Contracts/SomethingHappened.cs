namespace EdaService.Contracts;

#if (OrderChange)
/// <summary>TODO: decide what changed on the order, in the past tense, and who publishes it.</summary>
/// <param name="OrderId">The order (aggregate) that changed.</param>
/// <param name="Version">The order's version after this change: <see cref="OrderPlaced"/> is 1, each change adds 1.</param>
/// <param name="OccurredAt">When it happened, in UTC: a <see cref="DateTimeOffset"/>, so the instant never depends on a server's time zone.</param>
public sealed record SomethingHappened(Guid OrderId, int Version, DateTimeOffset OccurredAt);
#else
/// <summary>TODO: decide what happened, in the past tense, and who publishes it.</summary>
/// <param name="Id">TODO: decide what this identifies; consumers key their records by it.</param>
/// <param name="OccurredAt">When it happened, in UTC: a <see cref="DateTimeOffset"/>, so the instant never depends on a server's time zone.</param>
public sealed record SomethingHappened(Guid Id, DateTimeOffset OccurredAt);
#endif
