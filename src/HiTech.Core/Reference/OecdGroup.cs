namespace HiTech.Core.Reference;

/// <summary>OECD (2016) R&amp;D-intensity groups; the numeric order is the intensity order, so groups compare.</summary>
public enum OecdGroup : byte
{
    Low = 0,
    MediumLow = 1,
    Medium = 2,
    MediumHigh = 3,
    High = 4,
}
