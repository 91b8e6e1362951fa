using EdaService.Handlers;
using Rebus.Handlers;

namespace EdaService.Messaging;

/// <summary>
/// Registers every handler class in <c>Handlers/</c> and subscribes to each event it handles, so a handler added later
/// (<c>dotnet new eda-handler</c>) needs no wiring that could be forgotten: a handler that is never registered drops
/// its events silently.
/// </summary>
internal static class HandlerDiscovery
{
    public static IServiceCollection AddHandlersFromHandlersFolder(this IServiceCollection services)
    {
        var handlers = typeof(OrderPlacedHandler).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.Namespace == typeof(OrderPlacedHandler).Namespace);
        var subscribed = new HashSet<Type>();
        foreach (var handler in handlers)
        {
            foreach (var handled in handler.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IHandleMessages<>)))
            {
                // Resolved in a new container scope per message, so each handler gets its own DbContext.
                services.AddTransient(handled, handler);
                if (subscribed.Add(handled.GetGenericArguments()[0]))
                {
                    services.AddSingleton(new Subscription(handled.GetGenericArguments()[0]));
                }
            }
        }

        return services;
    }
}
