using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdaService.Data;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.HasKey(order => order.Id);
        // The id comes from the producer: never let the database invent one.
        builder.Property(order => order.Id).ValueGeneratedNever();
        builder.Property(order => order.CustomerId).HasMaxLength(100).IsRequired();
        builder.Property(order => order.Total).HasPrecision(18, 2);
        // Two handlers changing one order at once: the second save fails instead of silently overwriting the first.
        DatabaseProvider.UseConcurrencyToken(builder);
    }
}
