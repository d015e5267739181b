namespace Invordering.Domain;

/// <summary>The dated cost tariffs, picking the one valid on a date.</summary>
public sealed class TariffTable
{
    private readonly CostTariff[] _tariffs;

    /// <summary>Creates the table; two tariffs may not start on the same date.</summary>
    public TariffTable(IEnumerable<CostTariff> tariffs)
    {
        _tariffs = tariffs.OrderBy(t => t.ValidFrom).ToArray();
        for (int i = 1; i < _tariffs.Length; i++)
        {
            if (_tariffs[i].ValidFrom == _tariffs[i - 1].ValidFrom)
            {
                throw new ArgumentException($"Er zijn twee kostentarieven die ingaan op {_tariffs[i].ValidFrom:yyyy-MM-dd}.", nameof(tariffs));
            }
        }
    }

    /// <summary>All tariffs, oldest first.</summary>
    public IReadOnlyList<CostTariff> Tariffs => _tariffs;

    /// <summary>The tariff valid on the date: the latest one that started on or before it.</summary>
    /// <exception cref="InvalidOperationException">No tariff had started on that date.</exception>
    public CostTariff ValidOn(DateOnly date)
    {
        for (int i = _tariffs.Length - 1; i >= 0; i--)
        {
            if (_tariffs[i].ValidFrom <= date)
            {
                return _tariffs[i];
            }
        }
        string earliest = _tariffs.Length == 0
            ? "er zijn geen tarieven ingesteld"
            : $"het vroegste tarief gaat in op {_tariffs[0].ValidFrom:yyyy-MM-dd}";
        throw new InvalidOperationException($"Er is geen kostentarief dat geldt op {date:yyyy-MM-dd}: {earliest}.");
    }
}
