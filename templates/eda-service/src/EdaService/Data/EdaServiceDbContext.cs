using Microsoft.EntityFrameworkCore;

namespace EdaService.Data;

/// <summary>The service's own data. Its schema is managed by the migrations in Data/Migrations.</summary>
public sealed class EdaServiceDbContext(DbContextOptions<EdaServiceDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EdaServiceDbContext).Assembly);
}
