using System.Collections.Immutable;

namespace HiTech.Core.Reference;

/// <summary>One of Kerala's 14 districts with the spellings people use for it.</summary>
public sealed record District(string Id, string Name, string NameMl, ImmutableArray<string> Variants);
