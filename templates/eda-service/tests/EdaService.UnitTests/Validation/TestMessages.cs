using System.Text;
using System.Text.Json.Nodes;
using EdaService.Contracts;
using EdaService.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rebus.Messages;
using Rebus.Serialization;

namespace EdaService.UnitTests.Validation;

/// <summary>Raw messages as a producer would put them on the wire, and the service's real validator to judge them.</summary>
internal static class TestMessages
{
    public static MessageValidator Validator(ValidationOptions? options = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddEventValidation();
        return MessageValidator.Create(builder.Services.BuildServiceProvider(), new TypeNames(), options ?? new ValidationOptions());
    }

    /// <summary>A complete, valid OrderPlaced body; tests break one thing at a time.</summary>
    public static JsonObject OrderPlaced() => new()
    {
        ["OrderId"] = Guid.NewGuid().ToString(),
        ["CustomerId"] = "customer-1",
        ["Total"] = 42.50m,
        ["PlacedAt"] = "2026-03-01T10:00:00Z",
    };

    public static TransportMessage Raw<T>(JsonNode body) => Raw(TypeName<T>(), Encoding.UTF8.GetBytes(body.ToJsonString()));

    public static TransportMessage Raw(string? typeName, byte[] body)
    {
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = Guid.NewGuid().ToString(),
            [Headers.ContentType] = "application/json;charset=utf-8",
        };
        if (typeName is not null)
        {
            headers[Headers.Type] = typeName;
        }

        return new TransportMessage(headers, body);
    }

    /// <summary>Rebus's default type name: "Namespace.Type, Assembly".</summary>
    public static string TypeName<T>() => new TypeNames().GetTypeName(typeof(T));

    private sealed class TypeNames : IMessageTypeNameConvention
    {
        public string GetTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

        public Type GetType(string name) => throw new InvalidOperationException("The validator must never resolve type names it was given");
    }
}
