namespace Invordering.Domain.Imports;

/// <summary>The columns of one CSV import format; binds a file's header to them, rejecting a file that lacks a required column.</summary>
internal sealed class CsvSchema
{
    private readonly List<CsvColumn> _columns = [];
    private readonly List<(CsvColumn First, CsvColumn Second)> _eitherOr = [];

    public CsvColumn Required(string name) => Add(name, required: true);

    public CsvColumn Optional(string name) => Add(name, required: false);

    /// <summary>Two optional columns of which the file must have at least one.</summary>
    public (CsvColumn First, CsvColumn Second) EitherOr(string first, string second)
    {
        var pair = (Optional(first), Optional(second));
        _eitherOr.Add(pair);
        return pair;
    }

    /// <summary>Reads the header of the file and maps every column of the schema to its field.</summary>
    /// <exception cref="FileRejectedException">A required column is missing.</exception>
    public CsvRecord Bind(CsvReader csv)
    {
        int[] indexes = _columns.Select(c => csv.IndexOf(c.Name)).ToArray();

        var missing = _columns.Where(c => c.IsRequired && indexes[c.Ordinal] < 0).Select(c => $"'{c.Name}'").ToList();
        missing.AddRange(_eitherOr
            .Where(p => indexes[p.First.Ordinal] < 0 && indexes[p.Second.Ordinal] < 0)
            .Select(p => $"'{p.First.Name}' of '{p.Second.Name}'"));
        if (missing.Count > 0)
        {
            string which = missing.Count == 1 ? $"De verplichte kolom {missing[0]} ontbreekt" : $"De verplichte kolommen {string.Join(", ", missing)} ontbreken";
            throw new FileRejectedException(FileRejectionCodes.MissingColumn,
                $"{which} in de kopregel. De kopregel heeft nu: {string.Join(";", csv.Header)}.");
        }
        return new CsvRecord(csv, indexes);
    }

    private CsvColumn Add(string name, bool required)
    {
        var column = new CsvColumn(name, required, _columns.Count);
        _columns.Add(column);
        return column;
    }
}
