namespace Invordering.Domain;

/// <summary>Form check for e-mail addresses: one <c>@</c>, a local part, and a domain with a dot; no spaces.</summary>
public static class EmailAddress
{
    private const int MaxLength = 254;

    /// <summary>Whether the text looks like an e-mail address.</summary>
    public static bool IsPlausible(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        ReadOnlySpan<char> address = text;
        int at = address.IndexOf('@');
        if (at <= 0 || address.LastIndexOf('@') != at)
        {
            return false;
        }

        ReadOnlySpan<char> local = address[..at];
        ReadOnlySpan<char> domain = address[(at + 1)..];
        return !address.ContainsAny(" \t\r\n,;<>\"()[]\\")
            && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal)
            && IsPlausibleDomain(domain);
    }

    private static bool IsPlausibleDomain(ReadOnlySpan<char> domain)
    {
        int lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || domain.Length - lastDot - 1 < 2)
        {
            return false;
        }
        foreach (Range label in domain.Split('.'))
        {
            ReadOnlySpan<char> part = domain[label];
            if (part.IsEmpty || part[0] == '-' || part[^1] == '-')
            {
                return false;
            }
        }
        return true;
    }
}
