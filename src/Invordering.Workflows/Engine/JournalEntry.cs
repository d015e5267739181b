using System.Text.Json.Serialization;

namespace Invordering.Workflows;

/// <summary>The kind of a journal entry.</summary>
public enum JournalKind
{
    /// <summary>A step was entered.</summary>
    [JsonStringEnumMemberName("step-entered")] StepEntered,

    /// <summary>A step is waiting (for a date, a task or the bailiff); the reason says for what.</summary>
    [JsonStringEnumMemberName("waiting")] Waiting,

    /// <summary>A decision chose a branch.</summary>
    [JsonStringEnumMemberName("decision")] Decision,

    /// <summary>A case-wide event arrived.</summary>
    [JsonStringEnumMemberName("event")] Event,

    /// <summary>An effect was produced (letter, task, seizure order, ...).</summary>
    [JsonStringEnumMemberName("effect")] Effect,

    /// <summary>The instance paused, or got another hold.</summary>
    [JsonStringEnumMemberName("paused")] Paused,

    /// <summary>A hold was lifted.</summary>
    [JsonStringEnumMemberName("resumed")] Resumed,

    /// <summary>The instance completed.</summary>
    [JsonStringEnumMemberName("completed")] Completed,

    /// <summary>The instance failed.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>The instance moved to another definition version.</summary>
    [JsonStringEnumMemberName("migrated")] Migrated,
}

/// <summary>One line of the case timeline: what happened, in which step, why (in Dutch), and for decisions the facts seen and the rule that fired.</summary>
public sealed record JournalEntry(JournalKind Kind, string? StepId, string Reason, DateOnly Date)
{
    /// <summary>For decisions: the facts the decision looked at, with their values.</summary>
    public IReadOnlyDictionary<string, FactValue>? FactsSeen { get; init; }

    /// <summary>For decisions: the branch that fired, for example <c>tak 1: openAmount &gt;= 45400</c> or <c>anders</c>.</summary>
    public string? Rule { get; init; }
}
