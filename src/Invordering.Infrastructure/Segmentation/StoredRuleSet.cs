using Invordering.Domain.Segmentation;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>A rule set as stored: its version number and its rules.</summary>
public sealed record StoredRuleSet(int Version, RuleSet RuleSet);
