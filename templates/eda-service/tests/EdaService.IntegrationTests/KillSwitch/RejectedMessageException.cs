using Rebus.Exceptions;

namespace EdaService.IntegrationTests.KillSwitch;

/// <summary>Stands in for a validation rejection: a fault in the message itself, which Rebus fails fast.</summary>
internal sealed class RejectedMessageException() : Exception("injected fault: message rejected by validation"), IFailFastException;
