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
        options.UseNpgsql(Pooled(connectionString));

    /// <summary>Statements a connection keeps prepared (Npgsql's <c>Max Auto Prepare</c>) unless the connection string says.</summary>
    public const int PreparedStatements = 50;

    /// <summary>
    /// The connection string every PostgreSQL connection of the service uses (EF Core, Rebus's transport and outbox),
    /// with two of Npgsql's settings changed for a handler's short transactions. A connection string that sets either
    /// keeps its value.
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare</c> (here <see cref="PreparedStatements"/>): each message runs the same few statements,
    /// and parsing and planning them every time was about a fifth of PostgreSQL's CPU per message in the pack's
    /// benchmark. Behind PgBouncer before 1.21 in transaction mode, which cannot keep prepared statements, set it to 0.</item>
    /// <item><c>No Reset On Close</c> true: a connection that keeps prepared statements cannot be reset with one
    /// DISCARD ALL, so Npgsql runs seven reset statements each time one goes back to the pool, once per message: 7 of
    /// the 10 statements per message all off, and a third of PostgreSQL's CPU per message, in the benchmark. The
    /// service leaves no session state behind (SET LOCAL only, transactions end with the unit of work, the one session
    /// lock is on a connection of its own, outside the pool); code you add must keep to that.</item>
    /// </list>
    /// </summary>
    public static string Pooled(string connectionString)
    {
        var configured = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(configured, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = PreparedStatements;
        }

        if (!Sets(configured, "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static bool Sets(DbConnectionStringBuilder configured, string setting) =>
        configured.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals(setting, StringComparison.OrdinalIgnoreCase));

    /// <summary>The save inserted a row whose <paramref name="key"/> was already taken (not any other unique index).</summary>
    public static bool IsDuplicateKey(DbUpdateException exception, IReadOnlyKey key) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && postgres.ConstraintName == key.GetName();

    /// <summary>
    /// A failure that waiting can fix: what Npgsql marks transient (socket and I/O errors, timeouts, too many connections,
    /// serialization failures, deadlocks, lock timeouts), a lost or refused connection (class 08, and 57P0x: the server
    /// shutting down, crashed or still starting) and a statement timeout (57014).
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient || IsConnectionState(postgres.SqlState)
                                      || postgres.SqlState == PostgresErrorCodes.QueryCanceled,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    /// <summary>The server refused or dropped the connection (classes 08 and 57P0x), or the socket broke under Npgsql.</summary>
    public static bool IsConnectionFailure(Exception exception) => exception switch
    {
        PostgresException postgres => IsConnectionState(postgres.SqlState),
        NpgsqlException npgsql => npgsql.InnerException is System.IO.IOException or System.Net.Sockets.SocketException,
        _ => false,
    };

    private static bool IsConnectionState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("57P0", StringComparison.Ordinal);

    /// <summary>PostgreSQL's system column xmin changes with every row update: no column to add or maintain.</summary>
    public static void UseConcurrencyToken<T>(EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<uint>("RowVersion").IsRowVersion();
}
