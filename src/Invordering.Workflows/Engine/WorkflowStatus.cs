namespace Invordering.Workflows;

/// <summary>Where a workflow instance stands between two advances.</summary>
public enum WorkflowStatus
{
    /// <summary>Created, waiting for the <see cref="WorkflowTrigger.Start"/> trigger.</summary>
    NotStarted,

    /// <summary>Running steps (only seen inside an advance).</summary>
    Running,

    /// <summary>Waiting for its wake-up date.</summary>
    Waiting,

    /// <summary>Waiting for a person to complete a task.</summary>
    WaitingForTask,

    /// <summary>Waiting for the bailiff's result.</summary>
    WaitingForBailiff,

    /// <summary>Standing still because of one or more holds (payment plan, remission, deferral, staff).</summary>
    Paused,

    /// <summary>Finished: ended with an outcome or switched to another workflow.</summary>
    Completed,

    /// <summary>Stopped by an error; an incident for staff.</summary>
    Failed,
}

/// <summary>Dutch descriptions of <see cref="WorkflowStatus"/> for messages and screens.</summary>
public static class WorkflowStatusText
{
    /// <summary>The status in Dutch words, such as <c>wacht op een taak</c>.</summary>
    public static string ToDutch(this WorkflowStatus status) => status switch
    {
        WorkflowStatus.NotStarted => "niet gestart",
        WorkflowStatus.Running => "bezig",
        WorkflowStatus.Waiting => "wacht op een datum",
        WorkflowStatus.WaitingForTask => "wacht op een taak",
        WorkflowStatus.WaitingForBailiff => "wacht op de deurwaarder",
        WorkflowStatus.Paused => "gepauzeerd",
        WorkflowStatus.Completed => "afgerond",
        _ => "mislukt",
    };
}
