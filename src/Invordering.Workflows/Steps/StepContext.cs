namespace Invordering.Workflows;

/// <summary>What a step sees while it runs: its id, the instance state, the case facts, today's date and the working-day calendar.</summary>
public sealed record StepContext(string StepId, WorkflowInstanceState State, CaseFacts Facts, DateOnly Today, IWorkingDays WorkingDays);
