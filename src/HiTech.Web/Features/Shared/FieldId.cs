namespace HiTech.Web.Features.Shared;

/// <summary>The id a form field gets from its model name, so error summary links land on the field.</summary>
public static class FieldId
{
    public static string For(string name) => name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);
}
