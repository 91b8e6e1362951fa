using System.Text;
using EdaService.Idempotency;
using Rebus.Messages;

namespace EdaService.UnitTests.Idempotency;

public sealed class ProcessedMessageTests
{
    [Fact]
    public void A_record_keeps_the_id_type_payload_and_only_the_selected_headers()
    {
        var message = new TransportMessage(
            new Dictionary<string, string>
            {
                [Headers.MessageId] = "id-1",
                [Headers.Type] = "Orders.Contracts.OrderPlaced, Orders.Contracts",
                [Headers.CorrelationId] = "corr-1",
                ["secret-token"] = "do-not-log",
            },
            Encoding.UTF8.GetBytes("""{"orderId":"x"}"""));

        var record = ProcessedMessage.From(message, "OrderPlacedHandler", DateTimeOffset.UtcNow, [Headers.CorrelationId]);

        Assert.Equal("id-1", record.MessageId);
        Assert.Equal("OrderPlacedHandler", record.Operation);
        Assert.Equal("Orders.Contracts.OrderPlaced, Orders.Contracts", record.MessageType);
        Assert.Equal("""{"orderId":"x"}""", record.Payload);
        Assert.Contains("corr-1", record.Headers);
        Assert.DoesNotContain("do-not-log", record.Headers);
    }

    [Fact]
    public void A_message_without_an_id_cannot_be_deduplicated_and_says_so()
    {
        var message = new TransportMessage(new Dictionary<string, string>(), []);

        var error = Assert.Throws<InvalidOperationException>(() => ProcessedMessage.From(message, "h", DateTimeOffset.UtcNow, []));

        Assert.Contains(Headers.MessageId, error.Message);
    }
}
