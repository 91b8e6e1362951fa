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
        options.UseNpgsql(connectionString);

    /// <summary>The save inserted a row whose <paramref name="key"/> was already taken (not any other unique index).</summary>
    public static bool IsDuplicateKey(DbUpdateException exception, IReadOnlyKey key) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && postgres.ConstraintName == key.GetName();

    /// <summary>PostgreSQL's system column xmin changes with every row update: no column to add or maintain.</summary>
    public static void UseConcurrencyToken<T>(EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<uint>("RowVersion").IsRowVersion();
}
