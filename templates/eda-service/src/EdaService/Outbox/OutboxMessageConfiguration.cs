using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdaService.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        // The table is Rebus's, created by the AddOutbox migration: the model writes to it but never migrates it.
        builder.ToTable(OutboxStorage.TableName, OutboxStorage.Schema, table => table.ExcludeFromMigrations());
        builder.HasKey(message => message.Id);
        builder.Property(message => message.Id).ValueGeneratedOnAdd();
        builder.Property(message => message.SerializedHeaders).HasColumnName("Headers");
    }
}
