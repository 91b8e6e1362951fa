using EdaService.Messaging.Envelope;
using Rebus.Messages;

namespace EdaService.UnitTests.Messaging.Envelope;

/// <summary>A header that breaks a rule is named in a reason; a sound envelope gets none.</summary>
public sealed class EnvelopeRulesTests
{
    private static Dictionary<string, string> Sound() => new()
    {
        [Headers.MessageId] = Guid.NewGuid().ToString(),
        [Headers.CorrelationId] = Guid.NewGuid().ToString(),
        [Headers.Type] = "EdaService.Contracts.OrderPlaced, EdaService.Contracts",
        [Headers.ContentType] = "application/json;charset=utf-8",
        [Headers.ReturnAddress] = "orders-client",
        [Headers.SentTime] = "2026-12-05T10:00:00.0000000+00:00",
        ["traceparent"] = "not checked: invalid trace context is ignored",
    };

    public static TheoryData<string, string> Broken => new()
    {
        { Headers.MessageId, new string('a', EnvelopeRules.MaxIdLength + 1) },
        { Headers.MessageId, "id\nwith a line break" },
        { Headers.CorrelationId, "corr\0id" },
        { Headers.Type, new string('T', 10 * 1024) },
        { Headers.ContentType, "application/json\u0007" },
        { Headers.ReturnAddress, "queue\uFFFD" },
        { Headers.SentTime, "2026-12-05\uD800" },
    };

    [Fact]
    public void A_sound_envelope_gets_no_reason()
    {
        var reasons = new List<string>();
        EnvelopeRules.Check(Sound(), reasons);
        Assert.Empty(reasons);
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_header_is_named(string header, string value)
    {
        var headers = Sound();
        headers[header] = value;
        var reasons = new List<string>();

        EnvelopeRules.Check(headers, reasons);

        Assert.StartsWith(header + ":", Assert.Single(reasons));
    }

    [Theory]
    [InlineData("rbs2-msg-type", null)]
    [InlineData("rbs2-msg-type", "")]
    [InlineData("rbs2-msg-type", " ")]
    [InlineData("rbs2-content-type", null)]
    [InlineData("rbs2-content-type", "")]
    [InlineData("rbs2-content-type", "   ")]
    public void A_missing_or_blank_type_or_content_type_is_named(string header, string? value)
    {
        var headers = Sound();
        if (value is null)
        {
            headers.Remove(header);
        }
        else
        {
            headers[header] = value;
        }

        var reasons = new List<string>();
        EnvelopeRules.Check(headers, reasons);

        Assert.StartsWith(header + ": missing", Assert.Single(reasons));
    }

    [Fact]
    public void A_header_the_service_does_not_read_is_not_checked()
    {
        var headers = Sound();
        headers["traceparent"] = "\0\0\0";
        var reasons = new List<string>();

        EnvelopeRules.Check(headers, reasons);

        Assert.Empty(reasons);
    }

    [Theory]
    [InlineData("plain", true)]
    [InlineData("emoji \uD83D\uDE00 paired", true)]
    [InlineData("lone \uDE00 low surrogate", false)]
    [InlineData("tab\t", false)]
    [InlineData("\u0085 next line", false)]
    public void Printable_means_no_control_character_and_no_broken_text(string value, bool printable) =>
        Assert.Equal(printable, EnvelopeRules.IsPrintable(value));

    [Theory]
    [InlineData(null, "(none)")]
    [InlineData("", "(none)")]
    [InlineData("  ", "(none)")]
    [InlineData("a\nb", "a?b")]
    public void A_quote_is_safe_to_send_back(string? value, string expected) =>
        Assert.Equal(expected, EnvelopeRules.Quote(value));

    [Fact]
    public void A_long_quote_is_cut()
    {
        var quoted = EnvelopeRules.Quote(new string('x', 10_000));
        Assert.Equal(EnvelopeRules.MaxIdLength, quoted.Length);
        Assert.EndsWith("...", quoted);
    }
}
