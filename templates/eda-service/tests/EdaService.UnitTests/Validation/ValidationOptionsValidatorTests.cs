using EdaService.Validation;

namespace EdaService.UnitTests.Validation;

public sealed class ValidationOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid_and_as_documented()
    {
        var defaults = new ValidationOptions();

        Assert.True(new ValidationOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal(NonUtcOffsetPolicy.Reject, defaults.NonUtcOffsets);
        Assert.Equal(UnknownPropertyPolicy.Ignore, defaults.UnknownProperties);
    }

    public static TheoryData<string, Action<ValidationOptions>> InvalidSettings => new()
    {
        { "Validation:NonUtcOffsets", o => o.NonUtcOffsets = (NonUtcOffsetPolicy)7 },
        { "Validation:UnknownProperties", o => o.UnknownProperties = (UnknownPropertyPolicy)7 },
        { "Validation:MaxBodyBytes", o => o.MaxBodyBytes = 0 },
        { "Validation:MaxBodyBytes", o => o.MaxBodyBytes = int.MaxValue },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void An_invalid_setting_is_named(string expected, Action<ValidationOptions> breakIt)
    {
        var options = new ValidationOptions();
        breakIt(options);

        var result = new ValidationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }
}
