namespace HiTech.Core.Reference;

/// <summary>Levels of NIC 2008: letter, then 2, 3, 4 and 5 digits.</summary>
public enum NicLevel : byte
{
    Section,
    Division,
    Group,
    Class,
    SubClass,
}

/// <summary>The level names the data files and the API use.</summary>
public static class NicLevels
{
    public static string Id(this NicLevel level) => level switch
    {
        NicLevel.Section => "section",
        NicLevel.Division => "division",
        NicLevel.Group => "group",
        NicLevel.Class => "class",
        _ => "subclass",
    };
}
