using Rebus.Config;

namespace EdaService.Messaging;

/// <summary>
/// A piece of Rebus configuration: the transport, or a building block such as the outbox. Building blocks register
/// theirs in the container, so the messaging setup needs no knowledge of which ones this service was generated with.
/// </summary>
public delegate void ConfigureRebus(RebusConfigurer rebus, IServiceProvider services);
