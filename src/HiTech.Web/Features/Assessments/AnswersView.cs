namespace HiTech.Web.Features.Assessments;

/// <summary>The model of <c>_Answers.cshtml</c>: an assessment's answers, with Change links when it can still be changed.</summary>
public sealed record AnswersView(AssessmentDetail Detail, bool ShowChange);

/// <summary>The element id of an input's field on its page (the target of error summary and Change links).</summary>
public static class InputFieldIds
{
    public static string For(string inputId) => Shared.FieldId.For(InputField.Prefix + inputId);

    /// <summary>The page and field of an input: /assessments/{id}/inputs/{group}#Values-{input}.</summary>
    public static string Url(AssessmentDetail detail, string inputId) =>
        $"/assessments/{detail.Id}/inputs/{InputGroups.Of(detail.Framework, inputId).Id}#{For(inputId)}";
}
