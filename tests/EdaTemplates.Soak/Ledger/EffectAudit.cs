using Npgsql;

namespace EdaTemplates.Soak.Ledger;

/// <summary>
/// A trigger on the service's Orders table that records every committed insert and update with the versions before and
/// after, in the same transaction. Rolled-back work leaves nothing; a message applied twice leaves two rows. It is
/// installed after the service migrated its schema and before the first message is sent.
/// </summary>
internal static class EffectAudit
{
    private const string Install = """
        CREATE TABLE IF NOT EXISTS soak_effects (
            sequence bigserial PRIMARY KEY, order_id uuid NOT NULL, from_version int, to_version int NOT NULL, total numeric NOT NULL);
        CREATE OR REPLACE FUNCTION soak_record_effect() RETURNS trigger AS $$
        BEGIN
            INSERT INTO soak_effects (order_id, from_version, to_version, total)
            VALUES (NEW."Id", CASE WHEN TG_OP = 'UPDATE' THEN OLD."Version" END, NEW."Version", NEW."Total");
            RETURN NEW;
        END $$ LANGUAGE plpgsql;
        DROP TRIGGER IF EXISTS soak_effects ON "Orders";
        CREATE TRIGGER soak_effects AFTER INSERT OR UPDATE ON "Orders" FOR EACH ROW EXECUTE FUNCTION soak_record_effect();
        """;

    public static async Task InstallAsync(NpgsqlDataSource business)
    {
        await using var command = business.CreateCommand(Install);
        await command.ExecuteNonQueryAsync();
    }

    public static Task<int> CountAsync(NpgsqlDataSource business) => DbRetry.RunAsync(async () =>
    {
        await using var command = business.CreateCommand("SELECT count(*) FROM soak_effects");
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    });
}
