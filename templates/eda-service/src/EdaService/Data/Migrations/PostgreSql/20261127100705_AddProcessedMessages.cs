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
                CREATE TABLE processed_messages
                (
                    message_id VARCHAR(255) NOT NULL,
                    operation VARCHAR(200) NOT NULL,
                    message_type VARCHAR(500) NULL,
                    payload TEXT NOT NULL,
                    headers JSONB NOT NULL,
                    received_at TIMESTAMPTZ NOT NULL,
                    processed_at TIMESTAMPTZ NULL,
                    outcome VARCHAR(50) NOT NULL,
                    PRIMARY KEY (message_id, operation)
                );
                CREATE INDEX ix_processed_messages_received_at ON processed_messages (received_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE processed_messages");
        }
    }
}
