using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdaService.Data.Migrations
{
    /// <summary>
    /// Rebus.SqlServer's outbox table, created by migration so the schema is reviewed and deployed like the rest
    /// (Rebus then finds it and creates nothing). CreatedAt is ours: Rebus never deletes sent rows, and the cleanup
    /// service needs their age. Raw SQL: the table belongs to Rebus, not to the EF Core model.
    /// </summary>
    [DbContext(typeof(EdaServiceDbContext))]
    [Migration("20261127100704_AddOutbox")]
    public partial class AddOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE [dbo].[Outbox] (
                    [Id] bigint identity(1,1),
                    [CorrelationId] nvarchar(16) null,
                    [MessageId] nvarchar(255) null,
                    [SourceQueue] nvarchar(255) null,
                    [DestinationAddress] nvarchar(255) not null,
                    [Headers] nvarchar(max) null,
                    [Body] varbinary(max) null,
                    [Sent] bit not null default(0),
                    [CreatedAt] datetime2 not null default(sysutcdatetime()),
                    primary key ([Id])
                );
                CREATE INDEX [IX_Outbox_Sent_CreatedAt] ON [dbo].[Outbox] ([Sent], [CreatedAt]);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE [dbo].[Outbox]");
        }
    }
}
