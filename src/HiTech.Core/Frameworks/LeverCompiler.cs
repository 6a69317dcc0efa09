using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace HiTech.Core.Frameworks;

/// <summary>
/// Checks the <c>levers</c> block against the inputs: each lever names an input that may move, once; its effort is
/// positive; a number moves in steps of a known size; only choices and code lists price values one by one.
/// </summary>
internal static partial class LeverCompiler
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SchemeIdPattern();

    public static ImmutableArray<CompiledLever> Compile(
        ImmutableArray<LeverDefinition> levers,
        ImmutableDictionary<string, CompiledInput> inputs,
        Action<SourcePosition, string, string> error)
    {
        var compiled = ImmutableArray.CreateBuilder<CompiledLever>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lever in levers)
        {
            if (!inputs.TryGetValue(lever.Input, out var input))
            {
                error(lever.At("input"), "unknown-input", $"The lever names the input '{lever.Input}', which is not defined under 'inputs'.");
                continue;
            }

            if (!seen.Add(lever.Input))
            {
                error(lever.At("input"), "duplicate-id", $"The input '{lever.Input}' has two levers; give it one.");
                continue;
            }

            var ok = true;
            if (input.Lever == InputLever.None)
            {
                ok = Fail(error, lever.At("input"), "bad-lever", $"The input '{lever.Input}' is marked 'what_it_would_take: none', so it cannot be a lever.");
            }

            if (!(lever.Effort > 0) || lever.Effort > 1000)
            {
                ok = Fail(error, lever.At("effort"), "bad-effort", $"The effort of the lever '{lever.Input}' must be above 0 and at most 1000.");
            }

            var numeric = InputTypes.IsNumeric(input.Type);
            CompiledInput? stepOf = null;
            if (numeric)
            {
                if (lever.Step is not { } step || !(step > 0))
                {
                    ok = Fail(error, lever.At("step"), "missing-field", $"The lever '{lever.Input}' is a number and needs a 'step' above 0: the size of one step of change.");
                }

                if (lever.MaxSteps is null)
                {
                    ok = Fail(error, lever.Position, "missing-field", $"The lever '{lever.Input}' is a number and needs 'max_steps': the largest change a plan may propose, in steps.");
                }

                if (lever.StepOf is { } baseId)
                {
                    if (!inputs.TryGetValue(baseId, out stepOf) || !InputTypes.IsNumeric(stepOf.Type))
                    {
                        ok = Fail(error, lever.At("step_of"), "unknown-input", $"'step_of' of the lever '{lever.Input}' names '{baseId}', which is not a number input.");
                    }
                }
            }
            else
            {
                foreach (var field in new[] { "step", "step_of" })
                {
                    if (lever.FieldPositions.ContainsKey(field))
                    {
                        ok = Fail(error, lever.At(field), "unexpected-field", $"'{field}' is for number levers; '{lever.Input}' is {InputTypes.ToId(input.Type)}.");
                    }
                }

                if (input.Type == InputType.Boolean && lever.MaxSteps is > 1)
                {
                    ok = Fail(error, lever.At("max_steps"), "bad-range", $"A yes/no lever ('{lever.Input}') changes once; leave out 'max_steps' or write 1.");
                }

                if (input.Type == InputType.Codes && lever.MaxSteps is > 3)
                {
                    ok = Fail(error, lever.At("max_steps"), "bad-range", $"A plan adds at most 3 codes of '{lever.Input}' at once; 'max_steps' is 1, 2 or 3.");
                }
            }

            var valueEfforts = ImmutableArray<double>.Empty;
            if (input.Domain is { } domain)
            {
                var efforts = Enumerable.Repeat(lever.Effort, domain.Values.Length).ToArray();
                foreach (var (value, effort) in lever.Efforts)
                {
                    var index = domain.IndexOf(value);
                    if (index < 0)
                    {
                        ok = Fail(error, lever.At("efforts." + value), "unknown-value", $"'{value}' in the efforts of the lever '{lever.Input}' is not a value of {domain.Id}.");
                    }
                    else if (!(effort > 0) || effort > 1000)
                    {
                        ok = Fail(error, lever.At("efforts." + value), "bad-effort", $"The effort of '{value}' must be above 0 and at most 1000.");
                    }
                    else
                    {
                        efforts[index] = effort;
                    }
                }

                valueEfforts = [.. efforts];
            }
            else if (lever.Efforts.Count > 0)
            {
                ok = Fail(error, lever.At("efforts"), "unexpected-field", $"'efforts' prices the values of a choice or code list; '{lever.Input}' is {InputTypes.ToId(input.Type)}.");
            }

            foreach (var scheme in lever.Schemes.Where(s => !SchemeIdPattern().IsMatch(s)))
            {
                ok = Fail(error, lever.At("schemes"), "bad-id", $"'{scheme}' is not a scheme id: lowercase letters, digits and dashes, as in data/schemes.");
            }

            if (ok)
            {
                compiled.Add(new CompiledLever(lever, input, stepOf, valueEfforts));
            }
        }

        return compiled.ToImmutable();
    }

    private static bool Fail(Action<SourcePosition, string, string> error, SourcePosition at, string rule, string message)
    {
        error(at, rule, message);
        return false;
    }
}
