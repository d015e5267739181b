namespace Invordering.TestSupport;

/// <summary>Awaits a condition (polling), failing with a message when it does not hold in time.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached in time: {what}");
            await Task.Delay(25);
        }
    }
}
