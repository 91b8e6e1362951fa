using EdaService.Contracts;
using EdaService.Validation.Validators;
using FluentValidation;

namespace EdaService.UnitTests.Validation;

/// <summary>The business rules alone, on typed messages: each rule fails on its own, valid messages pass.</summary>
public sealed class ValidatorRulesTests
{
    private static readonly DateTimeOffset Placed = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static OrderPlaced ValidPlaced() => new(Guid.NewGuid(), "customer-1", 42.50m, Placed);

    public static TheoryData<string, OrderPlaced> InvalidOrdersPlaced => new()
    {
        { "OrderId", ValidPlaced() with { OrderId = Guid.Empty } },
        { "CustomerId", ValidPlaced() with { CustomerId = " " } },
        { "CustomerId", ValidPlaced() with { CustomerId = new string('c', OrderRules.CustomerIdMaxLength + 1) } },
        { "Total", ValidPlaced() with { Total = -0.01m } },
        { "Total", ValidPlaced() with { Total = 1.001m } },
        { "PlacedAt", ValidPlaced() with { PlacedAt = default } },
    };

    [Fact]
    public void A_valid_OrderPlaced_passes() => Assert.True(new OrderPlacedValidator().Validate(ValidPlaced()).IsValid);

    [Theory]
    [MemberData(nameof(InvalidOrdersPlaced))]
    public void Each_OrderPlaced_rule_fails_alone(string property, OrderPlaced message)
    {
        var failure = Assert.Single(new OrderPlacedValidator().Validate(message).Errors);
        Assert.Equal(property, failure.PropertyName);
    }

    [Fact]
    public void Trailing_zeros_do_not_count_as_decimals() =>
        Assert.True(new OrderPlacedValidator().Validate(ValidPlaced() with { Total = 42.500m }).IsValid);

    [Fact]
    public void OrderAccepted_must_carry_a_real_order()
    {
        var validator = new OrderAcceptedValidator();
        var valid = new OrderAccepted(Guid.NewGuid(), "customer-1", 10m, Placed);

        Assert.True(validator.Validate(valid).IsValid);
        Assert.Equal(
            ["OrderId", "CustomerId", "Total", "AcceptedAt"],
            validator.Validate(new OrderAccepted(Guid.Empty, "", -1m, default)).Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void MessageRejected_must_name_the_message_and_why()
    {
        var validator = new MessageRejectedValidator();

        Assert.True(validator.Validate(new MessageRejected("id", "type", "queue", ["Total: missing"], Placed)).IsValid);
        Assert.Equal(
            ["MessageId", "MessageType", "SourceQueue", "Reasons"],
            validator.Validate(new MessageRejected("", "", "", [], Placed)).Errors.Select(e => e.PropertyName));
        Assert.False(validator.Validate(new MessageRejected("id", "type", "queue", [""], Placed)).IsValid);
    }

    [Fact]
    public void Every_contract_has_a_validator_registered()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        EdaService.Validation.ValidationServiceExtensions.AddEventValidation(builder);
        var registered = builder.Services.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(t => t.GetGenericArguments()[0]);

        var contracts = typeof(OrderPlaced).Assembly.GetExportedTypes();

        Assert.Empty(contracts.Except(registered));
    }
}
