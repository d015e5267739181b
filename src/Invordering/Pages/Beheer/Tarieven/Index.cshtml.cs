using System.Globalization;
using Invordering.Domain;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Tariffs;
using Invordering.Web;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Beheer.Tarieven;

/// <summary>
/// The Kostenwet tariff table with its periods: aanmaning by threshold, dwangbevel by scale, hernieuwd bevel. A new
/// period starts on a date after today; costs are charged with the period valid on the day they are charged. Changes are
/// audited by <see cref="TariffStore"/>.
/// </summary>
public sealed class TarievenModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<TariffPeriod> Periods { get; private set; } = [];

    /// <summary>The form's values by field (<see cref="CostTariff"/> property names), as typed or prefilled.</summary>
    public Dictionary<string, string> Form { get; } = new(StringComparer.Ordinal);

    /// <summary>The Dutch problems by field.</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var current = Periods.LastOrDefault(p => p.AppliesOn(Today)) ?? Periods.LastOrDefault();
        Form[nameof(CostTariff.ValidFrom)] = new DateOnly(Today.Year + 1, 1, 1).ToString("yyyy-MM-dd");
        foreach (var (field, _, amount) in TariffPeriodRules.Amounts)
            Form[field] = current is null ? "" : Euros(amount(current.Tariff));
    }

    public async Task<IActionResult> OnPostToevoegenAsync()
    {
        await LoadAsync();
        foreach (var field in TariffPeriodRules.Amounts.Select(a => a.Field).Prepend(nameof(CostTariff.ValidFrom)))
            Form[field] = Request.Form[field].ToString().Trim();
        var tariff = Read();
        if (tariff is not null)
        {
            try
            {
                await TariffStore.AddAsync(Db, tariff, Today, Actor, HttpContext.RequestAborted);
                Done = $"Het tarief dat op {tariff.ValidFrom:dd-MM-yyyy} ingaat, is toegevoegd. Kosten die vanaf die dag worden berekend, volgen het.";
                return RedirectToPage();
            }
            catch (TariffException ex)
            {
                Db.ChangeTracker.Clear();
                foreach (var problem in ex.Problems) FieldErrors.TryAdd(problem.Field, problem.Message);
            }
        }
        Problem = "Het tarief is niet toegevoegd. " + string.Join(" ", FieldErrors.Values);
        return Page();
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(string? ingang)
    {
        await LoadAsync();
        if (!DateOnly.TryParseExact(ingang, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var validFrom))
        {
            Problem = "Kies het tarief dat u wilt intrekken.";
            return Page();
        }
        try
        {
            await TariffStore.WithdrawAsync(Db, validFrom, Today, Actor, HttpContext.RequestAborted);
            Done = $"Het geplande tarief van {validFrom:dd-MM-yyyy} is ingetrokken.";
            return RedirectToPage();
        }
        catch (TariffException ex)
        {
            Db.ChangeTracker.Clear();
            Problem = ex.Message;
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        Today = await TodayAsync();
        Periods = await TariffStore.PeriodsAsync(Db, HttpContext.RequestAborted);
    }

    /// <summary>The tariff in the form, or null with a Dutch problem for every field that is empty or not a date or amount.</summary>
    private CostTariff? Read()
    {
        if (!DateOnly.TryParseExact(Form[nameof(CostTariff.ValidFrom)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var validFrom))
            FieldErrors[nameof(CostTariff.ValidFrom)] = "Vul de ingangsdatum in.";
        var amounts = new Dictionary<string, Money>();
        foreach (var (field, label, _) in TariffPeriodRules.Amounts)
        {
            if (Money.TryParse(Form[field], out var money)) amounts[field] = money;
            else FieldErrors[field] = $"{label}: vul een bedrag in euro's in, bijvoorbeeld 19,00.";
        }
        if (FieldErrors.Count > 0) return null;
        return new CostTariff(validFrom, amounts[nameof(CostTariff.DemandThreshold)], amounts[nameof(CostTariff.DemandBelowThreshold)],
            amounts[nameof(CostTariff.DemandAtOrAboveThreshold)], amounts[nameof(CostTariff.WritMinimum)], amounts[nameof(CostTariff.WritMaximum)],
            amounts[nameof(CostTariff.WritStep)], amounts[nameof(CostTariff.WritStepSize)], amounts[nameof(CostTariff.WritBaseClaim)],
            amounts[nameof(CostTariff.RenewedWrit)]);
    }

    /// <summary>An amount as the form shows it: euros with a decimal comma, no thousands separator.</summary>
    public static string Euros(Money money) => money.Euros.ToString("0.00", CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>Whether a period is in force, planned or over on <see cref="Today"/>.</summary>
    public string StatusOf(TariffPeriod period) =>
        period.AppliesOn(Today) ? "geldt nu" : period.Tariff.ValidFrom > Today ? "gepland" : "verlopen";
}
