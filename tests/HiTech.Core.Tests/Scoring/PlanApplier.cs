using System.Text.Json.Nodes;
using HiTech.Core.Scoring;

namespace HiTech.Core.Tests.Scoring;

/// <summary>Applies a plan's changes to an enterprise as a person would edit the file: each input set to its <c>to</c> value.</summary>
internal static class PlanApplier
{
    public static EnterpriseInput Apply(EnterpriseInput enterprise, NextTierPlan plan)
    {
        var inputs = enterprise.Inputs;
        foreach (var change in plan.Changes)
        {
            var evidence = inputs.TryGetValue(change.Input, out var old) ? old.Evidence : default;
            inputs = inputs.SetItem(change.Input, change.To switch
            {
                JsonArray => InputValue.OfCodes(PlanChange.Codes(change.To), evidence),
                JsonValue v when v.TryGetValue<bool>(out var flag) => InputValue.Of(flag, evidence),
                JsonValue v when v.TryGetValue<string>(out var choice) => InputValue.OfChoice(choice, evidence),
                _ => InputValue.Of(PlanChange.Number(change.To) ?? throw new InvalidOperationException($"{change.Input}: no value"), evidence),
            });
        }

        return enterprise with { Inputs = inputs };
    }
}
