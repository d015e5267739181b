namespace Invordering.Workflows;

/// <summary>The step types by the name definition files use for them (<c>"type": "letter"</c>).</summary>
public sealed class StepTypeRegistry
{
    private readonly Dictionary<string, Type> types = [];

    /// <summary>A registry with the seven built-in step types.</summary>
    public static StepTypeRegistry CreateDefault() => new StepTypeRegistry()
        .Register<LetterStep>("letter")
        .Register<WaitStep>("wait")
        .Register<DecisionStep>("decision")
        .Register<TaskStep>("task")
        .Register<HandoffStep>("handoff")
        .Register<SwitchStep>("switch")
        .Register<EndStep>("end");

    /// <summary>Registers <typeparamref name="TStep"/> under <paramref name="name"/>.</summary>
    public StepTypeRegistry Register<TStep>(string name) where TStep : WorkflowStep
    {
        if (!types.TryAdd(name, typeof(TStep)))
        {
            throw new InvalidOperationException($"Staptype '{name}' is al geregistreerd.");
        }

        return this;
    }

    /// <summary>The registered type names.</summary>
    public IReadOnlyCollection<string> Names => types.Keys;

    /// <summary>The class registered under <paramref name="name"/>, or null.</summary>
    public Type? Find(string name) => types.GetValueOrDefault(name);

    /// <summary>The name <paramref name="step"/>'s type is registered under.</summary>
    public string NameOf(WorkflowStep step) => types.First(pair => pair.Value == step.GetType()).Key;

    /// <summary>The parameter names a step of type <paramref name="name"/> accepts in a file (besides <c>type</c>).</summary>
    public IReadOnlyList<string> ParameterNames(string name) =>
        WorkflowJson.PropertiesOf(Find(name) ?? throw new ArgumentException($"Onbekend staptype '{name}'.", nameof(name)))
            .Select(p => p.Name)
            .ToList();
}
