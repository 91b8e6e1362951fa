namespace EdaService.Contracts;

/// <summary>
/// This service refused a message because it broke the message's schema; the message went to the error queue without
/// retries. Published (its topic is this type), so a producer subscribes once and matches <see cref="MessageId"/>
/// against what it sent, instead of learning about the loss from a customer.
/// </summary>
/// <param name="MessageId">The rejected message's <c>rbs2-msg-id</c>.</param>
/// <param name="MessageType">The rejected message's <c>rbs2-msg-type</c>, or <c>(none)</c> when it had none.</param>
/// <param name="SourceQueue">The queue the message was received from (this service's input queue).</param>
/// <param name="Reasons">Every rule the message broke, one entry each, e.g. <c>Total: missing from the message body</c>.</param>
/// <param name="RejectedAt">When it was rejected, in UTC.</param>
public sealed record MessageRejected(string MessageId, string MessageType, string SourceQueue, IReadOnlyList<string> Reasons, DateTimeOffset RejectedAt);
