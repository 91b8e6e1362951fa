using EdaService.IntegrationTests.Infrastructure;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Failures;

/// <summary>
/// Every standard header absent, empty, blank, 10 KB long, with a control character or invalid UTF-8, and bodies no
/// serializer should accept: each message ends in the error queue once, after one attempt, with a reason naming the
/// fault, or is handled once where the broken part is optional. Nothing loops, and a good order sent after it is stored.
/// </summary>
public sealed class EnvelopeFuzzTests(EnvelopeFuzzFixture fixture) : IClassFixture<EnvelopeFuzzFixture>
{
    public static TheoryData<string> Cases => new(EnvelopeCase.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_envelope_is_refused_once_with_its_reason_or_handled_once(string name)
    {
        var envelopeCase = EnvelopeCase.ByName[name];
        var service = await fixture.GetAsync();
        var orderId = Guid.NewGuid();
        var caseId = Guid.NewGuid().ToString();
        await service.Observer.SendRawAsync(service.InputQueue, DeliveryCounter.Tag(envelopeCase.Build(orderId), caseId));

        // Whichever comes first, so a case that ends the other way fails at once with what happened.
        var (stored, failed) = await Eventually.Until(
            async () => (await service.FindOrderAsync(orderId), await DeliveryCounter.CopiesInAsync(service, service.ErrorQueue, caseId)),
            outcome => outcome.Item1 is not null || outcome.Item2.Count > 0,
            $"{name}: order {orderId} stored or the message in the error queue");
        var details = failed.Count > 0 ? failed[0].Headers.GetValueOrDefault(Headers.ErrorDetails) ?? "(no error details)" : null;
        if (envelopeCase.Reason is { } reason)
        {
            Assert.True(details is not null, $"{name}: expected a refusal naming '{reason}', but the order was stored");
            Assert.True(details.Contains(reason, StringComparison.Ordinal), $"{name}: the error details do not name '{reason}':\n{details}");
            Assert.Null(stored);
        }
        else
        {
            Assert.True(stored is not null, $"{name}: expected to be handled, but it was refused:\n{details}");
        }

        // A good order after it is stored: the service kept running, and a looping message would have been redelivered
        // (and counted) meanwhile.
        var placed = await service.PlaceOrderAsync();
        await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), order => order is not null, $"good order {placed.OrderId} after {name}");

        Assert.Equal(1, fixture.Deliveries.DeliveriesOf(caseId));
        Assert.Equal(envelopeCase.Reason is null ? 0 : 1, (await DeliveryCounter.CopiesInAsync(service, service.ErrorQueue, caseId)).Count);
    }
}
