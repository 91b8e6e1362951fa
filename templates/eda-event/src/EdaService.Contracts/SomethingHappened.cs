namespace EdaService.Contracts;

/// <summary>TODO: decide what happened, in the past tense, and who publishes it.</summary>
/// <param name="Id">TODO: decide what this identifies; consumers key their records by it.</param>
/// <param name="OccurredAt">When it happened, in UTC: a <see cref="DateTimeOffset"/>, so the instant never depends on a server's time zone.</param>
public sealed record SomethingHappened(Guid Id, DateTimeOffset OccurredAt);
