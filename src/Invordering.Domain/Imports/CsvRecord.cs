namespace Invordering.Domain.Imports;

/// <summary>The current record of a CSV file, read by column of its schema.</summary>
internal sealed class CsvRecord(CsvReader csv, int[] indexes)
{
    public long Line => csv.Line;

    public bool Read() => csv.Read();

    /// <summary>The trimmed field of the column; empty when the file has no such column.</summary>
    public Field this[CsvColumn column]
    {
        get
        {
            int index = indexes[column.Ordinal];
            return new Field(column.Name, index < 0 ? default : csv[index].Trim());
        }
    }

    /// <summary>
    /// Reports a record whose fields do not line up with the header, or that has text after a closing quote.
    /// Returns false when the fields do not line up, so reading them makes no sense.
    /// </summary>
    public bool CheckStructure(FieldParser fields)
    {
        if (csv.FieldCount != csv.Header.Count)
        {
            fields.Add("", ImportErrorCodes.FieldCount,
                $"Deze regel heeft {csv.FieldCount} velden, maar de kopregel heeft er {csv.Header.Count}. Staat er een ; in een veld zonder aanhalingstekens eromheen?");
            return false;
        }
        if (csv.MalformedFieldIndex >= 0)
        {
            string column = csv.Header[csv.MalformedFieldIndex];
            fields.Add(column, ImportErrorCodes.Quote,
                $"In het veld '{column}' staat tekst na het sluitende aanhalingsteken. Schrijf een aanhalingsteken binnen een veld als \"\".");
        }
        return true;
    }
}
