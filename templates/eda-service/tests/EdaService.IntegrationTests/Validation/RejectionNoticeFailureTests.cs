using System.Diagnostics.Metrics;
using EdaService.Contracts;
using EdaService.IntegrationTests.Failures;
using EdaService.IntegrationTests.Infrastructure;
using EdaService.Messaging;
using EdaService.Validation;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Pipeline;

namespace EdaService.IntegrationTests.Validation;

/// <summary>
/// The MessageRejected notice is best effort: when it cannot be sent, the rejected message still goes to the error
/// queue once, with its own reasons and the notice's failure, and the failure is counted. It used to make the error
/// handling throw, and the message was redelivered at once, forever.
/// </summary>
public sealed class RejectionNoticeFailureTests(TestDatabase database)
{
    [Fact]
    public async Task A_notice_that_cannot_be_sent_does_not_keep_the_rejected_message_from_the_error_queue()
    {
        var deliveries = new DeliveryCounter();
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, services =>
        {
            services.AddSingleton<ConfigureRebus>((rebus, _) => rebus.Options(o => o.Decorate<IPipeline>(c =>
                new PipelineStepConcatenator(c.Get<IPipeline>()).OnSend(new NoticeSendFails(), PipelineAbsolutePosition.Front))));
            deliveries.AddTo(services);
        });
        using var counters = new CounterReader(service.Services.GetRequiredService<IMeterFactory>());
        var caseId = Guid.NewGuid().ToString();

        // The case of the original loop: a type header present but blank.
        await service.Observer.SendRawAsync(service.InputQueue, DeliveryCounter.Tag(EnvelopeCase.ByName["rbs2-msg-type-empty"].Build(Guid.NewGuid()), caseId));

        await Eventually.Until(() => DeliveryCounter.CopiesInAsync(service, service.ErrorQueue, caseId), copies => copies.Count > 0, "the error queue");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var copy = Assert.Single(await DeliveryCounter.CopiesInAsync(service, service.ErrorQueue, caseId));
        Assert.Contains("rbs2-msg-type: missing", copy.Headers[ValidationHeaders.Errors]);
        Assert.Contains("injected fault: the notice cannot be sent", copy.Headers[ValidationHeaders.NoticeFailure]);
        Assert.Equal(1, deliveries.DeliveriesOf(caseId));
        Assert.Equal(1, counters.Total(RejectionNoticeMetrics.FailedInstrument));

        var placed = await service.PlaceOrderAsync();
        await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), order => order is not null, $"good order {placed.OrderId}");
    }

    [StepDocumentation("Fails every MessageRejected notice.")]
    private sealed class NoticeSendFails : IOutgoingStep
    {
        public Task Process(OutgoingStepContext context, Func<Task> next) =>
            context.Load<Message>().Body is MessageRejected ? throw new InvalidOperationException("injected fault: the notice cannot be sent") : next();
    }
}
