using System.CommandLine;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Scoring;

namespace HiTech.Cli.Commands;

/// <summary>
/// <c>hitech explain --framework F --enterprise E.json [--json] [--lang en|ml]</c>: how one enterprise's index
/// and tier come about, criterion by criterion, and what it would take to reach the next tier.
/// </summary>
public static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var framework = new Option<string>("--framework") { Description = "Framework file, or a shipped id/version such as kerala-htmf/2025.1.", Required = true };
        var enterprise = new Option<string>("--enterprise") { Description = "The enterprise as JSON (see docs/registry-format.md).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the explanation as JSON." };
        var language = new Option<string>("--lang") { Description = "Language of framework texts: en or ml.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "ml");
        var command = new Command("explain", "Explain one enterprise's score.") { framework, enterprise, json, language };
        command.SetAction(parsed => Run(
            context,
            parsed.GetRequiredValue(framework),
            parsed.GetRequiredValue(enterprise),
            parsed.GetValue(json),
            parsed.GetValue(language) ?? "en"));
        return command;
    }

    private static int Run(CliContext context, string frameworkValue, string enterpriseValue, bool json, string language)
    {
        var compiled = DataLocator.LoadFramework(context, frameworkValue);
        var path = context.Resolve(enterpriseValue);
        if (!File.Exists(path))
        {
            throw new CliException($"{enterpriseValue}: no such file");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{enterpriseValue}: cannot be read: {e.Message}");
        }

        var (enterprise, errors) = EnterpriseJson.Read(text, enterpriseValue);
        if (enterprise is null)
        {
            throw new CliException(errors.Count > 0 ? errors : [$"{enterpriseValue}: not a valid enterprise"]);
        }

        var classifier = context.Classifier;
        if (enterprise.District is { } district && !classifier.Reference.Districts.TryResolve(district, out _))
        {
            throw new CliException($"{enterpriseValue}: $.district: '{district}' is not a Kerala district");
        }

        var (explanation, issues) = Explainer.Explain(compiled, classifier, enterprise, MaturityData.LoadSchemes(context));
        if (explanation is null)
        {
            throw new CliException([$"{enterpriseValue}: the enterprise cannot be scored:", .. issues.Select(i => $"{i.Field}: {i.Reason}")]);
        }

        context.Out.Write(json ? ExplanationJson.Serialize(explanation) + "\n" : ExplanationText.Render(explanation, language));
        return ExitCodes.Ok;
    }
}
