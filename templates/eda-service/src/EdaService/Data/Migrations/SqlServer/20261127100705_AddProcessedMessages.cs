using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdaService.Data.Migrations
{
    /// <summary>
    /// The processed-messages log: one row per message and handler, written in the handler's transaction. The primary
    /// key is what makes a duplicate delivery a no-op. Raw SQL: the table is read with plain SQL, not through the model.
    /// </summary>
    [DbContext(typeof(EdaServiceDbContext))]
    [Migration("20261127100705_AddProcessedMessages")]
    public partial class AddProcessedMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE [dbo].[ProcessedMessages] (
                    [MessageId] nvarchar(255) NOT NULL,
                    [Operation] nvarchar(200) NOT NULL,
                    [MessageType] nvarchar(500) NULL,
                    [Payload] nvarchar(max) NOT NULL,
                    [Headers] nvarchar(max) NOT NULL,
                    [ReceivedAt] datetimeoffset NOT NULL,
                    [ProcessedAt] datetimeoffset NULL,
                    [Outcome] nvarchar(50) NOT NULL,
                    CONSTRAINT [PK_ProcessedMessages] PRIMARY KEY ([MessageId], [Operation])
                );
                CREATE INDEX [IX_ProcessedMessages_ReceivedAt] ON [dbo].[ProcessedMessages] ([ReceivedAt]);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE [dbo].[ProcessedMessages]");
        }
    }
}
