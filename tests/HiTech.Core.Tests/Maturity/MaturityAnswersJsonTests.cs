using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Maturity;

public class MaturityAnswersJsonTests
{
    [Fact]
    public void A_sheet_survives_a_write_and_read_unchanged()
    {
        var sheet = MaturityTemplate.Build(TestMaturity.Shipped, MaturityTemplateLevel.Highest);

        var json = MaturityAnswersJson.Write(sheet, TestMaturity.Shipped);
        var (read, errors) = MaturityAnswersJson.Read(json, "answers.json");

        Assert.Empty(errors);
        Assert.Equal(sheet.Instrument, read!.Instrument);
        Assert.Equal(sheet.Profile, read.Profile);
        Assert.Equal(sheet.Answers.All.Keys, read.Answers.All.Keys);
        Assert.All(sheet.Answers.All, a => Assert.Equal(a.Value, read.Answers.All[a.Key]));
        Assert.Equal(json, MaturityAnswersJson.Write(read, TestMaturity.Shipped));
    }

    [Fact]
    public void The_file_lists_answers_in_question_order_with_tick_all_answers_as_lists()
    {
        var answers = TestMaturity.Answers(("s_records", ["system"]), ("s_channels", ["orders"]), ("s_plan", ["ideas"]));
        var sheet = new MaturityAnswerSheet("minimal/1.0", new MaturityProfile(12, true, MsmeSize.Small), answers);

        var json = MaturityAnswersJson.Write(sheet, TestMaturity.Minimal);

        Assert.Equal(
            """
            {
              "instrument": "minimal/1.0",
              "profile": {
                "employees": 12,
                "manufacturing": true,
                "size": "small"
              },
              "answers": {
                "s_plan": "ideas",
                "s_channels": [
                  "orders"
                ],
                "s_records": "system"
              }
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            json);
    }

    [Fact]
    public void Null_and_empty_answers_are_not_answered_yet()
    {
        const string Json = """{"profile": {"employees": 3, "manufacturing": false, "size": "micro"}, "answers": {"s_plan": null, "s_channels": [], "s_records": "paper"}}""";

        var (sheet, errors) = MaturityAnswersJson.Read(Json, "a.json");

        Assert.Empty(errors);
        Assert.Null(sheet!.Instrument);
        Assert.Equal(["s_records"], sheet.Answers.QuestionIds);
    }

    [Theory]
    [InlineData("""{"profile": {"employees": 3, "manufacturing": false, "size": "tiny"}, "answers": {}}""", "$.profile.size: must be \"micro\", \"small\", \"medium\" or \"large\" (not \"tiny\")")]
    [InlineData("""{"profile": {"employees": -3, "manufacturing": false, "size": "micro"}, "answers": {}}""", "$.profile.employees: must be a whole number")]
    [InlineData("""{"profile": {"employees": 3, "manufacturing": "yes", "size": "micro"}, "answers": {}}""", "$.profile.manufacturing: must be true or false")]
    [InlineData("""{"answers": {}}""", "$.profile: an object")]
    [InlineData("""{"profile": {"employees": 3, "manufacturing": false, "size": "micro"}}""", "$.answers: an object")]
    [InlineData("""{"profile": {"employees": 3, "manufacturing": false, "size": "micro"}, "answers": {"s_plan": 4}}""", "$.answers.s_plan: must be an option id, or a list of option ids (not the number 4)")]
    [InlineData("""{"profile": {"employees": 3, "manufacturing": false, "size": "micro"}, "answers": {}, "extra": 1}""", "$.extra: not a field of an answers file")]
    [InlineData("""{"profile": {"employees": 3, "manufacturing": false, "size": "micro"}, "answers": {"s_plan": "a", "s_plan": "b"}}""", "$.answers.s_plan: answered twice")]
    [InlineData("""{"profile": """, "line 1")]
    public void A_malformed_file_is_refused_with_the_path_of_the_fault(string json, string expected)
    {
        var (sheet, errors) = MaturityAnswersJson.Read(json, "a.json");

        Assert.Null(sheet);
        Assert.Contains(errors, e => e.StartsWith("a.json: ", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));
    }
}
