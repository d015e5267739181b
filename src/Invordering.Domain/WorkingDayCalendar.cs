using System.Collections.Concurrent;

namespace Invordering.Domain;

/// <summary>Mondays to Fridays without the Dutch public holidays an organisation observes; terms in working days are counted on it.</summary>
public sealed class WorkingDayCalendar
{
    private readonly ConcurrentDictionary<int, HolidayYear> _years = new();

    /// <summary>Creates a calendar for the given options.</summary>
    public WorkingDayCalendar(WorkingDayCalendarOptions options)
    {
        Options = options;
    }

    /// <summary>The optional holidays this calendar observes.</summary>
    public WorkingDayCalendarOptions Options { get; }

    /// <summary>Whether the date is a Monday to Friday that is not a public holiday.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !YearOf(date.Year).Dates.Contains(date);

    /// <summary>
    /// The n-th working day after the date (n &gt; 0), or before it (n &lt; 0).
    /// With n = 0: the date itself when it is a working day, otherwise the next working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        if (workingDays == 0)
        {
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }
            return date;
        }

        int step = Math.Sign(workingDays);
        for (int remaining = Math.Abs(workingDays); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }
        return date;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative when <paramref name="to"/> lies before <paramref name="from"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        int count = 0;
        for (DateOnly day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The public holidays of the year that this calendar observes, in date order, with Dutch names.</summary>
    public IReadOnlyList<PublicHoliday> Holidays(int year) => YearOf(year).Holidays;

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private HolidayYear YearOf(int year) => _years.GetOrAdd(year, y => new HolidayYear(ComputeHolidays(y)));

    private List<PublicHoliday> ComputeHolidays(int year)
    {
        DateOnly easter = EasterSunday(year);
        var holidays = new List<PublicHoliday>
        {
            new(new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            new(easter, "Eerste Paasdag"),
            new(easter.AddDays(1), "Tweede Paasdag"),
            KingsDay(year),
            new(easter.AddDays(39), "Hemelvaartsdag"),
            new(easter.AddDays(49), "Eerste Pinksterdag"),
            new(easter.AddDays(50), "Tweede Pinksterdag"),
            new(new DateOnly(year, 12, 25), "Eerste Kerstdag"),
            new(new DateOnly(year, 12, 26), "Tweede Kerstdag"),
        };
        if (Options.ObserveGoodFriday)
        {
            holidays.Add(new(easter.AddDays(-2), "Goede Vrijdag"));
        }
        if (ObservesLiberationDay(year))
        {
            holidays.Add(new(new DateOnly(year, 5, 5), "Bevrijdingsdag"));
        }
        holidays.Sort((x, y) => x.Date.CompareTo(y.Date));
        return holidays;
    }

    /// <summary>Koningsdag on 27 April (26 April when that is a Sunday); before 2014 Koninginnedag on 30 April (29 April when that is a Sunday).</summary>
    private static PublicHoliday KingsDay(int year)
    {
        if (year >= 2014)
        {
            var date = new DateOnly(year, 4, 27);
            return new(date.DayOfWeek == DayOfWeek.Sunday ? date.AddDays(-1) : date, "Koningsdag");
        }
        var queensDay = new DateOnly(year, 4, 30);
        return new(queensDay.DayOfWeek == DayOfWeek.Sunday ? queensDay.AddDays(-1) : queensDay, "Koninginnedag");
    }

    private bool ObservesLiberationDay(int year) => Options.LiberationDay switch
    {
        LiberationDayObservance.EveryYear => true,
        LiberationDayObservance.EveryFiveYears => year % 5 == 0,
        _ => false,
    };

    private sealed class HolidayYear(List<PublicHoliday> holidays)
    {
        public IReadOnlyList<PublicHoliday> Holidays { get; } = holidays.AsReadOnly();

        public HashSet<DateOnly> Dates { get; } = holidays.Select(h => h.Date).ToHashSet();
    }
}
