using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiTech.Cli.Tests;

/// <summary>
/// The plans of <c>hitech explain --json</c> are applied to the enterprise file as a person would edit it (each input
/// set to its <c>to</c> value, its evidence kept) and explained again: each must give exactly the tier it says.
/// </summary>
public class ExplainPlanTests
{
    private static JsonNode Explain(TempFolder folder, string file)
    {
        var result = folder.Run("explain", "--framework", "kerala-htmf/2025.1", "--enterprise", file, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Out)!;
    }

    /// <summary>The enterprise file with a plan's changes written in.</summary>
    private static string Apply(string enterpriseJson, JsonNode plan)
    {
        var enterprise = JsonNode.Parse(enterpriseJson)!;
        var inputs = enterprise["inputs"]!.AsObject();
        foreach (var change in plan["changes"]!.AsArray())
        {
            var id = change!["input"]!.GetValue<string>();
            var to = change["to"]!.DeepClone();
            if (inputs[id] is JsonObject wrapped)
            {
                wrapped["value"] = to;
            }
            else
            {
                inputs[id] = to;
            }
        }

        return enterprise.ToJsonString();
    }

    private static void AssertPlansHold(string enterpriseJson)
    {
        using var folder = new TempFolder();
        folder.Write("e.json", enterpriseJson);
        var plans = Explain(folder, "e.json")["what_it_would_take"]!["plans"]!.AsArray();

        Assert.NotEmpty(plans);
        var n = 0;
        foreach (var plan in plans)
        {
            var file = $"plan{++n}.json";
            folder.Write(file, Apply(enterpriseJson, plan!));

            var again = Explain(folder, file);

            Assert.Equal(plan!["reaches"]!.GetValue<string>(), again["tier"]!["id"]!.GetValue<string>());
            Assert.Equal(plan["index"]!.GetValue<double>(), again["index"]!.GetValue<double>());
        }
    }

    [Fact]
    public void Every_plan_of_the_sample_enterprise_holds_when_applied_to_the_file() =>
        AssertPlansHold(File.ReadAllText(Cli.SampleEnterprise));

    [Fact]
    public void A_unit_stopped_by_a_condition_gets_plans_that_meet_it_first_and_hold()
    {
        // The sample without any certificate fails the top tier's quality condition.
        var enterprise = JsonNode.Parse(File.ReadAllText(Cli.SampleEnterprise))!;
        enterprise["inputs"]!.AsObject().Remove("certifications");
        var json = enterprise.ToJsonString();
        using var folder = new TempFolder();
        folder.Write("e.json", json);

        var wit = Explain(folder, "e.json")["what_it_would_take"]!;

        Assert.Contains("quality_system", wit["blocking_gates"]!.AsArray().Select(g => g!.GetValue<string>()));
        foreach (var plan in wit["plans"]!.AsArray())
        {
            var first = plan!["changes"]![0]!;
            Assert.Equal("certifications", first["input"]!.GetValue<string>());
            Assert.Contains("quality_system", first["meets_gates"]!.AsArray().Select(g => g!.GetValue<string>()));
            Assert.Contains("msme-zed-certification", first["schemes"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        }

        AssertPlansHold(json);
    }

    [Fact]
    public void The_json_gives_from_and_to_in_the_units_of_the_enterprise_file()
    {
        using var folder = new TempFolder();
        folder.Write("e.json", File.ReadAllText(Cli.SampleEnterprise));

        var changes = Explain(folder, "e.json")["what_it_would_take"]!["plans"]!.AsArray().SelectMany(p => p!["changes"]!.AsArray());

        Assert.All(changes, c =>
        {
            var kind = c!["type"]!.GetValue<string>() switch
            {
                "codes" => JsonValueKind.Array,
                "boolean" => c["to"]!.GetValueKind() is JsonValueKind.True ? JsonValueKind.True : JsonValueKind.False,
                _ => JsonValueKind.Number,
            };
            Assert.Equal(kind, c["to"]!.GetValueKind());
        });
    }
}
