using EdaService.Data;

namespace EdaService.UnitTests.Data;

public sealed class DatabaseOptionsValidatorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_connection_string_is_named(string connectionString)
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains("Database:ConnectionString", result.FailureMessage);
    }

    [Fact]
    public void A_connection_string_is_enough()
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { ConnectionString = "Server=db" });

        Assert.True(result.Succeeded);
    }
}
