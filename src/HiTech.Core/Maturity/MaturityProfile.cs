using HiTech.Core.Reference;

namespace HiTech.Core.Maturity;

/// <summary>
/// What the instrument needs to know about the firm to decide which deep modules open: staff, whether it
/// manufactures, and its MSME size class. <c>opens_when</c> conditions read these as <c>employees</c>,
/// <c>manufacturing</c> and <c>size</c> ('micro' &lt; 'small' &lt; 'medium' &lt; 'large').
/// </summary>
public sealed record MaturityProfile(int Employees, bool Manufacturing, MsmeSize Size)
{
    public static string SizeId(MsmeSize size) => size switch
    {
        MsmeSize.Micro => "micro",
        MsmeSize.Small => "small",
        MsmeSize.Medium => "medium",
        _ => "large",
    };

    public static bool TryParseSize(string? text, out MsmeSize size)
    {
        switch (text)
        {
            case "micro":
                size = MsmeSize.Micro;
                return true;
            case "small":
                size = MsmeSize.Small;
                return true;
            case "medium":
                size = MsmeSize.Medium;
                return true;
            case "large":
                size = MsmeSize.Large;
                return true;
            default:
                size = MsmeSize.Micro;
                return false;
        }
    }
}
