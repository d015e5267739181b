namespace Invordering.Domain;

/// <summary>The group (klantgroep) a debtor is segmented into by why they do not pay.</summary>
public enum Segment
{
    /// <summary>Can and will pay; forgot or was late (kan én wil betalen).</summary>
    KanEnWil,

    /// <summary>Can pay but does not (kan maar wil niet).</summary>
    WilNiet,

    /// <summary>Cannot pay (kan niet betalen).</summary>
    KanNiet,
}
