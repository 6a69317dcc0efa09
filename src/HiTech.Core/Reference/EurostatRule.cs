namespace HiTech.Core.Reference;

/// <summary>One row of eurostat-technology.csv: a NACE Rev.2 prefix written in NIC / ISIC Rev.4 digits.</summary>
internal sealed record EurostatRule(int Line, string Prefix, string Group, bool Uncertain);
