namespace HiTech.Web.Features.Providers;

/// <summary>A GOV.UK checkbox group of a form (_Checkboxes.cshtml): the field name, its legend, the choices, what is ticked, its error.</summary>
public sealed record CheckboxGroup(string Name, string Legend, string? Hint, IReadOnlyList<Choice> Choices, IReadOnlyCollection<string> Selected, string? Error);

/// <summary>A select of the directory's filters (_Filter.cshtml): its query name, label, "any" wording, choices, value and error.</summary>
public sealed record FilterSelect(string Name, string Label, string Any, IReadOnlyList<Choice> Choices, string? Value, string? Error);
