using System.Text.Json.Serialization;

namespace Invordering.Workflows;

/// <summary>The steps each bailiff result leads to.</summary>
public sealed record BailiffOutcomes
{
    /// <summary>After <c>betaald</c>.</summary>
    [JsonPropertyName("betaald")]
    public required string Paid { get; init; }

    /// <summary>After <c>deels-betaald</c>.</summary>
    [JsonPropertyName("deels-betaald")]
    public required string PartlyPaid { get; init; }

    /// <summary>After <c>niets-te-halen</c>.</summary>
    [JsonPropertyName("niets-te-halen")]
    public required string NothingToCollect { get; init; }

    /// <summary>The step <paramref name="outcome"/> leads to.</summary>
    public string TargetFor(BailiffOutcome outcome) => outcome switch
    {
        BailiffOutcome.Paid => Paid,
        BailiffOutcome.PartlyPaid => PartlyPaid,
        _ => NothingToCollect,
    };
}

/// <summary>
/// Step type <c>handoff</c>: hands the claim to the external bailiff (deurwaarder) with a seizure order and waits
/// for the result. Outcomes <c>betaald</c>, <c>deels-betaald</c>, <c>niets-te-halen</c>.
/// </summary>
public sealed class HandoffStep : WorkflowStep
{
    /// <summary>The step per bailiff result.</summary>
    public required BailiffOutcomes Outcomes { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepTransition> Transitions() =>
        Enum.GetValues<BailiffOutcome>().Select(o => new StepTransition(o.ToSlug(), Outcomes.TargetFor(o)));

    /// <inheritdoc />
    public override bool Waits() => true;

    /// <inheritdoc />
    public override StepResult Enter(StepContext context) =>
        StepResult.Suspend(WorkflowStatus.WaitingForBailiff, null, "Wacht op het resultaat van de deurwaarder.",
            new SeizureOrderEffect(context.StepId));

    /// <inheritdoc />
    public override StepResult Resume(StepContext context, WorkflowTrigger trigger) =>
        trigger is WorkflowTrigger.BailiffResult result
            ? StepResult.GoTo(Outcomes.TargetFor(result.Outcome))
            : base.Resume(context, trigger);

    /// <inheritdoc />
    public override IEnumerable<WorkflowEffect> Interrupt(string stepId) => [new RecallSeizureOrderEffect(stepId)];
}
