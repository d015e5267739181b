using Invordering.Domain.Imports;

namespace Invordering.Domain.Tests.Imports;

/// <summary>Assertions on import results.</summary>
internal static class ImportAssert
{
    private static readonly HashSet<string> DutchWords = ["de", "het", "een", "is", "niet", "moet", "of", "van", "in", "staat", "gebruik"];

    /// <summary>The row is rejected with exactly this one error, which has a Dutch message.</summary>
    public static ImportError SingleError<T>(RowResult<T> result, long line, string column, string code)
        where T : class
    {
        Assert.Null(result.Row);
        Assert.False(result.IsValid);
        ImportError error = Assert.Single(result.Errors);
        Assert.Equal((line, column, code), (error.Line, error.Column, error.Code));
        Assert.Equal(line, result.Line);
        Dutch(error.Message);
        return error;
    }

    /// <summary>The row is valid and has no errors.</summary>
    public static T Valid<T>(RowResult<T> result)
        where T : class
    {
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        return Assert.IsType<T>(result.Row);
    }

    /// <summary>The text is a Dutch sentence.</summary>
    public static void Dutch(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        string[] words = message.ToLowerInvariant().Split([' ', ',', '.', ':', ';'], StringSplitOptions.RemoveEmptyEntries);
        Assert.True(words.Any(DutchWords.Contains), $"Geen Nederlandse zin: {message}");
        Assert.True(message.EndsWith('.') || message.EndsWith('?'), $"Geen volzin: {message}");
    }

    public static FileRejectedException Rejected(string code, Func<object> read)
    {
        var error = Assert.Throws<FileRejectedException>(read);
        Assert.Equal(code, error.Code);
        Dutch(error.Message);
        return error;
    }
}
