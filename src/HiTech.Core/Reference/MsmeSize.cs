namespace HiTech.Core.Reference;

/// <summary>India's MSME size classes; anything above the medium limits is large.</summary>
public enum MsmeSize : byte
{
    Micro,
    Small,
    Medium,
    Large,
}
