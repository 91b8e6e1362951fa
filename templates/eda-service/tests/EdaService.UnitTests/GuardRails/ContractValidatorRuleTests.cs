using EdaService.Contracts;

namespace EdaService.UnitTests.GuardRails;

/// <summary>Every contract and every message type a handler takes has a validator (only with validation switched on).</summary>
public sealed class ContractValidatorRuleTests
{
    [Fact]
    public void Every_contract_and_every_handled_message_type_has_a_validator()
    {
        var sources = SourceTree.Load().Files;
        var messageTypes = ServiceCode.Contracts.Concat(ServiceCode.Handlers.SelectMany(ServiceCode.HandledBy));

        var violations = ContractValidatorRule.Check(messageTypes, ContractValidatorRule.ServiceValidators(), sources);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_rule_fails_for_a_contract_without_a_validator_naming_its_file()
    {
        var sources = new Dictionary<string, string>
        {
            ["src/EdaService.Contracts/LocalTimeSample.cs"] = "public sealed record LocalTimeSample(Guid Id);",
        };

        var violation = Assert.Single(ContractValidatorRule.Check([typeof(OrderPlaced), typeof(LocalTimeSample)], ContractValidatorRule.ServiceValidators(), sources));

        Assert.StartsWith("src/EdaService.Contracts/LocalTimeSample.cs: LocalTimeSample has no validator", violation);
        Assert.Contains(ContractValidatorRule.Lesson, violation);
    }
}
