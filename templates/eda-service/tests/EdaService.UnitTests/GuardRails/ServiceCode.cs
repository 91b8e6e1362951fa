using System.Reflection;
using EdaService.Contracts;
using Rebus.Handlers;

namespace EdaService.UnitTests.GuardRails;

/// <summary>What the guard rails inspect in the compiled service: its handlers, their message types, the contracts.</summary>
internal static class ServiceCode
{
    public static Assembly Service => typeof(ApplicationServiceExtensions).Assembly;

    public static IReadOnlyList<Type> Contracts { get; } =
        typeof(OrderPlaced).Assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToList();

    public static IReadOnlyList<Type> Handlers { get; } =
        Service.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && HandledBy(t).Any()).ToList();

    public static IEnumerable<Type> HandledBy(Type handler) =>
        handler.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IHandleMessages<>))
            .Select(i => i.GetGenericArguments()[0]);

    public static IEnumerable<MethodInfo> Methods =>
        new[] { Service, typeof(OrderPlaced).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
}
