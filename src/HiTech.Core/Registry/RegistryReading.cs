using HiTech.Core.Frameworks;

namespace HiTech.Core.Registry;

/// <summary>
/// Whether two frameworks read a registry row alike: the same inputs in the same slots with the same types, limits
/// and domains, the same value-chain stages and the same consistency checks. Then a row parsed under one is the row
/// parsed under the other, so a what-if parses it once and scores it twice. A form's changes to weights, thresholds
/// and gates keep this; a proposal file that adds or changes an input does not.
/// </summary>
public static class RegistryReading
{
    public static bool Alike(CompiledFramework first, CompiledFramework second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Inputs.Length != second.Inputs.Length || first.SetCount != second.SetCount
            || !first.StageDomain.Values.SequenceEqual(second.StageDomain.Values, StringComparer.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < first.Inputs.Length; i++)
        {
            if (!InputAlike(first.Inputs[i], second.Inputs[i]))
            {
                return false;
            }
        }

        var checks = first.Definition.Checks;
        var others = second.Definition.Checks;
        return checks.Length == others.Length
            && checks.Zip(others).All(c => c.First.Id == c.Second.Id && c.First.Rule == c.Second.Rule && c.First.Fields.SequenceEqual(c.Second.Fields, StringComparer.Ordinal));
    }

    private static bool InputAlike(CompiledInput a, CompiledInput b) =>
        a.Id == b.Id && a.Type == b.Type && a.Definition.Required == b.Definition.Required && a.Slot == b.Slot && a.SetIndex == b.SetIndex
        && a.Min.Equals(b.Min) && a.Max.Equals(b.Max)
        && (a.Domain?.Values ?? []).SequenceEqual(b.Domain?.Values ?? [], StringComparer.Ordinal);
}
