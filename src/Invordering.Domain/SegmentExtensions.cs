namespace Invordering.Domain;

/// <summary>Slugs and Dutch names of the segments.</summary>
public static class SegmentExtensions
{
    private static readonly Segment[] All = Enum.GetValues<Segment>();

    extension(Segment segment)
    {
        /// <summary>The stable slug: <c>kan-en-wil</c>, <c>wil-niet</c> or <c>kan-niet</c>.</summary>
        public string ToSlug() => segment switch
        {
            Segment.KanEnWil => "kan-en-wil",
            Segment.WilNiet => "wil-niet",
            Segment.KanNiet => "kan-niet",
            _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, null),
        };

        /// <summary>The Dutch name shown to people.</summary>
        public string DisplayName => segment switch
        {
            Segment.KanEnWil => "Kan én wil betalen",
            Segment.WilNiet => "Kan maar wil niet betalen",
            Segment.KanNiet => "Kan niet betalen",
            _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, null),
        };
    }

    extension(Segment)
    {
        /// <summary>Reads a segment from its slug (case-insensitive).</summary>
        public static bool TryParseSlug(ReadOnlySpan<char> slug, out Segment segment)
        {
            foreach (Segment candidate in All)
            {
                if (slug.Equals(candidate.ToSlug(), StringComparison.OrdinalIgnoreCase))
                {
                    segment = candidate;
                    return true;
                }
            }
            segment = default;
            return false;
        }
    }
}
