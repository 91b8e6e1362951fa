using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EdaTemplates.Benchmarks;

/// <summary>One line of the table: a figure, and the target it is checked against when there is one.</summary>
public sealed record ResultRow(string Measurement, double? Value, string Unit, string Target = "", bool? Met = null, string Note = "")
{
    public string Figure => Value is { } value ? Format(value) + (Unit.Length > 0 ? " " + Unit : "") : "";

    public string Check => Met switch { true => "met", false => "missed", null => "" };

    private static string Format(double value) =>
        Math.Abs(value) >= 100 || value == Math.Floor(value) ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 10 ? value.ToString("0.0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 0.1 ? value.ToString("0.00", CultureInfo.InvariantCulture)
        : value.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>The whole run: the header (machine, server settings) and the rows; printed as markdown, saved as JSON.</summary>
public sealed class ResultTable(IReadOnlyList<string> header)
{
    private readonly List<ResultRow> _rows = [];

    public IReadOnlyList<ResultRow> Rows => _rows;

    public void Add(ResultRow row) => _rows.Add(row);

    public static ResultRow Ratio(string measurement, double? numerator, double? denominator, double? atLeast = null, double? atMost = null, string note = "")
    {
        double? value = numerator is { } n && denominator is { } d && d > 0 ? n / d : null;
        var target = atLeast is { } min ? $"≥ {min.ToString(CultureInfo.InvariantCulture)}" : atMost is { } max ? $"≤ {max.ToString(CultureInfo.InvariantCulture)}" : "";
        bool? met = value is null || (atLeast is null && atMost is null) ? null : value >= (atLeast ?? double.MinValue) && value <= (atMost ?? double.MaxValue);
        return new ResultRow(measurement, value, "×", target, met, note);
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.AppendLine(line);
        }

        text.AppendLine();
        text.AppendLine("| Measurement | Figure | Target | Check | Notes |");
        text.AppendLine("|---|---:|---|---|---|");
        foreach (var row in _rows)
        {
            text.AppendLine($"| {row.Measurement} | {row.Figure} | {row.Target} | {row.Check} | {row.Note} |");
        }

        return text.ToString();
    }

    public string ToJson(object details) =>
        JsonSerializer.Serialize(
            new { header, rows = _rows.Select(r => new { r.Measurement, r.Value, r.Unit, r.Target, met = r.Met, r.Note }), details },
            new JsonSerializerOptions { WriteIndented = true });
}
