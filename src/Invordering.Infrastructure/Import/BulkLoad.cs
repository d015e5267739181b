using Npgsql;

namespace Invordering.Infrastructure.Import;

/// <summary>
/// PostgreSQL's advice for loading many rows ("Populating a Database" in its manual): drop the
/// indexes, keys and foreign keys of the tables being filled, insert, then create them again:
/// one sorted build per index and one set-based check per foreign key, instead of an index
/// insertion and a trigger query for every row. All of it happens inside the merge transaction, so
/// a failure rolls the drops back too; the definitions are read from the catalogue, so they stay
/// exactly those of the migration.
/// </summary>
/// <remarks>
/// The tables are locked for the rest of the merge. Unique keys go too: the merge's own lookups of
/// a batch this large are hash joins, and building a unique index again by one sort checks the
/// whole table at once. What stays: keys a foreign key refers to, and foreign keys to
/// import_batches: dropping one would lock import_batches until the merge commits, and with it
/// every import's progress and batch record that staff and the API read meanwhile.
/// </remarks>
internal sealed class BulkLoad
{
    /// <summary>A batch of fewer rows is merged row by row as usual.</summary>
    public const int MinimumRows = 50_000;

    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];
    private readonly List<(string Table, string Name, string Definition)> _keys = [];
    private readonly List<string> _indexes = [];

    private BulkLoad()
    {
    }

    /// <summary>
    /// Whether a batch of <paramref name="stagedRows"/> is large next to what the tables hold:
    /// rebuilding indexes and checking keys costs time in proportion to the whole table.
    /// </summary>
    public static async Task<bool> PaysOffAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<string> tables,
        long stagedRows, CancellationToken ct)
    {
        if (tables.Count == 0 || stagedRows < MinimumRows) return false;
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(max(greatest(reltuples, 0)), 0)::bigint FROM pg_class WHERE oid = ANY (@tables::regclass[])", connection, tx);
        command.Parameters.AddWithValue("tables", tables.ToArray());
        var largest = (long)(await command.ExecuteScalarAsync(ct))!;
        return stagedRows * 4 >= largest;
    }

    /// <summary>Drops the secondary indexes, unreferenced primary and unique keys and foreign keys of the tables, remembering their definitions.</summary>
    public static async Task<BulkLoad> SuspendAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var load = new BulkLoad();
        await ReadConstraintsAsync(connection, tx, tables, "contype = 'f' AND confrelid <> 'import_batches'::regclass", load._foreignKeys, ct);
        // A primary or unique key no foreign key refers to is built again by one sort rather than
        // maintained row by row; the others must stay for their foreign keys.
        await ReadConstraintsAsync(connection, tx, tables,
            "contype IN ('p', 'u') AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)", load._keys, ct);
        var drops = new List<string>();
        await using (var find = new NpgsqlCommand(
            """
            SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid)
            FROM pg_index
            WHERE indrelid = ANY (@tables::regclass[]) AND NOT indisunique AND NOT indisprimary
            ORDER BY indexrelid::regclass::text
            """, connection, tx))
        {
            find.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                drops.Add($"DROP INDEX {reader.GetString(0)}");
                load._indexes.Add(reader.GetString(1));
            }
        }
        drops.InsertRange(0, load._foreignKeys.Concat(load._keys).Select(k => $"ALTER TABLE {k.Table} DROP CONSTRAINT {k.Name}"));
        await ExecuteAsync(connection, tx, drops, ct);
        return load;
    }

    /// <summary>Builds the indexes and keys again and adds the foreign keys again, each checked over the whole table.</summary>
    public Task RestoreAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct) =>
        ExecuteAsync(connection, tx,
            [.. _indexes, .. _keys.Concat(_foreignKeys).Select(k => $"ALTER TABLE {k.Table} ADD CONSTRAINT {k.Name} {k.Definition}")], ct);

    private static async Task ReadConstraintsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<string> tables,
        string condition, List<(string Table, string Name, string Definition)> into, CancellationToken ct)
    {
        await using var find = new NpgsqlCommand(
            $"""
            SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid)
            FROM pg_constraint c
            WHERE {condition} AND conrelid = ANY (@tables::regclass[])
            ORDER BY conrelid::regclass::text, conname
            """, connection, tx);
        find.Parameters.AddWithValue("tables", tables.ToArray());
        await using var reader = await find.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) into.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<string> statements, CancellationToken ct)
    {
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
