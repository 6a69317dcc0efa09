using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using HiTech.Core.Expressions;

namespace HiTech.Core.Frameworks;

/// <summary>
/// Validates a <see cref="FrameworkDefinition"/> and compiles it: resolves every name, type-checks and compiles
/// every expression, and checks weights, tiers, curves, cycles and ids. Any error means no framework.
/// </summary>
internal sealed partial class FrameworkCompiler
{
    private const double WeightTolerance = 1e-6;

    /// <summary>The expression language's functions: reserved like its keywords, so a name never hides one.</summary>
    private static readonly string[] Functions = ["min", "max", "clamp", "abs", "log10", "div", "if", "present", "coalesce", "count", "has_any", "has_all", "lookup"];

    private readonly FrameworkDefinition _definition;
    private readonly string _file;
    private readonly ImmutableArray<string> _sectorIds;
    private readonly List<FrameworkError> _errors = [];
    private readonly FrameworkScope _scope = new();
    private readonly Dictionary<string, Domain> _domains = new(StringComparer.Ordinal);

    private FrameworkCompiler(FrameworkDefinition definition, string file, ImmutableArray<string> sectorIds)
    {
        _definition = definition;
        _file = file;
        _sectorIds = sectorIds;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]*$")]
    private static partial Regex IdPattern();

    public static (CompiledFramework? Framework, IReadOnlyList<FrameworkError> Errors) Compile(FrameworkDefinition definition, string file, ImmutableArray<string> sectorIds)
    {
        var compiler = new FrameworkCompiler(definition, file, sectorIds);
        var framework = compiler.Run();
        var errors = compiler._errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return errors.Count == 0 ? (framework, errors) : (null, errors);
    }

    private void Error(SourcePosition at, string rule, string message) => _errors.Add(new FrameworkError(_file, at.Line, at.Column, rule, message));

    private CompiledFramework Run()
    {
        CheckHeader();
        var stageDomain = CompileDomains();
        var inputs = CompileInputs();
        var (valueCount, setCount) = (inputs.Length + EngineQuantities.All.Length, inputs.Count(i => i.SetIndex >= 0));
        for (var i = 0; i < EngineQuantities.All.Length; i++)
        {
            var (name, type, _) = EngineQuantities.All[i];
            _scope.Add(new Symbol(name, SymbolKind.System, type, inputs.Length + i, -1, 0));
        }

        CompileTables();
        var derived = CompileDerived(ref valueCount);
        var (pillars, indicators) = CompilePillars();
        var gates = CompileGates();
        var tiers = CompileTiers(gates);
        var hvaRules = CompileHvaRules(stageDomain);
        var checks = CompileChecks();
        var levers = LeverCompiler.Compile(_definition.Levers, inputs.ToImmutableDictionary(i => i.Id, StringComparer.Ordinal), Error);
        return new CompiledFramework(_definition, _file, inputs, derived, pillars, indicators, gates, tiers, hvaRules, checks, levers,
            _domains.ToImmutableDictionary(StringComparer.Ordinal), stageDomain, valueCount, setCount);
    }

    private void CheckHeader()
    {
        var start = new SourcePosition(1, 1);
        if (!IdPattern().IsMatch(_definition.Id))
        {
            Error(start, "bad-id", $"The framework id '{_definition.Id}' must be lowercase letters, digits and dashes.");
        }

        if (string.IsNullOrWhiteSpace(_definition.Version))
        {
            Error(start, "missing-field", "The framework needs a version.");
        }
    }

    private Domain CompileDomains()
    {
        foreach (var domain in _definition.Domains)
        {
            if (!CheckId(domain.Id, domain.Position, "domain", IdentifierPattern()))
            {
                continue;
            }

            if (_domains.ContainsKey(domain.Id))
            {
                Error(domain.Position, "duplicate-id", $"The domain '{domain.Id}' is defined twice.");
                continue;
            }

            if (domain.Values.IsEmpty || domain.Values.Length > Domain.MaxValues)
            {
                Error(domain.Position, "domain-size", $"The domain '{domain.Id}' must list between 1 and {Domain.MaxValues} values.");
            }

            foreach (var duplicate in domain.Values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Error(domain.Position, "duplicate-id", $"The value '{duplicate.Key}' appears twice in the domain '{domain.Id}'.");
            }

            foreach (var label in domain.Labels.Keys.Where(k => !domain.Values.Contains(k, StringComparer.Ordinal)))
            {
                Error(domain.Position, "unknown-value", $"The label '{label}' of domain '{domain.Id}' is not one of its values.");
            }

            _domains[domain.Id] = new Domain(domain.Id, domain.Values.Take(Domain.MaxValues).ToImmutableArray(), domain.Ordered);
        }

        if (!_domains.TryGetValue("value_chain_stage", out var stages))
        {
            // Point at the domain list, where the domain belongs (a file's line 1 is usually a comment).
            var at = _definition.Domains.IsEmpty ? new SourcePosition(1, 1) : _definition.Domains[0].Position;
            Error(at, "missing-domain", "The framework must define the domain 'value_chain_stage': the stages an activity can be declared with.");
            stages = new Domain("value_chain_stage", [], false);
        }

        return stages;
    }

    private ImmutableArray<CompiledInput> CompileInputs()
    {
        var inputs = ImmutableArray.CreateBuilder<CompiledInput>();
        if (_definition.Inputs.Length > 64)
        {
            Error(_definition.Inputs[64].Position, "too-many-inputs", "A framework reads at most 64 inputs.");
        }

        var pillarIds = _definition.Pillars.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var sets = 0;
        foreach (var input in _definition.Inputs.Take(64))
        {
            if (!CheckId(input.Id, input.Position, "input", IdentifierPattern()) || !CheckUnique(input.Id, input.Position))
            {
                continue;
            }

            Domain? domain = null;
            if (input.Type is InputType.Enum or InputType.Codes)
            {
                if (input.Domain is null)
                {
                    Error(input.Position, "missing-field", $"The input '{input.Id}' is of type {InputTypes.ToId(input.Type)} and needs a 'domain'.");
                }
                else if (!_domains.TryGetValue(input.Domain, out domain))
                {
                    Error(input.Position, "unknown-domain", $"The input '{input.Id}' names the domain '{input.Domain}', which is not defined under 'domains'.");
                }
            }
            else if (input.Domain is not null)
            {
                Error(input.Position, "unexpected-field", $"Only enum and codes inputs take a domain; '{input.Id}' is {InputTypes.ToId(input.Type)}.");
            }

            if (input.Pillar is not null && !pillarIds.Contains(input.Pillar))
            {
                Error(input.Position, "unknown-pillar", $"The input '{input.Id}' is grouped under the pillar '{input.Pillar}', which does not exist.");
            }

            var (min, max) = Range(input);
            if (min > max)
            {
                Error(input.Position, "bad-range", $"The input '{input.Id}' has min {Format(min)} above max {Format(max)}.");
            }

            var slot = inputs.Count;
            var setIndex = input.Type == InputType.Codes ? sets++ : -1;
            var type = input.Type switch
            {
                InputType.Boolean => ExprType.Boolean,
                InputType.Enum => domain is null ? ExprType.Number : new ExprType(TypeKind.Enum, domain),
                InputType.Codes => domain is null ? ExprType.Number : new ExprType(TypeKind.CodeSet, domain),
                _ => ExprType.Number,
            };
            var compiled = new CompiledInput(input, slot, setIndex, domain, min, max);
            _scope.Add(new Symbol(input.Id, SymbolKind.Input, type, slot, setIndex, compiled.Bit));
            inputs.Add(compiled);
        }

        return inputs.ToImmutable();
    }

    private static (double Min, double Max) Range(InputDefinition input)
    {
        var (defaultMin, defaultMax) = input.Type switch
        {
            InputType.Money or InputType.Count => (0d, double.PositiveInfinity),
            InputType.Ratio => (0d, 1d),
            _ => (double.NegativeInfinity, double.PositiveInfinity),
        };
        return (input.Min ?? defaultMin, input.Max ?? defaultMax);
    }

    private void CompileTables()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in _definition.Tables)
        {
            if (!CheckId(table.Id, table.Position, "table", IdentifierPattern()))
            {
                continue;
            }

            if (!ids.Add(table.Id))
            {
                Error(table.Position, "duplicate-id", $"The table '{table.Id}' is defined twice.");
                continue;
            }

            ExprType keyType;
            if (table.Key == "number")
            {
                keyType = ExprType.Number;
            }
            else if (_domains.TryGetValue(table.Key, out var domain))
            {
                keyType = new ExprType(TypeKind.Enum, domain);
            }
            else
            {
                Error(table.Position, "unknown-domain", $"The table '{table.Id}' is keyed by '{table.Key}': use 'number' or a domain id.");
                continue;
            }

            var values = new Dictionary<double, double>();
            foreach (var (key, value) in table.Values)
            {
                if (keyType.Domain is { } d)
                {
                    var index = d.IndexOf(key);
                    if (index < 0)
                    {
                        Error(table.Position, "unknown-value", $"The key '{key}' of table '{table.Id}' is not a value of {d.Id}.");
                    }
                    else
                    {
                        values[index] = value;
                    }
                }
                else if (double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    values[number] = value;
                }
                else
                {
                    Error(table.Position, "wrong-type", $"The key '{key}' of table '{table.Id}' must be a number.");
                }
            }

            _scope.AddTable(new LookupTable(table.Id, values.ToFrozenDictionary(), table.Default, keyType));
        }
    }

    private ImmutableArray<CompiledDerived> CompileDerived(ref int valueCount)
    {
        // Parse first, then order by dependency so each derived quantity compiles after those it reads.
        var parsed = new Dictionary<string, (DerivedDefinition Definition, Node Node)>(StringComparer.Ordinal);
        foreach (var derived in _definition.Derived)
        {
            if (!CheckId(derived.Id, derived.Position, "derived quantity", IdentifierPattern()) || !CheckUnique(derived.Id, derived.Position))
            {
                continue;
            }

            // A placeholder symbol reserves the name; its real type and mask are set once compiled.
            _scope.Add(new Symbol(derived.Id, SymbolKind.Derived, ExprType.Number, -1, -1, 0));
            if (Parse(derived.Expression, derived.ExpressionAt) is { } node)
            {
                parsed[derived.Id] = (derived, node);
            }
        }

        var order = OrderByDependency(parsed);
        var compiled = ImmutableArray.CreateBuilder<CompiledDerived>();
        foreach (var id in order)
        {
            var (definition, node) = parsed[id];
            var expression = Bind(definition.Expression, node, definition.ExpressionAt, null, $"derived quantity '{id}'");
            if (expression is null)
            {
                continue;
            }

            if (expression.Type.Kind == TypeKind.Enum)
            {
                Error(definition.ExpressionAt.Start, "type-mismatch", $"The derived quantity '{id}' must give a number or true/false.");
                continue;
            }

            var slot = valueCount++;
            _scope.Replace(new Symbol(id, SymbolKind.Derived, expression.Type, slot, -1, expression.MissingMask));
            compiled.Add(new CompiledDerived(definition, slot, expression));
        }

        return compiled.ToImmutable();
    }

    private List<string> OrderByDependency(Dictionary<string, (DerivedDefinition Definition, Node Node)> parsed)
    {
        var order = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new Stack<string>();

        void Visit(string id)
        {
            if (state.GetValueOrDefault(id) == 2)
            {
                return;
            }

            if (state.GetValueOrDefault(id) == 1)
            {
                var cycle = path.Reverse().SkipWhile(p => p != id).Append(id);
                Error(parsed[id].Definition.Position, "derived-cycle", $"Derived quantities depend on each other in a circle: {string.Join(" -> ", cycle)}.");
                return;
            }

            state[id] = 1;
            path.Push(id);
            foreach (var name in ExpressionCompiler.ReferencedNames(parsed[id].Node).Where(parsed.ContainsKey).Order(StringComparer.Ordinal))
            {
                Visit(name);
            }

            path.Pop();
            state[id] = 2;
            order.Add(id);
        }

        foreach (var id in parsed.Keys)
        {
            Visit(id);
        }

        return order;
    }

    private (ImmutableArray<CompiledPillar>, ImmutableArray<CompiledIndicator>) CompilePillars()
    {
        var pillars = ImmutableArray.CreateBuilder<CompiledPillar>();
        var indicators = ImmutableArray.CreateBuilder<CompiledIndicator>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (_definition.Pillars.IsEmpty)
        {
            Error(new SourcePosition(1, 1), "missing-field", "The framework needs at least one pillar.");
        }

        foreach (var pillar in _definition.Pillars)
        {
            CheckId(pillar.Id, pillar.Position, "pillar", IdPattern());
            if (!ids.Add(pillar.Id))
            {
                Error(pillar.Position, "duplicate-id", $"The pillar '{pillar.Id}' is defined twice.");
            }

            CheckWeight(pillar.Weight, pillar.Position, $"pillar '{pillar.Id}'");
            var members = ImmutableArray.CreateBuilder<int>();
            foreach (var indicator in pillar.Indicators)
            {
                CheckId(indicator.Id, indicator.Position, "indicator", IdPattern());
                if (!ids.Add(indicator.Id))
                {
                    Error(indicator.Position, "duplicate-id", $"The id '{indicator.Id}' is used twice among pillars and indicators.");
                }

                CheckWeight(indicator.Weight, indicator.Position, $"indicator '{indicator.Id}'");
                var expression = Compile(indicator.Expression, indicator.ExpressionAt, null, $"indicator '{indicator.Id}'");
                var normalisation = expression is null ? indicator.Normalise : CheckNormalisation(indicator, expression.Type);
                if (expression is not null)
                {
                    members.Add(indicators.Count);
                    indicators.Add(new CompiledIndicator(indicator with { Normalise = normalisation }, pillars.Count, expression));
                }
            }

            if (pillar.Indicators.IsEmpty)
            {
                Error(pillar.Position, "missing-field", $"The pillar '{pillar.Id}' has no indicators.");
            }

            var sum = pillar.Indicators.Sum(i => i.Weight);
            if (!pillar.Indicators.IsEmpty && Math.Abs(sum - 100) > WeightTolerance)
            {
                Error(pillar.Position, "weights-sum", $"The indicator weights of pillar '{pillar.Id}' add up to {Format(sum)}, not 100.");
            }

            pillars.Add(new CompiledPillar(pillar, members.ToImmutable()));
        }

        var total = _definition.Pillars.Sum(p => p.Weight);
        if (!_definition.Pillars.IsEmpty && Math.Abs(total - 100) > WeightTolerance)
        {
            Error(_definition.Pillars[0].Position, "weights-sum", $"The pillar weights add up to {Format(total)}, not 100.");
        }

        return (pillars.ToImmutable(), indicators.ToImmutable());
    }

    private Normalisation CheckNormalisation(IndicatorDefinition indicator, ExprType type)
    {
        var normalise = indicator.Normalise;
        switch (normalise)
        {
            case PiecewiseNormalisation piecewise:
                CheckPoints(piecewise.Points, piecewise.Position, "piecewise points", strict: true);
                RequireNumeric(indicator, type, "piecewise");
                return normalise;
            case StepsNormalisation steps:
                CheckPoints(steps.Steps, steps.Position, "steps", strict: true);
                CheckScore(steps.Below, steps.Position, "the 'below' score");
                RequireNumeric(indicator, type, "steps");
                return normalise;
            case LookupNormalisation lookup:
                var byValue = new Dictionary<double, double>();
                CheckScore(lookup.Default, lookup.Position, "the default score");
                foreach (var (key, score) in lookup.Entries)
                {
                    CheckScore(score, lookup.Position, $"the score of '{key}'");
                    if (type.Domain is { } domain)
                    {
                        var index = domain.IndexOf(key);
                        if (index < 0)
                        {
                            Error(lookup.Position, "unknown-value", $"The lookup key '{key}' of indicator '{indicator.Id}' is not a value of {domain.Id}. Allowed: {string.Join(", ", domain.Values)}.");
                        }

                        byValue[index] = score;
                    }
                    else if (type.Kind == TypeKind.Boolean && key is "true" or "false")
                    {
                        byValue[key == "true" ? 1 : 0] = score;
                    }
                    else if (double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && type.Kind == TypeKind.Number)
                    {
                        byValue[number] = score;
                    }
                    else
                    {
                        Error(lookup.Position, "type-mismatch", $"The lookup key '{key}' does not fit the indicator's value, which is {type}.");
                    }
                }

                return lookup with { ByValue = byValue.ToFrozenDictionary() };
            default:
                return normalise;
        }
    }

    private void RequireNumeric(IndicatorDefinition indicator, ExprType type, string kind)
    {
        if (type.Kind == TypeKind.Enum)
        {
            Error(indicator.ExpressionAt.Start, "type-mismatch", $"The indicator '{indicator.Id}' gives {type}; {kind} needs a number. Use a lookup to score enum values.");
        }
    }

    private void CheckPoints(ImmutableArray<(double X, double Y)> points, SourcePosition at, string what, bool strict)
    {
        for (var i = 0; i < points.Length; i++)
        {
            CheckScore(points[i].Y, at, $"the score {Format(points[i].Y)} in {what}");
            if (i > 0 && (strict ? points[i].X <= points[i - 1].X : points[i].X < points[i - 1].X))
            {
                Error(at, "curve-order", $"The {what} must have strictly increasing values: {Format(points[i].X)} comes after {Format(points[i - 1].X)}.");
            }
        }
    }

    private void CheckScore(double score, SourcePosition at, string what)
    {
        if (score is < 0 or > 100)
        {
            Error(at, "score-range", $"{YamlNodeReader.Capital(what)} must be between 0 and 100.");
        }
    }

    private void CheckWeight(double weight, SourcePosition at, string what)
    {
        if (weight <= 0)
        {
            Error(at, "bad-weight", $"The weight of {what} must be above 0.");
        }
    }

    private ImmutableArray<CompiledGate> CompileGates()
    {
        var gates = ImmutableArray.CreateBuilder<CompiledGate>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (_definition.Gates.Length > 64)
        {
            Error(_definition.Gates[64].Position, "too-many-gates", "A framework has at most 64 gates.");
        }

        foreach (var gate in _definition.Gates.Take(64))
        {
            CheckId(gate.Id, gate.Position, "gate", IdPattern());
            if (!ids.Add(gate.Id))
            {
                Error(gate.Position, "duplicate-id", $"The gate '{gate.Id}' is defined twice.");
                continue;
            }

            if (Compile(gate.Rule, gate.RuleAt, TypeKind.Boolean, $"gate '{gate.Id}'") is { } rule)
            {
                gates.Add(new CompiledGate(gate, rule));
            }
        }

        return gates.ToImmutable();
    }

    private ImmutableArray<CompiledTier> CompileTiers(ImmutableArray<CompiledGate> gates)
    {
        var tiers = ImmutableArray.CreateBuilder<CompiledTier>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (_definition.Tiers.Length < 2)
        {
            Error(new SourcePosition(1, 1), "missing-field", "The framework needs at least two tiers.");
        }

        TierDefinition? previous = null;
        foreach (var tier in _definition.Tiers)
        {
            CheckId(tier.Id, tier.Position, "tier", IdPattern());
            if (!ids.Add(tier.Id))
            {
                Error(tier.Position, "duplicate-id", $"The tier '{tier.Id}' is defined twice.");
            }

            if (tier.MinIndex is < 0 or > 100)
            {
                Error(tier.Position, "bad-range", $"The tier '{tier.Id}' starts at {Format(tier.MinIndex)}; the index runs from 0 to 100.");
            }

            if (previous is not null)
            {
                if (tier.MinIndex == previous.MinIndex && tier.Gates.ToHashSet().SetEquals(previous.Gates))
                {
                    Error(tier.Position, "tier-overlap", $"The tiers '{previous.Id}' and '{tier.Id}' have the same minimum index and gates, so they overlap.");
                }
                else if (tier.MinIndex > previous.MinIndex)
                {
                    Error(tier.Position, "tier-order", $"Tiers are listed highest first: '{tier.Id}' starts at {Format(tier.MinIndex)}, above '{previous.Id}' at {Format(previous.MinIndex)}.");
                }
                else if (tier.MinIndex == previous.MinIndex && !tier.Gates.ToHashSet().IsProperSubsetOf(previous.Gates))
                {
                    Error(tier.Position, "tier-overlap", $"The tiers '{previous.Id}' and '{tier.Id}' start at the same index; the higher one must add gates to the lower one's.");
                }
            }

            var gateIndexes = ImmutableArray.CreateBuilder<int>();
            foreach (var gateId in tier.Gates)
            {
                var index = gates.IndexOf(gates.FirstOrDefault(g => g.Id == gateId)!);
                if (index < 0 && _definition.Gates.Any(g => g.Id == gateId))
                {
                    // The gate is defined but its rule did not compile; that error is already reported.
                    continue;
                }

                if (index < 0)
                {
                    Error(tier.Position, "unknown-gate", $"The tier '{tier.Id}' requires the gate '{gateId}', which is not defined under 'gates'.");
                }
                else
                {
                    gateIndexes.Add(index);
                }
            }

            var evidence = _definition.Evidence.Where(e => e.Tier == tier.Id).ToImmutableArray();
            tiers.Add(new CompiledTier(tier, gateIndexes.ToImmutable(), evidence));
            previous = tier;
        }

        if (previous is not null && (previous.MinIndex != 0 || !previous.Gates.IsEmpty))
        {
            Error(previous.Position, "tier-floor", $"The lowest tier '{previous.Id}' must start at 0 with no gates, so that every enterprise gets a tier.");
        }

        foreach (var requirement in _definition.Evidence)
        {
            if (!ids.Contains(requirement.Tier))
            {
                Error(requirement.Position, "unknown-tier", $"The evidence requirement names the tier '{requirement.Tier}', which does not exist.");
            }

            foreach (var input in requirement.Inputs)
            {
                if (!_scope.TryResolve(input, out var symbol) || symbol.Kind != SymbolKind.Input)
                {
                    Error(requirement.Position, "unknown-input", $"The evidence requirement for '{requirement.Tier}' names '{input}', which is not an input.");
                }
            }
        }

        return tiers.ToImmutable();
    }

    private ImmutableArray<CompiledRule> CompileHvaRules(Domain stageDomain)
    {
        var scope = new FrameworkScope();
        scope.Add(new Symbol("oecd_group", SymbolKind.Activity, new ExprType(TypeKind.Enum, EngineQuantities.OecdDomain), ActivityQuantities.OecdGroup, -1, 0));
        scope.Add(new Symbol("eurostat_group", SymbolKind.Activity, new ExprType(TypeKind.Enum, ActivityQuantities.EurostatDomain), ActivityQuantities.EurostatGroup, -1, 0));
        scope.Add(new Symbol("share", SymbolKind.Activity, ExprType.Number, ActivityQuantities.Share, -1, 0));
        scope.Add(new Symbol("division", SymbolKind.Activity, ExprType.Number, ActivityQuantities.Division, -1, 0));
        scope.Add(new Symbol("priority", SymbolKind.Activity, ExprType.Boolean, ActivityQuantities.Priority, -1, 0));
        scope.Add(new Symbol("stages", SymbolKind.Activity, new ExprType(TypeKind.CodeSet, stageDomain), -1, ActivityQuantities.StagesSet, 0));
        var sectorDomain = new Domain("priority_sector", _sectorIds.IsEmpty ? ["none"] : _sectorIds, false);
        scope.Add(new Symbol("sectors", SymbolKind.Activity, new ExprType(TypeKind.CodeSet, sectorDomain), -1, ActivityQuantities.SectorsSet, 0));

        var rules = ImmutableArray.CreateBuilder<CompiledRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in _definition.HvaRules)
        {
            CheckId(rule.Id, rule.Position, "high-value-added rule", IdPattern());
            if (!ids.Add(rule.Id))
            {
                Error(rule.Position, "duplicate-id", $"The high-value-added rule '{rule.Id}' is defined twice.");
                continue;
            }

            // Without the stage domain the rules cannot be checked; the missing domain is the error to fix first.
            if (stageDomain.Values.IsEmpty)
            {
                continue;
            }

            if (Parse(rule.Rule, rule.RuleAt) is { } node && Bind(rule.Rule, node, rule.RuleAt, TypeKind.Boolean, $"rule '{rule.Id}'", scope) is { } compiled)
            {
                rules.Add(new CompiledRule(rule.Id, rule.Explain, [], compiled));
            }
        }

        if (_definition.HvaRules.IsEmpty)
        {
            Error(new SourcePosition(1, 1), "missing-field", "The framework needs at least one rule under activities.hva_rules.");
        }

        return rules.ToImmutable();
    }

    private ImmutableArray<CompiledRule> CompileChecks()
    {
        var checks = ImmutableArray.CreateBuilder<CompiledRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in _definition.Checks)
        {
            CheckId(check.Id, check.Position, "check", IdPattern());
            if (!ids.Add(check.Id))
            {
                Error(check.Position, "duplicate-id", $"The check '{check.Id}' is defined twice.");
                continue;
            }

            foreach (var field in check.Fields.Where(f => !_scope.TryResolve(f, out var s) || s.Kind != SymbolKind.Input))
            {
                Error(check.Position, "unknown-input", $"The check '{check.Id}' names the field '{field}', which is not an input.");
            }

            if (Parse(check.Rule, check.RuleAt) is { } node && Bind(check.Rule, node, check.RuleAt, TypeKind.Boolean, $"check '{check.Id}'") is { } rule)
            {
                RequireInputsOnly(check, node);
                checks.Add(new CompiledRule(check.Id, check.Message, check.Fields, rule));
            }
        }

        return checks.ToImmutable();
    }

    /// <summary>
    /// Checks are made on the inputs as they are read (a registry row, a form), before anything is computed from them,
    /// and a what-if reuses a row checked once under another framework's derived quantities: so a check reads inputs
    /// (and tables) only. A derived or engine quantity there would be read before it holds the enterprise's value.
    /// </summary>
    private void RequireInputsOnly(CheckDefinition check, Node rule)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in ExpressionCompiler.NameNodes(rule))
        {
            if (!_scope.TryResolve(name.Name, out var symbol) || symbol.Kind == SymbolKind.Input || !reported.Add(name.Name))
            {
                continue;
            }

            var (what, hint) = symbol.Kind != SymbolKind.Derived
                ? ("an engine quantity", "")
                : ("a derived quantity", _definition.Derived.FirstOrDefault(d => d.Id == name.Name) is { } derived ? $" ('{name.Name}' is {Flatten(derived.Expression)})" : "");
            Error(
                check.RuleAt.At(name.Offset),
                "check-reads-computed",
                $"The check '{check.Id}' reads '{name.Name}', {what}: checks are made on the inputs as given, before anything is computed from them, so they may read inputs only. Write the rule over the inputs instead{hint}.");
        }
    }

    /// <summary>An expression on one line, as a folded or block scalar may spread it over several.</summary>
    private static string Flatten(string expression) => string.Join(' ', expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private CompiledExpression? Compile(string text, ExpressionLocation at, TypeKind? expected, string owner) =>
        Parse(text, at) is { } node ? Bind(text, node, at, expected, owner) : null;

    private Node? Parse(string text, ExpressionLocation at)
    {
        var (node, error) = ExpressionCompiler.Parse(text);
        if (error is not null)
        {
            Error(at.At(error.Offset), error.Rule, error.Message);
        }

        return node;
    }

    private CompiledExpression? Bind(string text, Node node, ExpressionLocation at, TypeKind? expected, string owner, ISymbolScope? scope = null)
    {
        var (compiled, error) = ExpressionCompiler.Compile(text, node, scope ?? _scope, expected);
        if (error is not null)
        {
            Error(at.At(error.Offset), error.Rule, $"In {owner}: {error.Message}");
        }

        return compiled;
    }

    private bool CheckId(string id, SourcePosition at, string what, Regex pattern)
    {
        if (id.Length == 0)
        {
            return false;
        }

        if (!pattern.IsMatch(id))
        {
            Error(at, "bad-id", $"The {what} id '{id}' must start with a lowercase letter and hold only lowercase letters, digits and {(pattern == IdentifierPattern() ? "underscores" : "dashes or underscores")}.");
            return false;
        }

        if (Lexer.Keywords.ContainsKey(id) || Functions.Contains(id, StringComparer.Ordinal))
        {
            Error(at, "reserved-name", $"'{id}' is a word of the expression language and cannot name a {what}.");
            return false;
        }

        return true;
    }

    private bool CheckUnique(string id, SourcePosition at)
    {
        // Engine quantities join the scope only after the inputs, so they are checked by name as well.
        var engine = EngineQuantities.All.Any(q => q.Name == id);
        if (!_scope.Contains(id) && !engine)
        {
            return true;
        }

        var clash = engine ? "an engine quantity" : "another input or derived quantity";
        Error(at, "duplicate-id", $"The name '{id}' is already used by {clash}.");
        return false;
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
