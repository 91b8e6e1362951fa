using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace EdaService.Data;

internal static class DatabaseProvider
{
    /// <summary>
    /// No EnableRetryOnFailure: handlers run in a transaction the unit of work owns, which EF Core's retrying strategy
    /// refuses. A transient failure fails the message instead, and Rebus redelivers it into a fresh transaction.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(PreparingStatements(connectionString));

    /// <summary>Statements a connection keeps prepared (Npgsql's <c>Max Auto Prepare</c>) unless the connection string says.</summary>
    public const int PreparedStatements = 50;

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on: each message runs the same few statements, and
    /// parsing and planning them every time was about a fifth of PostgreSQL's CPU per message in the pack's benchmark.
    /// A connection string that sets <c>Max Auto Prepare</c> keeps its value: behind PgBouncer before 1.21 in transaction
    /// mode, which cannot keep prepared statements, set it to 0.
    /// </summary>
    public static string PreparingStatements(string connectionString)
    {
        var configured = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (configured.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = PreparedStatements }.ConnectionString;
    }

    /// <summary>The save inserted a row whose <paramref name="key"/> was already taken (not any other unique index).</summary>
    public static bool IsDuplicateKey(DbUpdateException exception, IReadOnlyKey key) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && postgres.ConstraintName == key.GetName();

    /// <summary>PostgreSQL's system column xmin changes with every row update: no column to add or maintain.</summary>
    public static void UseConcurrencyToken<T>(EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<uint>("RowVersion").IsRowVersion();
}
