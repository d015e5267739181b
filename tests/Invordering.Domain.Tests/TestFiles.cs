using System.Text;

namespace Invordering.Domain.Tests;

/// <summary>Test data files and in-memory files.</summary>
internal static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static Stream Open(string name) => File.OpenRead(Path(name));

    public static Stream Utf8(string text, bool byteOrderMark = false)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(byteOrderMark ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }
}
