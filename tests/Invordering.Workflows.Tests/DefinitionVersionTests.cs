using Invordering.Workflows;
using Invordering.Workflows.Tests.Support;

namespace Invordering.Workflows.Tests;

public sealed class DefinitionVersionTests
{
    [Fact]
    public void Draft_is_published_then_retired_and_only_published_starts_cases()
    {
        var draft = DefinitionVersion.Draft(Definitions.Shipped("wil-niet", version: 2));
        Assert.False(draft.StartsNewCases);

        var published = draft.Publish(new WorkflowValidator());
        Assert.Equal(DefinitionStatus.Published, published.Status);
        Assert.True(published.StartsNewCases);

        var retired = published.Retire();
        Assert.Equal(DefinitionStatus.Retired, retired.Status);
        Assert.False(retired.StartsNewCases);
    }

    [Fact]
    public void Invalid_draft_is_not_published()
    {
        var definition = Definitions.ShippedWith("wil-niet", json => json["steps"]!["wacht-na-aanmaning"]!["days"] = 7);

        var refused = Assert.Throws<WorkflowDefinitionException>(() => DefinitionVersion.Draft(definition).Publish(new WorkflowValidator()));

        Assert.Equal("dwangbevel-te-vroeg", Assert.Single(refused.Errors).Code);
    }

    [Fact]
    public void Published_version_never_changes()
    {
        var published = DefinitionVersion.Draft(Definitions.Shipped("wil-niet")).Publish(new WorkflowValidator());

        var refused = Assert.Throws<InvalidOperationException>(() => published.Revise(Definitions.Shipped("wil-niet")));

        Assert.Equal("Versie 1 van 'wil-niet' heeft status published; alleen een versie met status draft kun je wijzigen.", refused.Message);
        Assert.Throws<InvalidOperationException>(() => published.Publish(new WorkflowValidator()));
        Assert.Throws<InvalidOperationException>(() => DefinitionVersion.Draft(Definitions.Shipped("wil-niet")).Retire());
    }

    [Fact]
    public void Draft_may_be_revised_but_stays_the_same_workflow_and_version()
    {
        var draft = DefinitionVersion.Draft(Definitions.Shipped("wil-niet", version: 3));

        var revised = draft.Revise(Definitions.ShippedWith("wil-niet", json => json["title"] = "Nieuwe titel", version: 3));

        Assert.Equal("Nieuwe titel", revised.Definition.Title);
        Assert.Throws<InvalidOperationException>(() => draft.Revise(Definitions.Shipped("wil-niet", version: 4)));
    }
}
