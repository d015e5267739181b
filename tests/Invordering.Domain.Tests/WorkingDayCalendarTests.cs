namespace Invordering.Domain.Tests;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Default = new(new WorkingDayCalendarOptions());

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2038, 4, 25)]
    [InlineData(1818, 3, 22)]
    [InlineData(2285, 3, 22)]
    public void Computes_Easter(int year, int month, int day) =>
        Assert.Equal(D(year, month, day), WorkingDayCalendar.EasterSunday(year));

    [Fact]
    public void Lists_the_holidays_of_2026_in_order_with_Dutch_names()
    {
        var holidays = Default.Holidays(2026);
        Assert.Equal(
            [
                ("2026-01-01", "Nieuwjaarsdag"),
                ("2026-04-05", "Eerste Paasdag"),
                ("2026-04-06", "Tweede Paasdag"),
                ("2026-04-27", "Koningsdag"),
                ("2026-05-14", "Hemelvaartsdag"),
                ("2026-05-24", "Eerste Pinksterdag"),
                ("2026-05-25", "Tweede Pinksterdag"),
                ("2026-12-25", "Eerste Kerstdag"),
                ("2026-12-26", "Tweede Kerstdag"),
            ],
            holidays.Select(h => (h.Date.ToString("yyyy-MM-dd"), h.Name)));
    }

    [Fact]
    public void Moves_Koningsdag_to_26_April_when_the_27th_is_a_Sunday()
    {
        Assert.Equal(DayOfWeek.Sunday, D(2025, 4, 27).DayOfWeek);
        Assert.Contains(Default.Holidays(2025), h => h.Name == "Koningsdag" && h.Date == D(2025, 4, 26));
        Assert.DoesNotContain(Default.Holidays(2025), h => h.Date == D(2025, 4, 27));
        Assert.False(Default.IsWorkingDay(D(2026, 4, 27)));
        Assert.True(Default.IsWorkingDay(D(2026, 4, 28)));
    }

    [Fact]
    public void Knows_Koninginnedag_before_2014()
    {
        Assert.Contains(Default.Holidays(2013), h => h.Name == "Koninginnedag" && h.Date == D(2013, 4, 30));
        Assert.Contains(Default.Holidays(2006), h => h.Name == "Koninginnedag" && h.Date == D(2006, 4, 29));
    }

    [Fact]
    public void Easter_Monday_is_no_working_day_and_Good_Friday_only_when_observed()
    {
        Assert.False(Default.IsWorkingDay(D(2026, 4, 6)));
        Assert.True(Default.IsWorkingDay(D(2026, 4, 3)));
        var withGoodFriday = new WorkingDayCalendar(new WorkingDayCalendarOptions(ObserveGoodFriday: true));
        Assert.False(withGoodFriday.IsWorkingDay(D(2026, 4, 3)));
        Assert.Contains(withGoodFriday.Holidays(2026), h => h.Name == "Goede Vrijdag" && h.Date == D(2026, 4, 3));

        Assert.Equal(D(2026, 4, 3), Default.AddWorkingDays(D(2026, 4, 2), 1));
        Assert.Equal(D(2026, 4, 7), withGoodFriday.AddWorkingDays(D(2026, 4, 2), 1));
    }

    [Fact]
    public void Ascension_and_Whit_Monday_are_no_working_days()
    {
        Assert.False(Default.IsWorkingDay(D(2026, 5, 14)));
        Assert.True(Default.IsWorkingDay(D(2026, 5, 15)));
        Assert.False(Default.IsWorkingDay(D(2026, 5, 25)));
        Assert.Equal(D(2026, 5, 26), Default.AddWorkingDays(D(2026, 5, 22), 1));
        Assert.Equal(D(2026, 5, 15), Default.AddWorkingDays(D(2026, 5, 13), 1));
    }

    [Theory]
    [InlineData(LiberationDayObservance.Never, 2025, true)]
    [InlineData(LiberationDayObservance.EveryFiveYears, 2025, false)]
    [InlineData(LiberationDayObservance.EveryFiveYears, 2026, true)]
    [InlineData(LiberationDayObservance.EveryFiveYears, 2030, true)]
    [InlineData(LiberationDayObservance.EveryYear, 2026, false)]
    public void Observes_Bevrijdingsdag_as_configured(LiberationDayObservance observance, int year, bool working)
    {
        var calendar = new WorkingDayCalendar(new WorkingDayCalendarOptions(LiberationDay: observance));
        var liberationDay = D(year, 5, 5);
        bool weekend = liberationDay.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        Assert.Equal(working && !weekend, calendar.IsWorkingDay(liberationDay));
    }

    [Fact]
    public void Lustrum_2030_lists_Bevrijdingsdag_when_it_falls_on_a_weekday()
    {
        Assert.Equal(DayOfWeek.Sunday, D(2030, 5, 5).DayOfWeek);
        Assert.Contains(Default.Holidays(2030), h => h.Name == "Bevrijdingsdag");
        Assert.False(Default.IsWorkingDay(D(2025, 5, 5)));
        Assert.Equal(DayOfWeek.Monday, D(2025, 5, 5).DayOfWeek);
    }

    [Fact]
    public void Christmas_and_the_year_end_are_skipped()
    {
        Assert.False(Default.IsWorkingDay(D(2025, 12, 25)));
        Assert.False(Default.IsWorkingDay(D(2025, 12, 26)));
        Assert.Equal(D(2025, 12, 29), Default.AddWorkingDays(D(2025, 12, 24), 1));
        Assert.Equal(D(2027, 1, 4), Default.AddWorkingDays(D(2026, 12, 31), 1));
        Assert.Equal(D(2026, 1, 2), Default.AddWorkingDays(D(2025, 12, 31), 1));
        Assert.Equal(D(2025, 12, 31), Default.AddWorkingDays(D(2026, 1, 2), -1));
    }

    [Fact]
    public void Zero_days_gives_the_date_itself_or_the_next_working_day()
    {
        Assert.Equal(D(2026, 3, 4), Default.AddWorkingDays(D(2026, 3, 4), 0));
        Assert.Equal(D(2026, 3, 9), Default.AddWorkingDays(D(2026, 3, 7), 0));
        Assert.Equal(D(2026, 4, 7), Default.AddWorkingDays(D(2026, 4, 5), 0));
    }

    [Fact]
    public void Counts_forward_from_the_next_day()
    {
        Assert.Equal(D(2026, 3, 9), Default.AddWorkingDays(D(2026, 3, 6), 1));
        Assert.Equal(D(2026, 3, 13), Default.AddWorkingDays(D(2026, 3, 6), 5));
        Assert.Equal(D(2026, 3, 9), Default.AddWorkingDays(D(2026, 3, 7), 1));
    }

    [Fact]
    public void Counts_working_days_between_dates()
    {
        Assert.Equal(0, Default.WorkingDaysBetween(D(2026, 3, 4), D(2026, 3, 4)));
        Assert.Equal(1, Default.WorkingDaysBetween(D(2026, 3, 6), D(2026, 3, 9)));
        Assert.Equal(5, Default.WorkingDaysBetween(D(2026, 3, 6), D(2026, 3, 13)));
        Assert.Equal(-5, Default.WorkingDaysBetween(D(2026, 3, 13), D(2026, 3, 6)));
        Assert.Equal(3, Default.WorkingDaysBetween(D(2026, 4, 2), D(2026, 4, 8)));
    }

    [Fact]
    public void Adding_the_days_between_reaches_the_target_working_day()
    {
        var start = D(2025, 12, 1);
        for (var target = start; target < D(2027, 2, 1); target = target.AddDays(1))
        {
            if (Default.IsWorkingDay(target))
            {
                Assert.Equal(target, Default.AddWorkingDays(start, Default.WorkingDaysBetween(start, target)));
            }
        }
    }

    [Fact]
    public void Weekends_are_no_working_days()
    {
        Assert.False(Default.IsWorkingDay(D(2026, 3, 7)));
        Assert.False(Default.IsWorkingDay(D(2026, 3, 8)));
        Assert.True(Default.IsWorkingDay(D(2026, 3, 6)));
    }
}
