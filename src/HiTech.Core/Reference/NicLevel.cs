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
