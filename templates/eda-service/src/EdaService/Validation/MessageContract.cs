namespace EdaService.Validation;

/// <summary>A message type this service receives or sends; registered together with its validator.</summary>
internal sealed record MessageContract(Type MessageType);
