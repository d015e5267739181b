using Invordering.Workflows;

namespace Invordering.Infrastructure.Workflows;

/// <summary>One instance moved on by the engine, waiting to be saved with its effects and journal.</summary>
public sealed record InstanceAdvance(
    long InstanceId,
    long CaseId,
    long DefinitionId,
    int RowVersion,
    WorkflowTrigger Trigger,
    AdvanceResult Result,
    string Actor);

/// <summary>A claimed instance row: what the engine needs to advance it.</summary>
public sealed record ClaimedInstance(long InstanceId, long CaseId, long DefinitionId, int RowVersion, WorkflowInstanceState State);
