namespace HiTech.Core.Reference;

/// <summary>A validated row of the NIC code list, before classifications are attached.</summary>
internal sealed record NicRow(int Line, NicLevel Level, string Code, string Title, string Section);
